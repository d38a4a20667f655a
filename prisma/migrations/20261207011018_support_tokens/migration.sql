-- AlterTable
ALTER TABLE "SupportAnswer" ADD COLUMN     "completionTokens" INTEGER,
ADD COLUMN     "promptTokens" INTEGER;
