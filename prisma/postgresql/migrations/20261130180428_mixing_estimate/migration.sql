-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "bookedHours" DOUBLE PRECISION,
ADD COLUMN     "mixHours" DOUBLE PRECISION,
ADD COLUMN     "mixHoursBy" TEXT,
ADD COLUMN     "mixTimeAskedHours" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "character" TEXT;
