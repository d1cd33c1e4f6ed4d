-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "duplicateOf" TEXT,
ADD COLUMN     "settledBy" TEXT;

-- AlterTable
ALTER TABLE "StripeEvent" ADD COLUMN     "detail" TEXT,
ADD COLUMN     "outcome" TEXT;

-- CreateTable
CREATE TABLE "CheckoutPage" (
    "id" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckoutPage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CheckoutPage_paymentId_idx" ON "CheckoutPage"("paymentId");

-- AddForeignKey
ALTER TABLE "CheckoutPage" ADD CONSTRAINT "CheckoutPage_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The pages made before this migration: each payment's current page, at the amount it asks now.
INSERT INTO "CheckoutPage" ("id", "paymentId", "amountCents", "currency", "createdAt")
SELECT "checkoutId", "id", "amountCents", "currency", "createdAt" FROM "Payment" WHERE "checkoutId" IS NOT NULL;
