-- AlterTable
ALTER TABLE "Booking" ADD COLUMN "sessionEndedAt" DATETIME;
ALTER TABLE "Booking" ADD COLUMN "sessionStartedAt" DATETIME;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "facts" TEXT;
ALTER TABLE "Delivery" ADD COLUMN "hold" TEXT;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN "chargedAt" DATETIME;
