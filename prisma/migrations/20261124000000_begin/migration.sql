-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Fase" AS ENUM ('aanvraag', 'intake', 'voorbereiding', 'conferentie', 'uitvoering', 'afgesloten');

-- CreateEnum
CREATE TYPE "Rol" AS ENUM ('aanvrager', 'hoofdpersoon', 'netwerk', 'professional', 'coordinator', 'regiomanager');

-- CreateTable
CREATE TABLE "zaak" (
    "id" UUID NOT NULL,
    "regio" TEXT NOT NULL,
    "noodsituatie" BOOLEAN NOT NULL DEFAULT false,
    "vraag" TEXT,
    "wensen" JSONB NOT NULL DEFAULT '{}',
    "fase" "Fase" NOT NULL DEFAULT 'aanvraag',
    "workflowId" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "verzoekHash" TEXT,
    "aangevraagdOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bijgewerktOp" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "zaak_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persoon" (
    "id" UUID NOT NULL,
    "naam" TEXT NOT NULL,
    "email" TEXT,
    "telefoon" TEXT,
    "taal" TEXT NOT NULL DEFAULT 'nl',
    "organisatie" TEXT,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "persoon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deelnemer" (
    "id" UUID NOT NULL,
    "zaakId" UUID NOT NULL,
    "persoonId" UUID NOT NULL,
    "rol" "Rol" NOT NULL,
    "relatie" TEXT,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deelnemer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "zaakId" UUID,
    "actor" TEXT NOT NULL,
    "actie" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "sleutel" TEXT,
    "op" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "zaak_workflowId_key" ON "zaak"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "zaak_idempotencyKey_key" ON "zaak"("idempotencyKey");

-- CreateIndex
CREATE INDEX "zaak_regio_fase_idx" ON "zaak"("regio", "fase");

-- CreateIndex
CREATE INDEX "deelnemer_persoonId_idx" ON "deelnemer"("persoonId");

-- CreateIndex
CREATE UNIQUE INDEX "deelnemer_zaakId_persoonId_rol_key" ON "deelnemer"("zaakId", "persoonId", "rol");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_sleutel_key" ON "audit_event"("sleutel");

-- CreateIndex
CREATE INDEX "audit_event_zaakId_op_idx" ON "audit_event"("zaakId", "op");

-- AddForeignKey
ALTER TABLE "deelnemer" ADD CONSTRAINT "deelnemer_zaakId_fkey" FOREIGN KEY ("zaakId") REFERENCES "zaak"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deelnemer" ADD CONSTRAINT "deelnemer_persoonId_fkey" FOREIGN KEY ("persoonId") REFERENCES "persoon"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_zaakId_fkey" FOREIGN KEY ("zaakId") REFERENCES "zaak"("id") ON DELETE CASCADE ON UPDATE CASCADE;

