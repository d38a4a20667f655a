import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { Layout, type Section } from "./views/layout.tsx";

/**
 * A page, or only its <main> when live.js asks for it again (x-admin-fragment): the update then replaces what
 * is inside <main> and nothing else reloads.
 */
export function renderPage(
  c: Context,
  page: { title: string; section: Section; live?: string; status?: 200 | 400 | 404 | 409 | 422 | 429 | 500 },
  content: Child,
) {
  if (c.req.header("x-admin-fragment") === "1") {
    c.header("x-admin-fragment", "1");
    // biome-ignore lint/complexity/noUselessFragments: c.html takes one element; `content` may be any child.
    return c.html(<>{content}</>, page.status ?? 200);
  }
  return c.html(
    <Layout title={page.title} section={page.section} live={page.live}>
      {content}
    </Layout>,
    page.status ?? 200,
  );
}
