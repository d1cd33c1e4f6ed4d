-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "platformMessageId" TEXT,
ADD COLUMN     "replaceable" BOOLEAN NOT NULL DEFAULT false;
