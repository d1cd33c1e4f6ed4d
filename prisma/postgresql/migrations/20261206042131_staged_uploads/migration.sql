-- CreateTable
CREATE TABLE "StagedUpload" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StagedUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StagedUpload_bookingId_createdAt_idx" ON "StagedUpload"("bookingId", "createdAt");

-- CreateIndex
CREATE INDEX "StagedUpload_linkId_createdAt_idx" ON "StagedUpload"("linkId", "createdAt");
