-- CreateEnum
CREATE TYPE "Voorkeurskanaal" AS ENUM ('email', 'sms', 'beide');

-- CreateEnum
CREATE TYPE "Kanaal" AS ENUM ('email', 'sms');

-- CreateEnum
CREATE TYPE "Berichtstatus" AS ENUM ('wachtrij', 'versturen', 'verstuurd', 'afgeleverd', 'niet_afgeleverd', 'mislukt', 'onzeker');

-- AlterTable
ALTER TABLE "persoon" ADD COLUMN     "kanaal" "Voorkeurskanaal";

-- CreateTable
CREATE TABLE "bericht" (
    "id" UUID NOT NULL,
    "meldingId" UUID NOT NULL,
    "zaakId" UUID NOT NULL,
    "kanaal" "Kanaal" NOT NULL,
    "adres" TEXT NOT NULL,
    "taal" TEXT NOT NULL,
    "onderwerp" TEXT NOT NULL,
    "inhoud" TEXT NOT NULL,
    "status" "Berichtstatus" NOT NULL DEFAULT 'wachtrij',
    "providerId" TEXT,
    "fout" TEXT,
    "pogingen" INTEGER NOT NULL DEFAULT 0,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bijgewerktOp" TIMESTAMP(3) NOT NULL,
    "verstuurdOp" TIMESTAMP(3),

    CONSTRAINT "bericht_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sms_afmelding" (
    "nummer" TEXT NOT NULL,
    "afgemeldOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_afmelding_pkey" PRIMARY KEY ("nummer")
);

-- CreateIndex
CREATE UNIQUE INDEX "bericht_providerId_key" ON "bericht"("providerId");

-- CreateIndex
CREATE INDEX "bericht_zaakId_idx" ON "bericht"("zaakId");

-- CreateIndex
CREATE UNIQUE INDEX "bericht_meldingId_kanaal_key" ON "bericht"("meldingId", "kanaal");

-- AddForeignKey
ALTER TABLE "bericht" ADD CONSTRAINT "bericht_meldingId_fkey" FOREIGN KEY ("meldingId") REFERENCES "melding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

