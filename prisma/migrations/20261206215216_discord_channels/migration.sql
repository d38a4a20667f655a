-- CreateEnum
CREATE TYPE "ChatTransport" AS ENUM ('telegram', 'discord');

-- CreateEnum
CREATE TYPE "ChannelBindingKind" AS ENUM ('publish', 'source');

-- AlterTable
ALTER TABLE "Signal" ADD COLUMN     "sentAt" TIMESTAMP(3),
ADD COLUMN     "slPrice" DECIMAL(36,18),
ADD COLUMN     "tpPrice" DECIMAL(36,18);

-- AlterTable
ALTER TABLE "Strategy" ADD COLUMN     "ownerUserId" TEXT,
ADD COLUMN     "subscriberRoleGuildId" TEXT,
ADD COLUMN     "subscriberRoleId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "discordDmChannelId" TEXT,
ADD COLUMN     "discordUnreachableAt" TIMESTAMP(3),
ADD COLUMN     "locale" TEXT,
ADD COLUMN     "notifyVia" "ChatTransport";

-- CreateTable
CREATE TABLE "ConnectCode" (
    "codeHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "issuedOn" "ChatTransport" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConnectCode_pkey" PRIMARY KEY ("codeHash")
);

-- CreateTable
CREATE TABLE "ChannelBinding" (
    "id" TEXT NOT NULL,
    "kind" "ChannelBindingKind" NOT NULL,
    "guildId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "strategyId" TEXT NOT NULL,
    "posterId" TEXT,
    "boundBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelBinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignalPost" (
    "signalId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT,
    "error" TEXT,
    "postedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignalPost_pkey" PRIMARY KEY ("signalId","channelId")
);

-- CreateTable
CREATE TABLE "DiscordRoleGrant" (
    "strategyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "guildId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "discordId" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DiscordRoleGrant_pkey" PRIMARY KEY ("strategyId","userId")
);

-- CreateIndex
CREATE INDEX "ConnectCode_userId_idx" ON "ConnectCode"("userId");

-- CreateIndex
CREATE INDEX "ChannelBinding_strategyId_kind_idx" ON "ChannelBinding"("strategyId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelBinding_channelId_kind_strategyId_key" ON "ChannelBinding"("channelId", "kind", "strategyId");

-- AddForeignKey
ALTER TABLE "ConnectCode" ADD CONSTRAINT "ConnectCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Strategy" ADD CONSTRAINT "Strategy_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelBinding" ADD CONSTRAINT "ChannelBinding_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignalPost" ADD CONSTRAINT "SignalPost_signalId_fkey" FOREIGN KEY ("signalId") REFERENCES "Signal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscordRoleGrant" ADD CONSTRAINT "DiscordRoleGrant_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscordRoleGrant" ADD CONSTRAINT "DiscordRoleGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
