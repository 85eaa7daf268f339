-- CreateEnum
CREATE TYPE "Afsluiting" AS ENUM ('afgerond', 'ingetrokken', 'geannuleerd');

-- CreateEnum
CREATE TYPE "WettelijkeRol" AS ENUM ('jeugdbescherming', 'reclassering', 'curator', 'schuldhulpverlening', 'rechterlijke_maatregel');

-- CreateEnum
CREATE TYPE "Uitnodiging" AS ENUM ('niet_uitgenodigd', 'uitgenodigd', 'bevestigd', 'afgemeld');

-- CreateEnum
CREATE TYPE "Bezoek" AS ENUM ('niet_gepland', 'gepland', 'bezocht', 'niet_gelukt');

-- CreateEnum
CREATE TYPE "Inhoudstatus" AS ENUM ('concept', 'vastgelegd');

-- CreateEnum
CREATE TYPE "FormulierStatus" AS ENUM ('concept', 'ingediend', 'gepubliceerd');

-- CreateEnum
CREATE TYPE "DatumStatus" AS ENUM ('voorgesteld', 'bevestigd', 'vervallen');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('concept', 'gepresenteerd', 'geaccepteerd', 'vervangen');

-- CreateEnum
CREATE TYPE "AfspraakSoort" AS ENUM ('vervolgcontrole', 'voortgangsgesprek', 'evaluatie', 'bijeenkomst');

-- AlterTable
ALTER TABLE "zaak" ADD COLUMN     "afgeslotenOp" TIMESTAMP(3),
ADD COLUMN     "afsluiting" "Afsluiting",
ADD COLUMN     "conferentieOp" TIMESTAMP(3),
ADD COLUMN     "coordinatorId" UUID,
ADD COLUMN     "evaluatieOp" TIMESTAMP(3),
ADD COLUMN     "regiomanagerId" UUID,
ADD COLUMN     "termijnOp" TIMESTAMP(3),
ADD COLUMN     "termijnSoort" TEXT;

-- AlterTable
ALTER TABLE "deelnemer" ADD COLUMN     "aangewezen" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "bezoek" "Bezoek" NOT NULL DEFAULT 'niet_gepland',
ADD COLUMN     "status" "Inhoudstatus" NOT NULL DEFAULT 'vastgelegd',
ADD COLUMN     "uitnodiging" "Uitnodiging" NOT NULL DEFAULT 'niet_uitgenodigd',
ADD COLUMN     "voorgesteldDoorId" UUID,
ADD COLUMN     "wettelijkeRol" "WettelijkeRol";

-- CreateTable
CREATE TABLE "regio" (
    "naam" TEXT NOT NULL,
    "regiomanagerId" UUID,

    CONSTRAINT "regio_pkey" PRIMARY KEY ("naam")
);

-- CreateTable
CREATE TABLE "coordinator" (
    "persoonId" UUID NOT NULL,
    "regios" TEXT[],
    "talen" TEXT[],
    "geslacht" TEXT,
    "achtergronden" TEXT[],
    "beschikbaar" BOOLEAN NOT NULL DEFAULT true,
    "maxZaken" INTEGER NOT NULL DEFAULT 3,

    CONSTRAINT "coordinator_pkey" PRIMARY KEY ("persoonId")
);

-- CreateTable
CREATE TABLE "coordinator_relatie" (
    "coordinatorId" UUID NOT NULL,
    "persoonId" UUID NOT NULL,

    CONSTRAINT "coordinator_relatie_pkey" PRIMARY KEY ("coordinatorId","persoonId")
);

-- CreateTable
CREATE TABLE "gebeurtenis" (
    "id" BIGSERIAL NOT NULL,
    "zaakId" UUID NOT NULL,
    "soort" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "doorId" UUID,
    "op" TIMESTAMP(3) NOT NULL,
    "sleutel" TEXT NOT NULL,

    CONSTRAINT "gebeurtenis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tekst" (
    "id" UUID NOT NULL,
    "zaakId" UUID NOT NULL,
    "soort" TEXT NOT NULL,
    "inhoud" TEXT NOT NULL,
    "doorId" UUID,
    "status" "Inhoudstatus" NOT NULL DEFAULT 'concept',
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tekst_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "voorwaarden_formulier" (
    "id" UUID NOT NULL,
    "zaakId" UUID NOT NULL,
    "professionalId" UUID NOT NULL,
    "versie" INTEGER NOT NULL,
    "zorgen" TEXT NOT NULL,
    "status" "FormulierStatus" NOT NULL DEFAULT 'concept',
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ingediendOp" TIMESTAMP(3),
    "gepubliceerdOp" TIMESTAMP(3),

    CONSTRAINT "voorwaarden_formulier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "voorwaarde" (
    "formulierId" UUID NOT NULL,
    "nummer" INTEGER NOT NULL,
    "tekst" TEXT NOT NULL,

    CONSTRAINT "voorwaarde_pkey" PRIMARY KEY ("formulierId","nummer")
);

-- CreateTable
CREATE TABLE "datum_voorstel" (
    "id" UUID NOT NULL,
    "zaakId" UUID NOT NULL,
    "op" TIMESTAMP(3) NOT NULL,
    "status" "DatumStatus" NOT NULL DEFAULT 'voorgesteld',

    CONSTRAINT "datum_voorstel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "beschikbaarheid" (
    "voorstelId" UUID NOT NULL,
    "persoonId" UUID NOT NULL,
    "beschikbaar" BOOLEAN NOT NULL,

    CONSTRAINT "beschikbaarheid_pkey" PRIMARY KEY ("voorstelId","persoonId")
);

-- CreateTable
CREATE TABLE "plan" (
    "id" UUID NOT NULL,
    "zaakId" UUID NOT NULL,
    "versie" INTEGER NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'concept',
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_actie" (
    "planId" UUID NOT NULL,
    "nummer" INTEGER NOT NULL,
    "wat" TEXT NOT NULL,
    "wie" TEXT NOT NULL,
    "uiterlijk" TIMESTAMP(3),

    CONSTRAINT "plan_actie_pkey" PRIMARY KEY ("planId","nummer")
);

-- CreateTable
CREATE TABLE "hulpvraag" (
    "planId" UUID NOT NULL,
    "professionalId" UUID NOT NULL,
    "tekst" TEXT NOT NULL,

    CONSTRAINT "hulpvraag_pkey" PRIMARY KEY ("planId","professionalId")
);

-- CreateTable
CREATE TABLE "toetsing" (
    "id" UUID NOT NULL,
    "zaakId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "professionalId" UUID NOT NULL,
    "ronde" INTEGER NOT NULL,
    "status" "Inhoudstatus" NOT NULL DEFAULT 'concept',
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "toetsing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oordeel" (
    "toetsingId" UUID NOT NULL,
    "nummer" INTEGER NOT NULL,
    "voldaan" BOOLEAN NOT NULL,
    "reden" TEXT NOT NULL,

    CONSTRAINT "oordeel_pkey" PRIMARY KEY ("toetsingId","nummer")
);

-- CreateTable
CREATE TABLE "afspraak" (
    "id" UUID NOT NULL,
    "zaakId" UUID NOT NULL,
    "soort" "AfspraakSoort" NOT NULL,
    "op" TIMESTAMP(3) NOT NULL,
    "gehouden" BOOLEAN NOT NULL DEFAULT false,
    "aanleidingId" UUID,
    "planId" UUID,
    "aanwezigen" TEXT[],
    "sleutel" TEXT NOT NULL,

    CONSTRAINT "afspraak_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "melding" (
    "id" UUID NOT NULL,
    "zaakId" UUID NOT NULL,
    "soort" TEXT NOT NULL,
    "ontvangerId" UUID NOT NULL,
    "rol" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "sleutel" TEXT NOT NULL,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "melding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "gebeurtenis_sleutel_key" ON "gebeurtenis"("sleutel");

-- CreateIndex
CREATE INDEX "gebeurtenis_zaakId_op_idx" ON "gebeurtenis"("zaakId", "op");

-- CreateIndex
CREATE INDEX "tekst_zaakId_soort_idx" ON "tekst"("zaakId", "soort");

-- CreateIndex
CREATE UNIQUE INDEX "voorwaarden_formulier_zaakId_professionalId_versie_key" ON "voorwaarden_formulier"("zaakId", "professionalId", "versie");

-- CreateIndex
CREATE UNIQUE INDEX "plan_zaakId_versie_key" ON "plan"("zaakId", "versie");

-- CreateIndex
CREATE UNIQUE INDEX "afspraak_sleutel_key" ON "afspraak"("sleutel");

-- CreateIndex
CREATE INDEX "afspraak_zaakId_soort_idx" ON "afspraak"("zaakId", "soort");

-- CreateIndex
CREATE UNIQUE INDEX "melding_sleutel_key" ON "melding"("sleutel");

-- CreateIndex
CREATE INDEX "melding_zaakId_idx" ON "melding"("zaakId");

-- CreateIndex
CREATE INDEX "zaak_coordinatorId_fase_idx" ON "zaak"("coordinatorId", "fase");

-- CreateIndex
CREATE INDEX "zaak_termijnOp_idx" ON "zaak"("termijnOp");

-- AddForeignKey
ALTER TABLE "regio" ADD CONSTRAINT "regio_regiomanagerId_fkey" FOREIGN KEY ("regiomanagerId") REFERENCES "persoon"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coordinator" ADD CONSTRAINT "coordinator_persoonId_fkey" FOREIGN KEY ("persoonId") REFERENCES "persoon"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coordinator_relatie" ADD CONSTRAINT "coordinator_relatie_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "coordinator"("persoonId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gebeurtenis" ADD CONSTRAINT "gebeurtenis_zaakId_fkey" FOREIGN KEY ("zaakId") REFERENCES "zaak"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tekst" ADD CONSTRAINT "tekst_zaakId_fkey" FOREIGN KEY ("zaakId") REFERENCES "zaak"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voorwaarden_formulier" ADD CONSTRAINT "voorwaarden_formulier_zaakId_fkey" FOREIGN KEY ("zaakId") REFERENCES "zaak"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voorwaarde" ADD CONSTRAINT "voorwaarde_formulierId_fkey" FOREIGN KEY ("formulierId") REFERENCES "voorwaarden_formulier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "datum_voorstel" ADD CONSTRAINT "datum_voorstel_zaakId_fkey" FOREIGN KEY ("zaakId") REFERENCES "zaak"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "beschikbaarheid" ADD CONSTRAINT "beschikbaarheid_voorstelId_fkey" FOREIGN KEY ("voorstelId") REFERENCES "datum_voorstel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan" ADD CONSTRAINT "plan_zaakId_fkey" FOREIGN KEY ("zaakId") REFERENCES "zaak"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_actie" ADD CONSTRAINT "plan_actie_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hulpvraag" ADD CONSTRAINT "hulpvraag_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "toetsing" ADD CONSTRAINT "toetsing_zaakId_fkey" FOREIGN KEY ("zaakId") REFERENCES "zaak"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oordeel" ADD CONSTRAINT "oordeel_toetsingId_fkey" FOREIGN KEY ("toetsingId") REFERENCES "toetsing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "afspraak" ADD CONSTRAINT "afspraak_zaakId_fkey" FOREIGN KEY ("zaakId") REFERENCES "zaak"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "melding" ADD CONSTRAINT "melding_zaakId_fkey" FOREIGN KEY ("zaakId") REFERENCES "zaak"("id") ON DELETE CASCADE ON UPDATE CASCADE;

