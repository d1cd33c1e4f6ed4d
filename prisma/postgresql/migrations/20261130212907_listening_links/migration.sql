-- CreateTable
CREATE TABLE "ListeningLink" (
    "id" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListeningLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ListeningLink_bookingId_idx" ON "ListeningLink"("bookingId");

-- AddForeignKey
ALTER TABLE "ListeningLink" ADD CONSTRAINT "ListeningLink_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;
