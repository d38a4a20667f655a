import type { Logger } from "pino";
import type { Env } from "../../platform/config.ts";
import type { PaymentsConfig } from "./buy-plan.ts";
import { createPlisioClient } from "./plisio-client.ts";

/** Plisio for the bots from the parsed environment; null without PLISIO_SECRET_KEY (payments off). */
export function paymentsFromEnv(
  env: Pick<Env, "PLISIO_SECRET_KEY" | "PLISIO_API_ROOT" | "PLISIO_EXPIRE_MIN" | "PUBLIC_URL" | "PORT">,
  logger: Logger,
): PaymentsConfig | null {
  if (!env.PLISIO_SECRET_KEY) return null;
  return {
    plisio: createPlisioClient({ apiRoot: env.PLISIO_API_ROOT, secretKey: env.PLISIO_SECRET_KEY, logger }),
    // As the API hands out webhook URLs (api/serve.ts): Plisio must reach it, so production sets PUBLIC_URL.
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    expireMin: env.PLISIO_EXPIRE_MIN,
  };
}
