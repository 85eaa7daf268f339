-- CreateTable
CREATE TABLE "aanmeldteller" (
    "sleutel" TEXT NOT NULL,
    "aantal" INTEGER NOT NULL,
    "totOp" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "aanmeldteller_pkey" PRIMARY KEY ("sleutel")
);

-- CreateIndex
CREATE INDEX "aanmeldteller_totOp_idx" ON "aanmeldteller"("totOp");

