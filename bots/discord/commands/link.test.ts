import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandlerKit, type HandlerKit, KEYS } from "../test-support/handler-kit.ts";
import { linkCommand } from "./link.ts";

describe("/link", () => {
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await createHandlerKit();
  });
  afterAll(() => kit?.drop());

  it("links a paper account at once, without keys", async () => {
    const me = await kit.caller("100");
    const res = await kit.command(linkCommand, me, { exchange: "paper" });
    expect(res.texts()[0]).toMatch(/Paper account linked with 10000 USDT/);
    const accounts = await kit.db.exchangeAccount.findMany({ where: { userId: me.userId } });
    expect(accounts.map((a) => a.exchange)).toEqual(["paper"]);
  });

  it("offers the exchanges in a select without the option, and links paper from it", async () => {
    const me = await kit.caller("101");
    const res = await kit.command(linkCommand, me);
    const select = res.lastView()?.rows?.[0];
    if (!select || Array.isArray(select)) throw new Error("expected a select");
    expect(select.options.map((o) => o.value)).toEqual(["paper", "binanceusdm", "okx"]);
    const picked = await kit.component(linkCommand, me, select.id, ["paper"]);
    expect(picked.answers[0]).toMatchObject({ kind: "update" });
    expect(picked.texts()[0]).toMatch(/Paper account linked/);
    expect(await kit.db.exchangeAccount.count({ where: { userId: me.userId } })).toBe(1);
  });

  it("asks for keys in a form, with a passphrase field where the exchange needs one", async () => {
    const me = await kit.caller("102");
    const binance = (await kit.command(linkCommand, me, { exchange: "binanceusdm" })).modal();
    expect(binance?.fields.map((f) => f.id)).toEqual(["key", "secret"]);
    const okx = (await kit.command(linkCommand, me, { exchange: "okx" })).modal();
    expect(okx?.fields.map((f) => f.id)).toEqual(["key", "secret", "password"]);
  });

  it("links checked keys, and never repeats a secret", async () => {
    const me = await kit.caller("103");
    const form = (await kit.command(linkCommand, me, { exchange: "binanceusdm" })).modal();
    const secret = "s3cret-value-never-echoed";
    const res = await kit.modal(linkCommand, me, form?.id ?? "", { key: KEYS.good, secret });
    expect(res.answers[0]).toEqual({ kind: "defer" });
    expect(res.texts()).toEqual([
      "binanceusdm account linked. The keys are stored encrypted. Next: /subscribe to a strategy.",
    ]);
    const [account] = await kit.db.exchangeAccount.findMany({ where: { userId: me.userId } });
    expect(account?.credentials).toBeTruthy();
    expect(account?.credentials).not.toContain(secret);
    expect(JSON.stringify(res.answers)).not.toContain(secret);
  });

  it("refuses wrong keys, withdraw-capable keys and malformed input, and saves nothing", async () => {
    const me = await kit.caller("104");
    const id = (await kit.command(linkCommand, me, { exchange: "binanceusdm" })).modal()?.id ?? "";
    const before = await kit.counts();
    const refused = await kit.modal(linkCommand, me, id, { key: KEYS.refused, secret: "whatever-secret" });
    expect(refused.texts().at(-1)).toMatch(/The exchange refused these API keys/);
    const withdraw = await kit.modal(linkCommand, me, id, { key: KEYS.withdraw, secret: "whatever-secret" });
    expect(withdraw.texts().at(-1)).toMatch(/allowed to withdraw funds/);
    const spaces = await kit.modal(linkCommand, me, id, { key: "has spaces in it", secret: "whatever-secret" });
    expect(spaces.texts()).toEqual(["API keys and secrets have no spaces. Nothing was saved; run /link again."]);
    const pem = await kit.modal(linkCommand, me, id, { key: KEYS.good, secret: "-----BEGIN PRIVATE KEY-----\nabc" });
    expect(pem.texts()[0]).toMatch(/private key is incomplete/);
    const noPassphrase = await kit.modal(linkCommand, me, `link:keys:okx`, {
      key: KEYS.good,
      secret: "whatever-secret",
    });
    expect(noPassphrase.texts()[0]).toMatch(/too short/);
    expect(await kit.counts()).toEqual(before);
  });

  it("refuses an exchange that is not offered", async () => {
    const me = await kit.caller("105");
    const before = await kit.counts();
    expect((await kit.command(linkCommand, me, { exchange: "mtgox" })).texts()).toEqual([
      "That exchange is not offered. Send /link to choose again.",
    ]);
    expect((await kit.modal(linkCommand, me, "link:keys:mtgox", { key: KEYS.good, secret: "x" })).texts()[0]).toMatch(
      /not offered/,
    );
    expect(await kit.counts()).toEqual(before);
  });

  it("suggests exchanges as the user types, in their language", async () => {
    const me = await kit.caller("106", { locale: "es-ES" });
    const choices = await kit.autocomplete(linkCommand, me, { name: "exchange", value: "pa" });
    expect(choices).toEqual([
      { name: kit.deps.translator.t("es", "link-paper-button", { balance: "10000" }), value: "paper" },
    ]);
  });
});
