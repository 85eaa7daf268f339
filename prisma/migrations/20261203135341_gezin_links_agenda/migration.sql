-- AlterEnum
ALTER TYPE "Berichtstatus" ADD VALUE 'vervallen';

-- AlterTable
ALTER TABLE "datum_voorstel" ADD COLUMN     "plaats" TEXT;

-- AlterTable
ALTER TABLE "bericht" ADD COLUMN     "agenda" TEXT,
ADD COLUMN     "geldigTot" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "link" ADD COLUMN     "eenmalig" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "onderwerpId" UUID,
ADD COLUMN     "sleutel" TEXT;

-- CreateTable
CREATE TABLE "tevredenheid" (
    "zaakId" UUID NOT NULL,
    "persoonId" UUID NOT NULL,
    "groep" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "opmerking" TEXT,
    "gegevenOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tevredenheid_pkey" PRIMARY KEY ("zaakId","persoonId")
);

-- CreateIndex
CREATE UNIQUE INDEX "link_sleutel_key" ON "link"("sleutel");

-- AddForeignKey
ALTER TABLE "tevredenheid" ADD CONSTRAINT "tevredenheid_zaakId_fkey" FOREIGN KEY ("zaakId") REFERENCES "zaak"("id") ON DELETE CASCADE ON UPDATE CASCADE;

