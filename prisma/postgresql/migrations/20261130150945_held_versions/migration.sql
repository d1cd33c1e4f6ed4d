-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "sessionEndedAt" TIMESTAMP(3),
ADD COLUMN     "sessionStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "facts" TEXT,
ADD COLUMN     "hold" TEXT;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "chargedAt" TIMESTAMP(3);
