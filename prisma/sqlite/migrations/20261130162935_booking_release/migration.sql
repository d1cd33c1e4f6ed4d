-- AlterTable
ALTER TABLE "Booking" ADD COLUMN "release" TEXT;
