-- DropIndex
DROP INDEX "AvailabilityRule_weekday_idx";

-- DropIndex
DROP INDEX "AvailabilityOverride_date_idx";

-- AlterTable
ALTER TABLE "AvailabilityRule" ADD COLUMN "engineerId" TEXT;

-- AlterTable
ALTER TABLE "AvailabilityOverride" ADD COLUMN "engineerId" TEXT;

-- CreateTable
CREATE TABLE "EngineerIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "engineerId" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    CONSTRAINT "EngineerIdentity_engineerId_fkey" FOREIGN KEY ("engineerId") REFERENCES "Engineer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Engineer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "owner" BOOLEAN NOT NULL DEFAULT false,
    "services" TEXT,
    "alertChats" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Engineer" ("active", "createdAt", "id", "name") SELECT "active", "createdAt", "id", "name" FROM "Engineer";
DROP TABLE "Engineer";
ALTER TABLE "new_Engineer" RENAME TO "Engineer";
CREATE UNIQUE INDEX "Engineer_name_key" ON "Engineer"("name");
CREATE TABLE "new_Booking" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "engineerId" TEXT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    "dueAt" DATETIME,
    "timeZone" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "includedRevisions" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "originPlatform" TEXT NOT NULL,
    "originChatId" TEXT NOT NULL,
    "rescheduledFromId" TEXT,
    "notes" TEXT,
    "sessionStartedAt" DATETIME,
    "sessionEndedAt" DATETIME,
    "sessionEngineer" TEXT,
    "release" TEXT,
    "mixHours" REAL,
    "mixHoursBy" TEXT,
    "bookedHours" REAL,
    "mixTimeAskedHours" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Booking_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Booking_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Booking_engineerId_fkey" FOREIGN KEY ("engineerId") REFERENCES "Engineer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Booking_rescheduledFromId_fkey" FOREIGN KEY ("rescheduledFromId") REFERENCES "Booking" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Booking" ("bookedHours", "clientId", "createdAt", "currency", "dueAt", "endsAt", "id", "idempotencyKey", "includedRevisions", "kind", "mixHours", "mixHoursBy", "mixTimeAskedHours", "notes", "originChatId", "originPlatform", "priceCents", "reference", "release", "rescheduledFromId", "serviceId", "sessionEndedAt", "sessionEngineer", "sessionStartedAt", "startsAt", "status", "timeZone", "updatedAt") SELECT "bookedHours", "clientId", "createdAt", "currency", "dueAt", "endsAt", "id", "idempotencyKey", "includedRevisions", "kind", "mixHours", "mixHoursBy", "mixTimeAskedHours", "notes", "originChatId", "originPlatform", "priceCents", "reference", "release", "rescheduledFromId", "serviceId", "sessionEndedAt", "sessionEngineer", "sessionStartedAt", "startsAt", "status", "timeZone", "updatedAt" FROM "Booking";
DROP TABLE "Booking";
ALTER TABLE "new_Booking" RENAME TO "Booking";
CREATE UNIQUE INDEX "Booking_reference_key" ON "Booking"("reference");
CREATE UNIQUE INDEX "Booking_idempotencyKey_key" ON "Booking"("idempotencyKey");
CREATE UNIQUE INDEX "Booking_rescheduledFromId_key" ON "Booking"("rescheduledFromId");
CREATE INDEX "Booking_clientId_status_idx" ON "Booking"("clientId", "status");
CREATE INDEX "Booking_status_startsAt_idx" ON "Booking"("status", "startsAt");
CREATE INDEX "Booking_kind_status_createdAt_idx" ON "Booking"("kind", "status", "createdAt");
CREATE INDEX "Booking_engineerId_status_idx" ON "Booking"("engineerId", "status");
CREATE TABLE "new_SlotHold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bookingId" TEXT NOT NULL,
    "engineerId" TEXT NOT NULL DEFAULT '',
    "blockStart" DATETIME NOT NULL,
    CONSTRAINT "SlotHold_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SlotHold" ("blockStart", "bookingId", "id") SELECT "blockStart", "bookingId", "id" FROM "SlotHold";
DROP TABLE "SlotHold";
ALTER TABLE "new_SlotHold" RENAME TO "SlotHold";
CREATE INDEX "SlotHold_bookingId_idx" ON "SlotHold"("bookingId");
CREATE INDEX "SlotHold_blockStart_idx" ON "SlotHold"("blockStart");
CREATE UNIQUE INDEX "SlotHold_engineerId_blockStart_key" ON "SlotHold"("engineerId", "blockStart");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "EngineerIdentity_identity_key" ON "EngineerIdentity"("identity");

-- CreateIndex
CREATE INDEX "EngineerIdentity_engineerId_idx" ON "EngineerIdentity"("engineerId");

-- CreateIndex
CREATE INDEX "AvailabilityRule_engineerId_weekday_idx" ON "AvailabilityRule"("engineerId", "weekday");

-- CreateIndex
CREATE INDEX "AvailabilityOverride_engineerId_date_idx" ON "AvailabilityOverride"("engineerId", "date");
