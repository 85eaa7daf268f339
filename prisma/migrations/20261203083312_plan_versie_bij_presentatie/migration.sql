-- AlterTable
ALTER TABLE "plan" ALTER COLUMN "versie" DROP NOT NULL;

