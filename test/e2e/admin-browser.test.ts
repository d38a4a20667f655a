import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../db.ts";
import { freePort, type Proc, repoRoot, startEntry } from "../processes.ts";

// Debian's chromium (`.ci/run` installs it when missing); CHROMIUM_PATH points elsewhere.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const artifacts = path.join(repoRoot, "test/artifacts");
const ADMIN_TOKEN = "admin-browser-test-token-0123456789";

// The operator's path in a real browser: `npm start` (in-process queue and live events), sign in, watch a signal
// fan out without reloading, pause a follower's subscription.
describe.skipIf(!existsSync(chromiumPath))("admin page in a browser", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataDir: string;
  let proc: Proc;
  let api = "";
  let browser: Browser;
  let page: Page;
  let strategy: { id: string; slug: string; passphrase: string };
  const followers: { userId: string; subscriptionId: string }[] = [];

  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${api}${route}`, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${method} ${route} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), "mimic-admin-browser-"));
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    proc = startEntry("main.ts", {
      DATABASE_URL: testDb.url,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      ADMIN_TOKEN,
      PAPER_PRICE_VENUE: "",
      PAPER_PRICES: JSON.stringify({ "BTC/USDT:USDT": "65000" }),
    });
    await proc.waitFor(/mimic is up/, 60_000);
    strategy = await call("POST", "/api/admin/strategies", { name: "Browser BTC" });
    for (let i = 0; i < 3; i++) {
      const user = await call<{ id: string }>("POST", "/api/admin/users", { displayName: `browser follower ${i}` });
      const account = await call<{ id: string }>("POST", `/api/admin/users/${user.id}/accounts`, {
        exchange: "paper",
        paperBalance: "10000",
      });
      const sub = await call<{ id: string }>("POST", "/api/admin/subscriptions", {
        accountId: account.id,
        strategy: strategy.slug,
        sizing: { mode: "fixed", value: "1000" },
        maxLeverage: 10,
      });
      followers.push({ userId: user.id, subscriptionId: sub.id });
    }
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    expect(await proc?.stop()).toBe(0);
    await testDb?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("signs in, and a wrong token gets the form again", async () => {
    await page.goto(`${api}/admin`);
    expect(page.url()).toBe(`${api}/admin/login`);
    await page.fill("#token", "wrong");
    await page.click("button[type=submit]");
    await page.getByText("That token is not right.").waitFor();
    await page.fill("#token", ADMIN_TOKEN);
    await page.click("button[type=submit]");
    await page.waitForURL(`${api}/admin`);
    await page.getByRole("heading", { name: "Overview" }).waitFor();
  });

  it("shows a new signal and its executions without a reload", async () => {
    await page.goto(`${api}/admin/signals`);
    await page.locator(".live-dot.on").waitFor();
    // Marks this document: a reload would lose it.
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    const res = await fetch(`${api}/webhooks/tradingview/${strategy.slug}`, {
      method: "POST",
      body: JSON.stringify({
        passphrase: strategy.passphrase,
        symbol: "BINANCE:BTCUSDT.P",
        action: "long",
        leverage: 5,
        price: 65000,
      }),
    });
    expect(res.status).toBe(202);
    const { signalId } = (await res.json()) as { signalId: string };
    await page.locator(`tr[data-signal="${signalId}"]`).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

    // Opened before the fan-out is over or after: either way the counts reach three filled on their own.
    await page.click(`tr[data-signal="${signalId}"] a`);
    await page.waitForURL(`${api}/admin/signals/${signalId}`);
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    await expect
      .poll(() => page.locator(`[data-count="${signalId}:filled"]`).textContent(), { timeout: 15_000 })
      .toBe("3");
    await expect.poll(() => page.locator("#executions tbody tr").count(), { timeout: 10_000 }).toBe(3);

    // A follower's page, open while the next signal fans out: their execution of it appears, filled, in place.
    const { userId } = followers[1] as { userId: string };
    await page.goto(`${api}/admin/followers/${userId}`);
    await page.locator(".live-dot.on").waitFor();
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    const second = await fetch(`${api}/webhooks/tradingview/${strategy.slug}`, {
      method: "POST",
      body: JSON.stringify({ passphrase: strategy.passphrase, symbol: "BTCUSDT", action: "close", id: "close-1" }),
    });
    const { signalId: closeId } = (await second.json()) as { signalId: string };
    const row = page.locator(`tr:has(a[href="/admin/signals/${closeId}"])`);
    await expect.poll(() => row.locator(".pill").textContent(), { timeout: 15_000 }).toBe("filled");
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });

  it("pauses a subscription from the follower's page", async () => {
    const { userId, subscriptionId } = followers[0] as { userId: string; subscriptionId: string };
    await page.goto(`${api}/admin/followers`);
    await page.getByRole("link", { name: "browser follower 0" }).click();
    await page.waitForURL(`${api}/admin/followers/${userId}`);
    await page.locator(`tr[data-subscription="${subscriptionId}"] button`, { hasText: "Pause" }).click();
    await page.getByText("Subscription paused.").waitFor();
    await page.locator(`tr[data-subscription="${subscriptionId}"] .pill.paused`).waitFor();
    const sub = await testDb.db.prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    expect(sub.status).toBe("paused");
    const audit = await testDb.db.prisma.auditLog.findFirstOrThrow({ where: { action: "admin.subscription.paused" } });
    expect(audit.ip).toBe("127.0.0.1");
  });

  it("saves a screenshot of the overview", async () => {
    await page.goto(`${api}/admin`);
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    await mkdir(artifacts, { recursive: true });
    const file = path.join(artifacts, "admin-overview.png");
    await page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
  });
});
