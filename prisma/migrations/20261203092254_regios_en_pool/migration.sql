-- A region has one or more regiomanagers: the single column becomes a table, its values kept.
CREATE TABLE "regio_manager" (
    "regio" TEXT NOT NULL,
    "persoonId" UUID NOT NULL,

    CONSTRAINT "regio_manager_pkey" PRIMARY KEY ("regio","persoonId")
);

CREATE INDEX "regio_manager_persoonId_idx" ON "regio_manager"("persoonId");

ALTER TABLE "regio_manager" ADD CONSTRAINT "regio_manager_regio_fkey" FOREIGN KEY ("regio") REFERENCES "regio"("naam") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "regio_manager" ADD CONSTRAINT "regio_manager_persoonId_fkey" FOREIGN KEY ("persoonId") REFERENCES "persoon"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

INSERT INTO "regio_manager" ("regio", "persoonId")
SELECT "naam", "regiomanagerId" FROM "regio" WHERE "regiomanagerId" IS NOT NULL;

ALTER TABLE "regio" DROP CONSTRAINT "regio_regiomanagerId_fkey";

ALTER TABLE "regio" DROP COLUMN "regiomanagerId",
ADD COLUMN     "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "gemeenten" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "opgehevenOp" TIMESTAMP(3);

-- The coordinator pool: a period away, and when a profile last changed.
ALTER TABLE "coordinator" ADD COLUMN     "afwezigTot" TIMESTAMP(3),
ADD COLUMN     "afwezigVan" TIMESTAMP(3),
ADD COLUMN     "bijgewerktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
