-- AlterEnum
ALTER TYPE "CloseReason" ADD VALUE 'guardrail';
