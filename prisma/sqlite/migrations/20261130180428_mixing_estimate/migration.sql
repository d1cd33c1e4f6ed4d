-- AlterTable
ALTER TABLE "Booking" ADD COLUMN "bookedHours" REAL;
ALTER TABLE "Booking" ADD COLUMN "mixHours" REAL;
ALTER TABLE "Booking" ADD COLUMN "mixHoursBy" TEXT;
ALTER TABLE "Booking" ADD COLUMN "mixTimeAskedHours" REAL;

-- AlterTable
ALTER TABLE "Upload" ADD COLUMN "character" TEXT;
