-- CreateTable
CREATE TABLE "StagedUpload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "StagedUpload_bookingId_createdAt_idx" ON "StagedUpload"("bookingId", "createdAt");

-- CreateIndex
CREATE INDEX "StagedUpload_linkId_createdAt_idx" ON "StagedUpload"("linkId", "createdAt");
