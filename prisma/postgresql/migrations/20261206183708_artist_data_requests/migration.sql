-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "dataRequest" TEXT,
ADD COLUMN     "dataRequestAt" TIMESTAMP(3),
ADD COLUMN     "dataRequestChat" TEXT,
ADD COLUMN     "forgottenAt" TIMESTAMP(3);
