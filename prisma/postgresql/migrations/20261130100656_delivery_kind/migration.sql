-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'master';

-- Versions made before the column said what they were in their settings JSON.
UPDATE "Delivery" SET "kind" = 'mixdown' WHERE "settings" LIKE '%"mixdown":%';
UPDATE "Delivery" SET "kind" = 'engineer' WHERE "settings" LIKE '%"engineer":true%';
