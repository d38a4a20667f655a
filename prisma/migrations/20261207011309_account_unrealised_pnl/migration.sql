-- AlterTable
ALTER TABLE "ExchangeAccount" ADD COLUMN     "unrealisedPnl" DECIMAL(36,18);
