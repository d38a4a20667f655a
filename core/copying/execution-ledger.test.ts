import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { seedExecution } from "../../test/factories.ts";
import { createDb, type Db, inMemoryDataDir } from "../platform/db/create-db.ts";
import { dec } from "../platform/decimal.ts";
import { createExecutionLedger } from "./execution-ledger.ts";

describe("execution ledger", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  // One connection, so every statement below runs on the session the ledger's writes used.
  let single: Db;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    single = await createDb({ databaseUrl: testDb.url, dataDir: inMemoryDataDir, poolMax: 1 });
  });
  afterAll(async () => {
    await single?.close();
    await testDb?.drop();
  });

  it("records an order's result and the execution's outcome, and leaves later statements committing durably", async () => {
    const prisma = single.prisma;
    const { execution, clientOrderId } = await seedExecution(prisma);
    const ledger = createExecutionLedger(prisma, single.sql);

    const order = { symbol: "X", side: "buy", type: "market", reduceOnly: false, requestedAmount: dec("2") };
    expect(await ledger.insertSending({ executionId: execution.id, kind: "entry", clientOrderId, ...order })).toBe(
      true,
    );
    expect(await ledger.insertSending({ executionId: execution.id, kind: "entry", clientOrderId, ...order })).toBe(
      false,
    );
    await Promise.all([
      ledger.recordOrder(clientOrderId, {
        exchangeOrderId: "77",
        clientOrderId,
        symbol: "X",
        side: "buy",
        status: "filled",
        filledAmount: dec("2"),
        avgPrice: dec("50"),
      }),
      ledger.finish({ id: execution.id, status: "filled", attempts: 1, filledAmount: dec("2"), avgPrice: dec("50") }),
    ]);

    expect(await prisma.order.findUniqueOrThrow({ where: { clientOrderId } })).toMatchObject({
      status: "filled",
      exchangeOrderId: "77",
    });
    const row = await prisma.execution.findUniqueOrThrow({ where: { id: execution.id } });
    expect([row.status, row.filledAmount?.toString(), row.avgPrice?.toString()]).toEqual(["filled", "2", "50"]);
    // The result write commits asynchronously; that must end with its own transaction, never reach the
    // "sending" inserts that later use this connection.
    const [setting] = await single.sql.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s", []);
    expect(setting?.s).toBe("on");
  });
});
