-- AlterTable
ALTER TABLE "zaak" ADD COLUMN     "bewarenReden" TEXT,
ADD COLUMN     "bewarenSinds" TIMESTAMP(3),
ADD COLUMN     "geanonimiseerdOp" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "persoon" ADD COLUMN     "gewistOp" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "regio" ADD COLUMN     "bewaartermijnDagen" INTEGER;

-- CreateIndex
CREATE INDEX "zaak_fase_afgeslotenOp_idx" ON "zaak"("fase", "afgeslotenOp");

