import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AdminEnv } from "./admin-env.ts";
import { fragmentCache } from "./fragment-cache.ts";

describe("the admin page's fragment cache", () => {
  it("serves one render of a URL to every live re-read within a second, and only re-reads", async () => {
    let renders = 0;
    const clock = { ms: 0 };
    const app = new Hono<AdminEnv>();
    app.use(
      "/admin/*",
      fragmentCache(() => clock.ms),
    );
    app.get("/admin/signals", (c) => c.html(`<p>render ${++renders}</p>`));
    const live = (path = "/admin/signals") => app.request(path, { headers: { "x-admin-fragment": "1" } });

    expect(await (await live()).text()).toBe("<p>render 1</p>");
    clock.ms = 900;
    expect(await (await live()).text()).toBe("<p>render 1</p>");
    // Another URL, and a full page load, are rendered on their own.
    expect(await (await live("/admin/signals?page=2")).text()).toBe("<p>render 2</p>");
    expect(await (await app.request("/admin/signals")).text()).toBe("<p>render 3</p>");
    clock.ms = 1000;
    expect(await (await live()).text()).toBe("<p>render 4</p>");
  });
});
