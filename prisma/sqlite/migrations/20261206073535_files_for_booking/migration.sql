-- AlterTable
ALTER TABLE "Client" ADD COLUMN "filesForBookingId" TEXT;
ALTER TABLE "Client" ADD COLUMN "filesForUntil" DATETIME;
