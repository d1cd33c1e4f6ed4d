-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bookingId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "stage" TEXT,
    "progress" REAL NOT NULL DEFAULT 0,
    "sourceUploadId" TEXT,
    "reportKey" TEXT,
    "reportText" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "Delivery_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Delivery" ("bookingId", "createdAt", "id", "reportKey", "sentAt", "status", "version") SELECT "bookingId", "createdAt", "id", "reportKey", "sentAt", "status", "version" FROM "Delivery";
DROP TABLE "Delivery";
ALTER TABLE "new_Delivery" RENAME TO "Delivery";
CREATE UNIQUE INDEX "Delivery_bookingId_version_key" ON "Delivery"("bookingId", "version");
CREATE TABLE "new_Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bookingId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "notes" TEXT NOT NULL,
    "paid" BOOLEAN NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "adjustments" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "deliveryId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "Revision_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Revision_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Revision" ("bookingId", "createdAt", "deliveryId", "id", "notes", "number", "paid", "priceCents", "resolvedAt", "status") SELECT "bookingId", "createdAt", "deliveryId", "id", "notes", "number", "paid", "priceCents", "resolvedAt", "status" FROM "Revision";
DROP TABLE "Revision";
ALTER TABLE "new_Revision" RENAME TO "Revision";
CREATE UNIQUE INDEX "Revision_deliveryId_key" ON "Revision"("deliveryId");
CREATE UNIQUE INDEX "Revision_bookingId_number_key" ON "Revision"("bookingId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
