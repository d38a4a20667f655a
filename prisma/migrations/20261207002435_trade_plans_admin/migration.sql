-- AlterEnum
ALTER TYPE "OrderKind" ADD VALUE 'dca';

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "ip" TEXT;

-- AlterTable
ALTER TABLE "ExchangeAccount" ADD COLUMN     "lastContactAt" TIMESTAMP(3),
ADD COLUMN     "lastContactError" TEXT,
ADD COLUMN     "lastContactTriedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Signal" ADD COLUMN     "dca" JSONB,
ADD COLUMN     "entries" JSONB,
ADD COLUMN     "entryExpirySec" INTEGER;

-- AlterTable
ALTER TABLE "Strategy" ADD COLUMN     "pausedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "dcaEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "takeProfitSplit" JSONB;

-- AlterTable
ALTER TABLE "Trade" ADD COLUMN     "dcaFilled" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "entryDeadline" TIMESTAMP(3),
ADD COLUMN     "plan" JSONB,
ADD COLUMN     "protectedAmount" DECIMAL(36,18) NOT NULL DEFAULT 0,
ADD COLUMN     "protectionRevision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "elite" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkerHeartbeat_seenAt_idx" ON "WorkerHeartbeat"("seenAt");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");
