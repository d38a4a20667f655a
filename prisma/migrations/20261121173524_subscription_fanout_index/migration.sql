-- DropIndex
DROP INDEX "Subscription_strategyId_status_idx";

-- CreateIndex
CREATE INDEX "Subscription_strategyId_status_id_idx" ON "Subscription"("strategyId", "status", "id");
