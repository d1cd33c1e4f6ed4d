-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bookingId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'master',
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
INSERT INTO "new_Delivery" ("bookingId", "createdAt", "error", "id", "progress", "reportKey", "reportText", "sentAt", "settings", "sourceUploadId", "stage", "status", "version") SELECT "bookingId", "createdAt", "error", "id", "progress", "reportKey", "reportText", "sentAt", "settings", "sourceUploadId", "stage", "status", "version" FROM "Delivery";
DROP TABLE "Delivery";
ALTER TABLE "new_Delivery" RENAME TO "Delivery";
CREATE UNIQUE INDEX "Delivery_bookingId_version_key" ON "Delivery"("bookingId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Versions made before the column said what they were in their settings JSON.
UPDATE "Delivery" SET "kind" = 'mixdown' WHERE "settings" LIKE '%"mixdown":%';
UPDATE "Delivery" SET "kind" = 'engineer' WHERE "settings" LIKE '%"engineer":true%';
