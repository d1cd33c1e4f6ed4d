-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "duplicateOf" TEXT;
ALTER TABLE "Payment" ADD COLUMN "settledBy" TEXT;

-- AlterTable
ALTER TABLE "StripeEvent" ADD COLUMN "detail" TEXT;
ALTER TABLE "StripeEvent" ADD COLUMN "outcome" TEXT;

-- CreateTable
CREATE TABLE "CheckoutPage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "paymentId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckoutPage_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CheckoutPage_paymentId_idx" ON "CheckoutPage"("paymentId");

-- The pages made before this migration: each payment's current page, at the amount it asks now.
INSERT INTO "CheckoutPage" ("id", "paymentId", "amountCents", "currency", "createdAt")
SELECT "checkoutId", "id", "amountCents", "currency", "createdAt" FROM "Payment" WHERE "checkoutId" IS NOT NULL;
