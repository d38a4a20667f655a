import { Hono, type MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { writeAdminAudit } from "../../core/admin/audit.ts";
import { cachedStrategyStats } from "../../core/admin/list-admin-strategies.ts";
import { toAppError } from "../../core/platform/errors.ts";
import type { AppDeps } from "../app-deps.ts";
import { remoteAddress } from "../remote-address.ts";
import { adminActionRoutes } from "./admin-actions.tsx";
import type { AdminEnv } from "./admin-env.ts";
import { adminEventRoutes } from "./admin-events.ts";
import { adminTicketRoutes } from "./admin-tickets.tsx";
import { adminViewRoutes } from "./admin-views.tsx";
import { fragmentCache } from "./fragment-cache.ts";
import { createLoginLimiter } from "./login-limiter.ts";
import { endSession, readSession, startSession, tokenMatches } from "./session.ts";
import { adminStaticRoutes } from "./static-files.ts";
import { Layout } from "./views/layout.tsx";
import { LoginView } from "./views/login-view.tsx";

const loginForm = z.object({ token: z.string().max(1000).catch("") });

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/**
 * The operator's page, served by the API: signed session cookie (12 h), login limited per address, CSRF checked
 * on every form (Origin), a CSP without inline script. Everything under /admin but the login form and the static
 * files needs a session; without one, a redirect to the login form.
 */
export function adminPageRoutes(deps: AppDeps) {
  const app = new Hono<AdminEnv>();
  const secure = deps.secureCookies ?? false;
  const limiter = createLoginLimiter({ clock: deps.clock });
  const publicOrigin = originOf(deps.publicUrl);
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
  });
  app.use("/admin", headers);
  app.use("/admin/*", headers);
  // Behind a proxy the request's own URL may say http while the browser's Origin says https: PUBLIC_URL's origin
  // is accepted too.
  app.use("/admin/*", csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin }));
  // The socket's address (never X-Forwarded-For, which the client writes): the login limit and the audit log.
  const clientIp = (c: Parameters<typeof remoteAddress>[0]) => remoteAddress(c) ?? null;
  app.onError((err, c) => {
    const status = (err instanceof HTTPException ? err.status : toAppError(err).status) as ContentfulStatusCode;
    const message =
      status >= 500
        ? "Something went wrong; the log has the details."
        : err instanceof HTTPException && status === 403
          ? "Refused: the form did not come from this site."
          : err.message || "Refused.";
    if (status >= 500) c.get("logger")?.error({ err: err.message }, "admin page failed");
    return c.html(
      <Layout title="Error" section="overview">
        <h1>That did not work</h1>
        <p class="notice error">{message}</p>
        <p>
          <a href="/admin">Back to the overview</a>
        </p>
      </Layout>,
      status,
    );
  });

  app.route("/", adminStaticRoutes());

  app.get("/admin/login", async (c) => {
    if (await readSession(c, { adminToken: deps.adminToken, now: deps.clock.now() })) return c.redirect("/admin", 303);
    return c.html(<LoginView />);
  });

  app.post("/admin/login", async (c) => {
    const ip = clientIp(c);
    if (!limiter.take(ip ?? "unknown")) {
      c.header("retry-after", "60");
      return c.html(<LoginView error="Too many attempts from your address. Wait a minute and try again." />, 429);
    }
    const { token } = loginForm.parse(await c.req.parseBody());
    if (!tokenMatches(token, deps.adminToken)) {
      c.get("logger").warn({ ip }, "admin login refused");
      return c.html(<LoginView error="That token is not right." />, 401);
    }
    const session = await startSession(c, { adminToken: deps.adminToken, secure, now: deps.clock.now() });
    await writeAdminAudit({ action: "admin.login" }, { db: deps.db, who: { actor: `admin:${session.id}`, ip } });
    return c.redirect("/admin", 303);
  });

  app.post("/admin/logout", async (c) => {
    endSession(c, { secure });
    return c.redirect("/admin/login", 303);
  });

  const guard: MiddlewareHandler<AdminEnv> = async (c, next) => {
    const path = c.req.path;
    if (path === "/admin/login" || path.startsWith("/admin/static/")) return next();
    const session = await readSession(c, { adminToken: deps.adminToken, now: deps.clock.now() });
    if (!session) return c.redirect("/admin/login", 303);
    c.set("who", { actor: `admin:${session.id}`, ip: clientIp(c) });
    c.set("logger", c.get("logger").child({ admin: session.id }));
    await next();
  };
  app.use("/admin", guard);
  app.use("/admin/*", guard);

  // Per-strategy counts grow with the followers: read at most every 10 s, whatever the number of pages open.
  const pageDeps = { ...deps, stats: cachedStrategyStats(deps) };
  app.route("/", adminEventRoutes(deps));
  const fragments = fragmentCache(() => deps.clock.now().getTime());
  app.use("/admin", fragments);
  app.use("/admin/*", fragments);
  app.route("/", adminViewRoutes(pageDeps));
  app.route("/", adminActionRoutes(pageDeps));
  app.route("/", adminTicketRoutes(deps));
  return app;
}
