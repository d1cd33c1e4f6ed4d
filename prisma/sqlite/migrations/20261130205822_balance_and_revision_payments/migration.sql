-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bookingId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'master',
    "status" TEXT NOT NULL,
    "hold" TEXT,
    "facts" TEXT,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "stage" TEXT,
    "progress" REAL NOT NULL DEFAULT 0,
    "sourceUploadId" TEXT,
    "reportKey" TEXT,
    "reportText" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "awaitsBalance" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Delivery_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Delivery" ("bookingId", "createdAt", "error", "facts", "hold", "id", "kind", "progress", "reportKey", "reportText", "sentAt", "settings", "sourceUploadId", "stage", "status", "version") SELECT "bookingId", "createdAt", "error", "facts", "hold", "id", "kind", "progress", "reportKey", "reportText", "sentAt", "settings", "sourceUploadId", "stage", "status", "version" FROM "Delivery";
DROP TABLE "Delivery";
ALTER TABLE "new_Delivery" RENAME TO "Delivery";
CREATE UNIQUE INDEX "Delivery_bookingId_version_key" ON "Delivery"("bookingId", "version");
CREATE TABLE "new_Payment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bookingId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'stripe',
    "checkoutId" TEXT,
    "checkoutUrl" TEXT,
    "paymentIntentId" TEXT,
    "receiptUrl" TEXT,
    "telegramChargeId" TEXT,
    "providerChargeId" TEXT,
    "refundId" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "paidAt" DATETIME,
    "request" TEXT,
    "revisionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Payment_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Payment" ("amountCents", "bookingId", "checkoutId", "checkoutUrl", "createdAt", "currency", "expiresAt", "id", "paidAt", "paymentIntentId", "purpose", "receiptUrl", "refundId", "status") SELECT "amountCents", "bookingId", "checkoutId", "checkoutUrl", "createdAt", "currency", "expiresAt", "id", "paidAt", "paymentIntentId", "purpose", "receiptUrl", "refundId", "status" FROM "Payment";
DROP TABLE "Payment";
ALTER TABLE "new_Payment" RENAME TO "Payment";
CREATE UNIQUE INDEX "Payment_checkoutId_key" ON "Payment"("checkoutId");
CREATE UNIQUE INDEX "Payment_revisionId_key" ON "Payment"("revisionId");
CREATE INDEX "Payment_status_expiresAt_idx" ON "Payment"("status", "expiresAt");
CREATE INDEX "Payment_bookingId_idx" ON "Payment"("bookingId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
