-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "purgedAt" TIMESTAMP(3);
