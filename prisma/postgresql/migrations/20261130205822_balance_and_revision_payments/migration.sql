-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "awaitsBalance" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "provider" TEXT NOT NULL DEFAULT 'stripe',
ADD COLUMN     "providerChargeId" TEXT,
ADD COLUMN     "request" TEXT,
ADD COLUMN     "revisionId" TEXT,
ADD COLUMN     "telegramChargeId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Payment_revisionId_key" ON "Payment"("revisionId");
