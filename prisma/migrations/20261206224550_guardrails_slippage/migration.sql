-- AlterTable
ALTER TABLE "ExchangeAccount" ADD COLUMN     "dailyLossLimitPerc" DECIMAL(36,18),
ADD COLUMN     "dailyProfitLockPerc" DECIMAL(36,18),
ADD COLUMN     "guardDay" TEXT,
ADD COLUMN     "guardDayStartEquity" DECIMAL(36,18),
ADD COLUMN     "haltReason" TEXT,
ADD COLUMN     "haltedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Signal" ADD COLUMN     "maxSlippagePerc" DECIMAL(36,18);

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "maxSlippagePerc" DECIMAL(36,18);
