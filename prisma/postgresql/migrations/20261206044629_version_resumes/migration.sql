-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "resumes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "staleSeenAt" TIMESTAMP(3);
