-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bookingId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "notes" TEXT NOT NULL,
    "paid" BOOLEAN NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "adjustments" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "chargedAt" DATETIME,
    "forEngineer" BOOLEAN NOT NULL DEFAULT false,
    "deliveryId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "Revision_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Revision_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Revision" ("adjustments", "bookingId", "chargedAt", "createdAt", "deliveryId", "id", "notes", "number", "paid", "priceCents", "resolvedAt", "status") SELECT "adjustments", "bookingId", "chargedAt", "createdAt", "deliveryId", "id", "notes", "number", "paid", "priceCents", "resolvedAt", "status" FROM "Revision";
DROP TABLE "Revision";
ALTER TABLE "new_Revision" RENAME TO "Revision";
CREATE UNIQUE INDEX "Revision_deliveryId_key" ON "Revision"("deliveryId");
CREATE UNIQUE INDEX "Revision_bookingId_number_key" ON "Revision"("bookingId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
