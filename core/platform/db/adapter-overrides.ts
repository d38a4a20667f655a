import { DriverAdapterError, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";

/** A driver adapter that delegates everything to `adapter` except the methods given. */
export function overrideAdapter(
  adapter: SqlDriverAdapter,
  overrides: Partial<Pick<SqlDriverAdapter, "executeScript" | "dispose">>,
): SqlDriverAdapter {
  const wrapped: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    executeScript: overrides.executeScript ?? ((script) => adapter.executeScript(script)),
    dispose: overrides.dispose ?? (() => adapter.dispose()),
  };
  const connectionInfo = adapter.getConnectionInfo?.bind(adapter);
  if (connectionInfo) wrapped.getConnectionInfo = connectionInfo;
  return wrapped;
}

interface PostgresErrorFields {
  code: string;
  severity: string;
  message: string;
  detail?: string;
  column?: string;
  hint?: string;
}

function isPostgresError(err: unknown): err is PostgresErrorFields {
  if (typeof err !== "object" || err === null) return false;
  const e = err as Record<string, unknown>;
  return typeof e.code === "string" && typeof e.severity === "string" && typeof e.message === "string";
}

/**
 * The schema engine only sees the message of errors wrapped in DriverAdapterError; anything else reaches it as an
 * opaque "GenericJs" id. Both pg and PGlite errors carry the server's fields, so one mapping serves both.
 */
export function toDriverAdapterError(err: unknown): unknown {
  if (!isPostgresError(err)) return err;
  return new DriverAdapterError({
    kind: "postgres",
    code: err.code,
    severity: err.severity,
    message: err.message,
    detail: err.detail,
    column: err.column,
    hint: err.hint,
  });
}
