-- CreateTable
CREATE TABLE "EngineerAction" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "reference" TEXT,
    "detail" TEXT,
    "outcome" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EngineerAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EngineerAction_reference_at_idx" ON "EngineerAction"("reference", "at");

-- CreateIndex
CREATE INDEX "EngineerAction_at_idx" ON "EngineerAction"("at");
