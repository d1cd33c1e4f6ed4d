-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "error" TEXT,
ADD COLUMN     "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "reportText" TEXT,
ADD COLUMN     "settings" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "sourceUploadId" TEXT,
ADD COLUMN     "stage" TEXT;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "adjustments" TEXT NOT NULL DEFAULT '{}';
