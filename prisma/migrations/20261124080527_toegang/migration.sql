-- CreateEnum
CREATE TYPE "Gebruikersrol" AS ENUM ('operations', 'regiomanager', 'coordinator', 'professional', 'admin');

-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "via" TEXT;

-- CreateTable
CREATE TABLE "gebruiker" (
    "id" UUID NOT NULL,
    "naam" TEXT NOT NULL,
    "rol" "Gebruikersrol" NOT NULL,
    "persoonId" UUID,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "geblokkeerdOp" TIMESTAMP(3),

    CONSTRAINT "gebruiker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "token" (
    "id" UUID NOT NULL,
    "gebruikerId" UUID NOT NULL,
    "hash" TEXT NOT NULL,
    "verlooptOp" TIMESTAMP(3) NOT NULL,
    "ingetrokkenOp" TIMESTAMP(3),
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "gebruiker_naam_key" ON "gebruiker"("naam");

-- CreateIndex
CREATE UNIQUE INDEX "token_hash_key" ON "token"("hash");

-- AddForeignKey
ALTER TABLE "token" ADD CONSTRAINT "token_gebruikerId_fkey" FOREIGN KEY ("gebruikerId") REFERENCES "gebruiker"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The audit trail is append-only: no row is ever changed or removed by the application.
CREATE FUNCTION audit_event_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_alleen_toevoegen
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION audit_event_alleen_toevoegen();
