-- AlterTable
ALTER TABLE "zaak" ADD COLUMN     "gemeente" TEXT;

-- CreateTable
CREATE TABLE "link" (
    "id" UUID NOT NULL,
    "zaakId" UUID NOT NULL,
    "persoonId" UUID NOT NULL,
    "doel" TEXT NOT NULL,
    "verlooptOp" TIMESTAMP(3) NOT NULL,
    "gebruiktOp" TIMESTAMP(3),
    "ingetrokkenOp" TIMESTAMP(3),
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "link_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "link_zaakId_idx" ON "link"("zaakId");

-- AddForeignKey
ALTER TABLE "link" ADD CONSTRAINT "link_zaakId_fkey" FOREIGN KEY ("zaakId") REFERENCES "zaak"("id") ON DELETE CASCADE ON UPDATE CASCADE;

