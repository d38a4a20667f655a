import { readFileSync } from "node:fs";
import { Hono } from "hono";

// Read once at start: two small files, served from memory with a short cache (no build step, no fingerprints).
const read = (name: string) => readFileSync(new URL(`./static/${name}`, import.meta.url), "utf8");
const files = {
  "admin.css": { body: read("admin.css"), type: "text/css; charset=utf-8" },
  "live.js": { body: read("live.js"), type: "text/javascript; charset=utf-8" },
} as const;

/** The admin page's stylesheet and live-update script: no session needed (the login form uses the CSS). */
export function adminStaticRoutes() {
  const app = new Hono();
  app.get("/admin/static/:file", (c) => {
    const file = files[c.req.param("file") as keyof typeof files];
    if (!file) return c.text("not found", 404);
    c.header("content-type", file.type);
    c.header("cache-control", "public, max-age=300");
    return c.body(file.body);
  });
  return app;
}
