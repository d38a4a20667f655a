-- CreateEnum
CREATE TYPE "TradeStatus" AS ENUM ('opening', 'open', 'closing', 'closed');

-- CreateEnum
CREATE TYPE "CloseReason" AS ENUM ('take_profit', 'stop_loss', 'signal', 'reversal', 'panic', 'liquidation', 'manual', 'expired');

-- AlterEnum
ALTER TYPE "OrderKind" ADD VALUE 'exit';

-- DropIndex
DROP INDEX "Execution_accountId_idx";

-- AlterTable
ALTER TABLE "ExchangeAccount" ADD COLUMN     "panicAt" TIMESTAMP(3),
ADD COLUMN     "reconcileDueAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "tradeId" TEXT,
ALTER COLUMN "executionId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "PaperOrder" ADD COLUMN     "fee" DECIMAL(36,18),
ADD COLUMN     "filledAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Trade" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "strategyId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "status" "TradeStatus" NOT NULL DEFAULT 'opening',
    "liveKey" TEXT,
    "leverage" INTEGER,
    "requestedAmount" DECIMAL(36,18) NOT NULL,
    "entryAmount" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "entryPrice" DECIMAL(36,18),
    "openAmount" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "exitAmount" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "exitPrice" DECIMAL(36,18),
    "realisedPnl" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "fees" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "closeReason" "CloseReason",
    "protectionError" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "fillsSyncedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Trade_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TradeFill" (
    "id" TEXT NOT NULL,
    "tradeId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "exchangeOrderId" TEXT,
    "kind" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "amount" DECIMAL(36,18) NOT NULL,
    "price" DECIMAL(36,18) NOT NULL,
    "fee" DECIMAL(36,18),
    "feeCurrency" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TradeFill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Trade_liveKey_key" ON "Trade"("liveKey");

-- CreateIndex
CREATE INDEX "Trade_accountId_status_fillsSyncedAt_idx" ON "Trade"("accountId", "status", "fillsSyncedAt");

-- CreateIndex
CREATE INDEX "Trade_status_closedAt_idx" ON "Trade"("status", "closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TradeFill_tradeId_key_key" ON "TradeFill"("tradeId", "key");

-- CreateIndex
CREATE INDEX "ExchangeAccount_reconcileDueAt_idx" ON "ExchangeAccount"("reconcileDueAt");

-- CreateIndex
CREATE INDEX "Execution_accountId_status_idx" ON "Execution"("accountId", "status");

-- CreateIndex
CREATE INDEX "Order_tradeId_idx" ON "Order"("tradeId");

-- CreateIndex
CREATE INDEX "PaperOrder_status_symbol_idx" ON "PaperOrder"("status", "symbol");

-- CreateIndex
CREATE INDEX "PaperOrder_accountId_filledAt_idx" ON "PaperOrder"("accountId", "filledAt");

-- CreateIndex
CREATE INDEX "Signal_status_receivedAt_idx" ON "Signal"("status", "receivedAt");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_tradeId_fkey" FOREIGN KEY ("tradeId") REFERENCES "Trade"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trade" ADD CONSTRAINT "Trade_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ExchangeAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trade" ADD CONSTRAINT "Trade_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TradeFill" ADD CONSTRAINT "TradeFill_tradeId_fkey" FOREIGN KEY ("tradeId") REFERENCES "Trade"("id") ON DELETE CASCADE ON UPDATE CASCADE;
