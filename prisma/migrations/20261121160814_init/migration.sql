-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('active', 'invalid', 'removed');

-- CreateEnum
CREATE TYPE "SizingMode" AS ENUM ('risk', 'fixed', 'multiplier');

-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('active', 'paused');

-- CreateEnum
CREATE TYPE "SignalAction" AS ENUM ('long', 'short', 'close');

-- CreateEnum
CREATE TYPE "SignalStatus" AS ENUM ('received', 'dispatched');

-- CreateEnum
CREATE TYPE "ExecutionStatus" AS ENUM ('pending', 'placed', 'filled', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "OrderKind" AS ENUM ('entry', 'take_profit', 'stop_loss', 'close');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('sending', 'open', 'filled', 'canceled', 'rejected');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "displayName" TEXT,
    "telegramId" TEXT,
    "discordId" TEXT,
    "referralCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExchangeAccount" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "exchange" TEXT NOT NULL,
    "label" TEXT,
    "credentials" TEXT,
    "credentialKeyId" TEXT,
    "status" "AccountStatus" NOT NULL DEFAULT 'active',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExchangeAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Strategy" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "passphraseHash" TEXT NOT NULL,
    "maxSignalAgeSec" INTEGER NOT NULL DEFAULT 60,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Strategy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "strategyId" TEXT NOT NULL,
    "sizingMode" "SizingMode" NOT NULL,
    "sizingValue" DECIMAL(36,18),
    "maxLeverage" INTEGER,
    "tpPercOverride" DECIMAL(36,18),
    "slPercOverride" DECIMAL(36,18),
    "maxOpenPositions" INTEGER,
    "status" "SubscriptionStatus" NOT NULL DEFAULT 'active',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signal" (
    "id" TEXT NOT NULL,
    "strategyId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "action" "SignalAction" NOT NULL,
    "rawSymbol" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "riskPerc" DECIMAL(36,18),
    "leverage" INTEGER,
    "tpPerc" DECIMAL(36,18),
    "slPerc" DECIMAL(36,18),
    "price" DECIMAL(36,18),
    "qty" DECIMAL(36,18),
    "status" "SignalStatus" NOT NULL DEFAULT 'received',
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Signal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Execution" (
    "id" TEXT NOT NULL,
    "signalId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "status" "ExecutionStatus" NOT NULL DEFAULT 'pending',
    "clientOrderId" TEXT NOT NULL,
    "side" TEXT,
    "leverage" INTEGER,
    "requestedAmount" DECIMAL(36,18),
    "referencePrice" DECIMAL(36,18),
    "filledAmount" DECIMAL(36,18),
    "avgPrice" DECIMAL(36,18),
    "errorCode" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Execution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "executionId" TEXT NOT NULL,
    "kind" "OrderKind" NOT NULL,
    "clientOrderId" TEXT NOT NULL,
    "exchangeOrderId" TEXT,
    "symbol" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "reduceOnly" BOOLEAN NOT NULL DEFAULT false,
    "requestedAmount" DECIMAL(36,18) NOT NULL,
    "triggerPrice" DECIMAL(36,18),
    "status" "OrderStatus" NOT NULL DEFAULT 'sending',
    "filledAmount" DECIMAL(36,18),
    "avgPrice" DECIMAL(36,18),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "accountId" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaperBalance" (
    "accountId" TEXT NOT NULL,
    "quote" TEXT NOT NULL DEFAULT 'USDT',
    "wallet" DECIMAL(36,18) NOT NULL,

    CONSTRAINT "PaperBalance_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "PaperPosition" (
    "accountId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "contracts" DECIMAL(36,18) NOT NULL,
    "entryPrice" DECIMAL(36,18) NOT NULL,
    "leverage" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaperPosition_pkey" PRIMARY KEY ("accountId","symbol")
);

-- CreateTable
CREATE TABLE "PaperOrder" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "clientOrderId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "amount" DECIMAL(36,18) NOT NULL,
    "triggerPrice" DECIMAL(36,18),
    "reduceOnly" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "filledAmount" DECIMAL(36,18) NOT NULL,
    "avgPrice" DECIMAL(36,18),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaperOrder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_telegramId_key" ON "User"("telegramId");

-- CreateIndex
CREATE UNIQUE INDEX "User_discordId_key" ON "User"("discordId");

-- CreateIndex
CREATE INDEX "ExchangeAccount_userId_idx" ON "ExchangeAccount"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Strategy_slug_key" ON "Strategy"("slug");

-- CreateIndex
CREATE INDEX "Subscription_strategyId_status_idx" ON "Subscription"("strategyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_accountId_strategyId_key" ON "Subscription"("accountId", "strategyId");

-- CreateIndex
CREATE INDEX "Signal_strategyId_bodyHash_receivedAt_idx" ON "Signal"("strategyId", "bodyHash", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Signal_strategyId_dedupeKey_key" ON "Signal"("strategyId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "Execution_clientOrderId_key" ON "Execution"("clientOrderId");

-- CreateIndex
CREATE INDEX "Execution_accountId_idx" ON "Execution"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Execution_signalId_subscriptionId_key" ON "Execution"("signalId", "subscriptionId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_clientOrderId_key" ON "Order"("clientOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_executionId_kind_key" ON "Order"("executionId", "kind");

-- CreateIndex
CREATE INDEX "AuditLog_userId_at_idx" ON "AuditLog"("userId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "PaperOrder_accountId_clientOrderId_key" ON "PaperOrder"("accountId", "clientOrderId");

-- AddForeignKey
ALTER TABLE "ExchangeAccount" ADD CONSTRAINT "ExchangeAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ExchangeAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signal" ADD CONSTRAINT "Signal_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Execution" ADD CONSTRAINT "Execution_signalId_fkey" FOREIGN KEY ("signalId") REFERENCES "Signal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Execution" ADD CONSTRAINT "Execution_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Execution" ADD CONSTRAINT "Execution_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ExchangeAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_executionId_fkey" FOREIGN KEY ("executionId") REFERENCES "Execution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperBalance" ADD CONSTRAINT "PaperBalance_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ExchangeAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperPosition" ADD CONSTRAINT "PaperPosition_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ExchangeAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperOrder" ADD CONSTRAINT "PaperOrder_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "ExchangeAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;
