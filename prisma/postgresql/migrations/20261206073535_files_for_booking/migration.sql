-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "filesForBookingId" TEXT,
ADD COLUMN     "filesForUntil" TIMESTAMP(3);
