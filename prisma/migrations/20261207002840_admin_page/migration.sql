-- AlterEnum
ALTER TYPE "CloseReason" ADD VALUE 'admin';

-- CreateIndex
CREATE INDEX "ExchangeAccount_lastContactTriedAt_idx" ON "ExchangeAccount"("lastContactTriedAt");

-- CreateIndex
CREATE INDEX "Signal_receivedAt_idx" ON "Signal"("receivedAt");

-- CreateIndex
CREATE INDEX "Signal_strategyId_receivedAt_idx" ON "Signal"("strategyId", "receivedAt");

-- CreateIndex
CREATE INDEX "User_createdAt_id_idx" ON "User"("createdAt", "id");
