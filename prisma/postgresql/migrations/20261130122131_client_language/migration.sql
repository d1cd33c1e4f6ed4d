-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "chosenLanguage" TEXT,
ADD COLUMN     "language" TEXT;
