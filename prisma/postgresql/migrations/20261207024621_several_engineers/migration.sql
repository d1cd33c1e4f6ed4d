-- DropIndex
DROP INDEX "Engineer_platform_externalId_key";

-- DropIndex
DROP INDEX "AvailabilityRule_weekday_idx";

-- DropIndex
DROP INDEX "AvailabilityOverride_date_idx";

-- DropIndex
DROP INDEX "SlotHold_blockStart_key";

-- AlterTable
ALTER TABLE "Engineer" DROP COLUMN "externalId",
DROP COLUMN "platform",
ADD COLUMN     "alertChats" TEXT,
ADD COLUMN     "owner" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "services" TEXT;

-- AlterTable
ALTER TABLE "AvailabilityRule" ADD COLUMN     "engineerId" TEXT;

-- AlterTable
ALTER TABLE "AvailabilityOverride" ADD COLUMN     "engineerId" TEXT;

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "engineerId" TEXT;

-- AlterTable
ALTER TABLE "SlotHold" ADD COLUMN     "engineerId" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "EngineerIdentity" (
    "id" TEXT NOT NULL,
    "engineerId" TEXT NOT NULL,
    "identity" TEXT NOT NULL,

    CONSTRAINT "EngineerIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EngineerIdentity_identity_key" ON "EngineerIdentity"("identity");

-- CreateIndex
CREATE INDEX "EngineerIdentity_engineerId_idx" ON "EngineerIdentity"("engineerId");

-- CreateIndex
CREATE UNIQUE INDEX "Engineer_name_key" ON "Engineer"("name");

-- CreateIndex
CREATE INDEX "AvailabilityRule_engineerId_weekday_idx" ON "AvailabilityRule"("engineerId", "weekday");

-- CreateIndex
CREATE INDEX "AvailabilityOverride_engineerId_date_idx" ON "AvailabilityOverride"("engineerId", "date");

-- CreateIndex
CREATE INDEX "Booking_engineerId_status_idx" ON "Booking"("engineerId", "status");

-- CreateIndex
CREATE INDEX "SlotHold_blockStart_idx" ON "SlotHold"("blockStart");

-- CreateIndex
CREATE UNIQUE INDEX "SlotHold_engineerId_blockStart_key" ON "SlotHold"("engineerId", "blockStart");

-- AddForeignKey
ALTER TABLE "EngineerIdentity" ADD CONSTRAINT "EngineerIdentity_engineerId_fkey" FOREIGN KEY ("engineerId") REFERENCES "Engineer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_engineerId_fkey" FOREIGN KEY ("engineerId") REFERENCES "Engineer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
