-- AlterTable
ALTER TABLE "Client" ADD COLUMN "dataRequest" TEXT;
ALTER TABLE "Client" ADD COLUMN "dataRequestAt" DATETIME;
ALTER TABLE "Client" ADD COLUMN "dataRequestChat" TEXT;
ALTER TABLE "Client" ADD COLUMN "forgottenAt" DATETIME;
