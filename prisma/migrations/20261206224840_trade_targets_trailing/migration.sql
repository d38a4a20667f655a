-- DropIndex
DROP INDEX "Order_executionId_kind_key";

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "leg" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Signal" ADD COLUMN     "takeProfits" JSONB,
ADD COLUMN     "trailing" JSONB;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "trailingActivationPerc" DECIMAL(36,18),
ADD COLUMN     "trailingDistancePerc" DECIMAL(36,18),
ADD COLUMN     "trailingMode" TEXT;

-- AlterTable
ALTER TABLE "Trade" ADD COLUMN     "bestPrice" DECIMAL(36,18),
ADD COLUMN     "stopPrice" DECIMAL(36,18),
ADD COLUMN     "stopRevision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "targetsHit" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "trailing" JSONB;

-- CreateIndex
CREATE UNIQUE INDEX "Order_executionId_kind_leg_key" ON "Order"("executionId", "kind", "leg");
