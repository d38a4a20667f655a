import type { Child } from "hono/jsx";

const NAV = [
  ["overview", "/admin", "Overview"],
  ["followers", "/admin/followers", "Followers"],
  ["strategies", "/admin/strategies", "Strategies"],
  ["signals", "/admin/signals", "Signals"],
  ["tickets", "/admin/tickets", "Tickets"],
  ["audit", "/admin/audit", "Audit log"],
] as const;

export type Section = (typeof NAV)[number][0];

/** The page around every view: the nav, the live dot, and <main> (what live updates re-read). */
export function Layout(props: { title: string; section?: Section; live?: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Mimic admin`}</title>
        <link rel="stylesheet" href="/admin/static/admin.css" />
        <script src="/admin/static/live.js" defer />
      </head>
      <body>
        {props.section !== undefined && (
          <header>
            <span class="brand">Mimic</span>
            <nav>
              {NAV.map(([key, href, label]) => (
                <a href={href} class={key === props.section ? "active" : ""}>
                  {label}
                </a>
              ))}
            </nav>
            <span class="live-dot" title="live updates" />
            <form method="post" action="/admin/logout">
              <button type="submit" class="secondary">
                Sign out
              </button>
            </form>
          </header>
        )}
        <main data-live={props.live ?? ""}>{props.children}</main>
      </body>
    </html>
  );
}

export function Pill(props: { value: string | null | undefined }) {
  return props.value ? <span class={`pill ${props.value}`}>{props.value}</span> : <span class="muted">—</span>;
}

export function Notice(props: { text?: string; error?: boolean }) {
  return props.text ? <p class={props.error ? "notice error" : "notice"}>{props.text}</p> : null;
}

export function Pager(props: { page: number; hasNext: boolean; href: (page: number) => string }) {
  if (props.page <= 1 && !props.hasNext) return null;
  return (
    <p class="pager">
      {props.page > 1 && <a href={props.href(props.page - 1)}>← newer</a>}
      <span class="muted">page {props.page}</span>
      {props.hasNext && <a href={props.href(props.page + 1)}>older →</a>}
    </p>
  );
}
