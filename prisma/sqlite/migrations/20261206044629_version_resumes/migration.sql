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
    "resumes" INTEGER NOT NULL DEFAULT 0,
    "staleSeenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "awaitsBalance" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Delivery_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Delivery" ("awaitsBalance", "bookingId", "createdAt", "error", "facts", "hold", "id", "kind", "progress", "reportKey", "reportText", "sentAt", "settings", "sourceUploadId", "stage", "status", "version") SELECT "awaitsBalance", "bookingId", "createdAt", "error", "facts", "hold", "id", "kind", "progress", "reportKey", "reportText", "sentAt", "settings", "sourceUploadId", "stage", "status", "version" FROM "Delivery";
DROP TABLE "Delivery";
ALTER TABLE "new_Delivery" RENAME TO "Delivery";
CREATE UNIQUE INDEX "Delivery_bookingId_version_key" ON "Delivery"("bookingId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
