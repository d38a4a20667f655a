import { createCredentialCipher } from "../../../core/accounts/credential-cipher.ts";
import { ensureChatUser } from "../../../core/accounts/ensure-chat-user.ts";
import type { KeyPermissionProbe } from "../../../core/accounts/key-permissions.ts";
import { defaultTermsGate } from "../../../core/community/terms/terms-gate.ts";
import { createExchangeResolver } from "../../../core/exchange/exchange-resolver.ts";
import { createPaperPrices } from "../../../core/exchange/paper/paper-prices.ts";
import { AppError } from "../../../core/platform/errors.ts";
import { silentLogger } from "../../../core/platform/logger.ts";
import { generateMasterKey } from "../../../core/platform/secrets.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createMemoryExchange } from "../../../test/memory-exchange.ts";
import { createRecordingQueue } from "../../../test/recording-queue.ts";
import { createTranslator } from "../../shared/wording/translator.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import { answerError } from "../kit/answer-error.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { parseCustomId } from "../kit/custom-id.ts";
import type { Caller, CommandInput, OptionValue } from "../kit/handler-input.ts";
import { placeRefusal } from "../kit/place-refusal.ts";
import { type FakeResponder, fakeResponder } from "./fake-responder.ts";

// Keys the fake exchange knows: a good one, one the exchange refuses, one allowed to withdraw.
export const KEYS = { good: "goodkey-0001", refused: "badkey-00001", withdraw: "withdraw-0001" } as const;

/**
 * Command handlers over a real test database, paper accounts and a fake ccxt exchange ("binanceusdm", "okx"),
 * driven like the router drives them: a caller (Mimic user via ensureChatUser), options or a custom id, and a
 * fake responder that records the answers.
 */
export async function createHandlerKit(opts: { now?: () => Date } = {}) {
  const testDb = await createTestDatabase();
  const db = testDb.db.prisma;
  const cipher = createCredentialCipher({ masterKey: generateMasterKey() });
  const venue = createMemoryExchange({ price: "65000" });
  const exchanges = createExchangeResolver({
    cipher,
    ccxt: {
      isSupported: (id) => id === "binanceusdm" || id === "okx",
      forAccount: (_id, credentials) => {
        if (credentials.apiKey === KEYS.refused) {
          return {
            ...venue.client,
            fetchBalance: () => Promise.reject(new AppError("INVALID_KEY", "API-key format invalid")),
          };
        }
        return venue.client;
      },
    },
    paper: { db, prices: createPaperPrices({ configured: { "BTC/USDT:USDT": "65000" } }) },
  });
  const keyPermissions: KeyPermissionProbe = { canWithdraw: async (_id, c) => c.apiKey === KEYS.withdraw };
  const deps: DiscordDeps = {
    db,
    cipher,
    exchanges,
    keyPermissions,
    clock: { now: opts.now ?? (() => new Date()) },
    logger: silentLogger,
    translator: createTranslator(),
    linkableExchanges: ["paper", "binanceusdm", "okx"],
    totpIssuer: "Mimic",
    adminIds: [],
    queue: createRecordingQueue(),
    dedupeWindowSec: 30,
  };

  /** The user has accepted the current terms and declared Germany, as if through commands/terms.ts. */
  const onboard = async (userId: string) => {
    const version = (deps.terms ?? defaultTermsGate()).version;
    await db.user.update({ where: { id: userId }, data: { termsVersion: version, country: "DE" } });
  };

  /**
   * A user as the router sees them. A new user has been through the terms gate (commands/terms.ts) already,
   * accepted the current terms and declared Germany, unless `onboarded: false` (the gate's own tests).
   */
  const caller = async (
    discordUserId: string,
    extra: Partial<Caller> = {},
    opts: { onboarded?: boolean } = {},
  ): Promise<Caller> => {
    const locale = extra.locale ?? "en-US";
    const user = await ensureChatUser(
      { transport: "discord", externalId: discordUserId, displayName: `user ${discordUserId}`, locale },
      { db },
    );
    if (user.created && opts.onboarded !== false) await onboard(user.id);
    return {
      userId: user.id,
      userCreated: user.created,
      discordUserId,
      displayName: `user ${discordUserId}`,
      guildId: null,
      channelId: "dm-channel",
      locale,
      canManageGuild: false,
      log: silentLogger,
      ...extra,
      t: deps.translator.forLocale(locale),
    };
  };

  // Errors are answered as the router answers them.
  const answered = async (who: Caller, handle: (res: FakeResponder) => Promise<void> | undefined) => {
    const res = fakeResponder();
    try {
      await handle(res);
    } catch (err) {
      await answerError(err, { res, t: who.t, log: who.log });
    }
    return res;
  };

  return {
    db,
    deps,
    venue,
    caller,
    onboard,
    /** A slash command. */
    async command(module: CommandModule, who: Caller, options: Record<string, OptionValue> = {}) {
      const input: CommandInput = { ...who, command: module.name, subcommandGroup: null, subcommand: null, options };
      return answered(who, async (res) => {
        const refusal = placeRefusal(module, who);
        if (refusal) return res.reply({ text: refusal });
        return module.run(input, res, deps);
      });
    },
    /** A button (no values) or a select (values), by the custom id the handler sent. */
    async component(module: CommandModule, who: Caller, id: string, values: string[] = []) {
      const { action, args } = parseCustomId(id);
      return answered(who, (res) => module.component?.({ ...who, action, args, values }, res, deps));
    },
    /** A submitted form, by the custom id of the form the handler showed. */
    async modal(module: CommandModule, who: Caller, id: string, fields: Record<string, string>) {
      const { action, args } = parseCustomId(id);
      return answered(who, (res) => module.modal?.({ ...who, action, args, fields }, res, deps));
    },
    async autocomplete(module: CommandModule, who: Caller, focused: { name: string; value: string }) {
      const input = { ...who, command: module.name, subcommandGroup: null, subcommand: null, options: {}, focused };
      return (await module.autocomplete?.(input, deps)) ?? [];
    },
    /** Rows of the database that a refused command must not have created. */
    counts: async () => [
      await db.exchangeAccount.count(),
      await db.subscription.count(),
      await db.totpFactor.count({ where: { confirmedAt: { not: null } } }),
    ],
    drop: () => testDb.drop(),
  };
}

export type HandlerKit = Awaited<ReturnType<typeof createHandlerKit>>;
