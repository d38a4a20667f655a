import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationMessage, Recipient } from "../../../core/notifications/notification-message.ts";
import { createTranslator } from "../../shared/wording/translator.ts";
import { createDiscordNotifier } from "./discord-notifier.ts";

// A stub of Discord's two routes: DM channels per user, messages per channel, and what each user allows.
describe("discord notifier", () => {
  let server: Server;
  let apiRoot = "";
  const requests: { method: string; path: string; body: Record<string, unknown> }[] = [];
  const closedDms = new Set(["666"]);
  const goneChannels = new Set(["dm-stale"]);

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        const body = raw ? JSON.parse(raw) : {};
        const path = (req.url ?? "").replace(/^\/v10/, "");
        requests.push({ method: req.method ?? "", path, body });
        const send = (status: number, json: unknown) => {
          res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
        };
        if (path === "/users/@me/channels") return send(200, { id: `dm-${body.recipient_id}`, type: 1 });
        const channel = /^\/channels\/([^/]+)\/messages$/.exec(path)?.[1];
        if (!channel) return send(404, { message: "404: Not Found", code: 0 });
        if (goneChannels.has(channel)) return send(404, { message: "Unknown Channel", code: 10003 });
        if (closedDms.has(channel.replace(/^dm-/, ""))) {
          return send(403, { message: "Cannot send messages to this user", code: 50007 });
        }
        send(200, { id: "1", channel_id: channel });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const notifier = () => createDiscordNotifier({ token: "t", apiRoot, translator: createTranslator() });
  const to = (discordId: string, extra: Partial<Recipient> = {}): Recipient => ({
    userId: "u",
    transport: "discord",
    telegramId: null,
    discordId,
    discordDmChannelId: null,
    locale: "es-ES",
    ...extra,
  });
  const message: NotificationMessage = {
    kind: "signal",
    strategy: "BTC momentum",
    symbol: "BTC/USDT:USDT",
    action: "long",
    price: "65000",
  };

  it("opens the DM channel once, reports it, and sends the shared wording as an embed", async () => {
    requests.length = 0;
    const result = await notifier().deliver(to("42"), message);
    expect(result).toEqual({ outcome: "sent", discordDmChannelId: "dm-42" });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /users/@me/channels",
      "POST /channels/dm-42/messages",
    ]);
    expect(requests[0]?.body).toEqual({ recipient_id: "42" });
    const embed = (requests[1]?.body.embeds as { description: string }[] | undefined)?.[0];
    expect(embed?.description).toBe(
      createTranslator().t("es", "notifications-signal-at", {
        strategy: "BTC momentum",
        what: createTranslator().t("es", "notifications-what", { action: "long", symbol: "BTC/USDT:USDT" }),
        price: "65000",
      }),
    );
    requests.length = 0;
    await notifier().deliver(to("42", { discordDmChannelId: "dm-42" }), message);
    expect(requests.map((r) => r.path)).toEqual(["/channels/dm-42/messages"]);
  });

  it("reopens a DM channel Discord forgot", async () => {
    requests.length = 0;
    const result = await notifier().deliver(to("43", { discordDmChannelId: "dm-stale" }), message);
    expect(result).toEqual({ outcome: "sent", discordDmChannelId: "dm-43" });
    expect(requests.map((r) => r.path)).toEqual([
      "/channels/dm-stale/messages",
      "/users/@me/channels",
      "/channels/dm-43/messages",
    ]);
  });

  it("reports a user whose DMs are closed (403, 50007) as unreachable", async () => {
    expect(await notifier().deliver(to("666"), message)).toEqual({ outcome: "unreachable" });
  });
});
