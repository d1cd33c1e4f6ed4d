-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "forEngineer" BOOLEAN NOT NULL DEFAULT false;
