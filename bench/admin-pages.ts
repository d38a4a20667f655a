// Admin pages left open during a benchmark: each holds /admin/events open and, on every update, reads its page
// again as live.js does (at most once a second), so the API process pays what 20 operators watching would cost.

export interface AdminPages {
  /** Page reads the updates caused so far. */
  reads(): number;
  updates(): number;
  stop(): Promise<void>;
}

const READ_GAP_MS = 1000;

export async function openAdminPages(opts: {
  api: string;
  token: string;
  pages: number;
  path?: string;
}): Promise<AdminPages> {
  const path = opts.path ?? "/admin";
  const login = await fetch(`${opts.api}/admin/login`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ token: opts.token }),
    headers: { origin: opts.api },
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (login.status !== 303 || !cookie) throw new Error(`admin login failed: ${login.status}`);
  const controller = new AbortController();
  let reads = 0;
  let updates = 0;
  const open = async () => {
    const res = await fetch(`${opts.api}/admin/events`, { headers: { cookie }, signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let lastRead = 0;
    let timer: NodeJS.Timeout | undefined;
    const read = async () => {
      timer = undefined;
      lastRead = Date.now();
      reads++;
      const page = await fetch(`${opts.api}${path}`, {
        headers: { cookie, "x-admin-fragment": "1" },
        signal: controller.signal,
      }).catch(() => undefined);
      await page?.text().catch(() => undefined);
    };
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      const text = decoder.decode(chunk.value);
      const n = text.split("event: update").length - 1;
      if (!n) continue;
      updates += n;
      if (timer) continue;
      timer = setTimeout(() => void read(), Math.max(0, lastRead + READ_GAP_MS - Date.now()));
    }
  };
  const streams = Array.from({ length: opts.pages }, () => open().catch(() => undefined));
  return {
    reads: () => reads,
    updates: () => updates,
    async stop() {
      controller.abort();
      await Promise.all(streams);
    },
  };
}
