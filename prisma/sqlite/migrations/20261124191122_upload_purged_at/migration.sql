-- AlterTable
ALTER TABLE "Upload" ADD COLUMN "purgedAt" DATETIME;
