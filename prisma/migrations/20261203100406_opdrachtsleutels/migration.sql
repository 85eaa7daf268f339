-- CreateTable
CREATE TABLE "opdrachtsleutel" (
    "sleutel" TEXT NOT NULL,
    "gebruikerId" UUID NOT NULL,
    "zaakId" UUID NOT NULL,
    "opdracht" TEXT NOT NULL,
    "verzoekHash" TEXT NOT NULL,
    "aangemaaktOp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opdrachtsleutel_pkey" PRIMARY KEY ("sleutel")
);

