-- CreateTable
CREATE TABLE "aanmeldlink" (
    "id" UUID NOT NULL,
    "gebruikerId" UUID NOT NULL,
    "hash" TEXT NOT NULL,
    "naar" TEXT NOT NULL DEFAULT '/',
    "verlooptOp" TIMESTAMP(3) NOT NULL,
    "gebruiktOp" TIMESTAMP(3),
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "aanmeldlink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessie" (
    "id" UUID NOT NULL,
    "gebruikerId" UUID NOT NULL,
    "hash" TEXT NOT NULL,
    "formulierSleutel" TEXT NOT NULL,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "laatstGebruiktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verlooptOp" TIMESTAMP(3) NOT NULL,
    "beeindigdOp" TIMESTAMP(3),

    CONSTRAINT "sessie_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "aanmeldlink_hash_key" ON "aanmeldlink"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "sessie_hash_key" ON "sessie"("hash");

-- AddForeignKey
ALTER TABLE "aanmeldlink" ADD CONSTRAINT "aanmeldlink_gebruikerId_fkey" FOREIGN KEY ("gebruikerId") REFERENCES "gebruiker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessie" ADD CONSTRAINT "sessie_gebruikerId_fkey" FOREIGN KEY ("gebruikerId") REFERENCES "gebruiker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

