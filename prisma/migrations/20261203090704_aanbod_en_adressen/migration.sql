-- AlterTable
ALTER TABLE "zaak" ADD COLUMN     "aangebodenAanId" UUID;


-- The offer open now, for cases in intake whose latest word on an offer is the offer itself.
UPDATE "zaak" AS z
SET "aangebodenAanId" = (laatste."details" ->> 'coordinatorId')::uuid
FROM (
  SELECT DISTINCT ON ("zaakId") "zaakId", "soort", "details"
  FROM "gebeurtenis"
  WHERE "soort" IN ('coordinator.aangeboden', 'coordinator.aanbod-ingetrokken', 'coordinator.afgewezen', 'coordinator.aanvaard')
  ORDER BY "zaakId", "id" DESC
) AS laatste
WHERE laatste."zaakId" = z."id"
  AND laatste."soort" = 'coordinator.aangeboden'
  AND z."fase" = 'intake'
  AND z."coordinatorId" IS NULL;

-- Addresses are kept in lower case, so the same address is the same text.
UPDATE "persoon" SET "email" = lower(trim("email")) WHERE "email" IS NOT NULL AND "email" <> lower(trim("email"));
