-- AlterTable
ALTER TABLE "Client" ADD COLUMN "chosenLanguage" TEXT;
ALTER TABLE "Client" ADD COLUMN "language" TEXT;
