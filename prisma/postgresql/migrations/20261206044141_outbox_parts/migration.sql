-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "claimToken" TEXT,
ADD COLUMN     "partsSent" INTEGER NOT NULL DEFAULT 0;
