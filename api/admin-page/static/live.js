// Live updates for the admin page: one EventSource, and the page's <main> re-read when an event concerns it.
// The server sends at most two updates a second. Counts carried by an event are written in place at once; the
// re-read that brings the rows follows at most once a second (every 3 s while only counts move, as during a large
// fan-out), and is skipped while the operator is typing in a form.
(() => {
  const main = document.querySelector("main[data-live]");
  const dot = document.querySelector(".live-dot");
  if (!main || !window.EventSource) return;
  const wants = (main.getAttribute("data-live") || "").split(" ").filter(Boolean);
  const concerns = (e) =>
    wants.includes("all") ||
    (e.type === "signal" && wants.includes("signals")) ||
    (e.type === "executions" && (wants.includes("signals") || wants.includes(`signal:${e.signalId}`))) ||
    (e.type === "trade" && wants.includes("trades")) ||
    (e.type === "worker" && wants.includes("workers"));
  let loading = false;
  let lastRead = 0;
  let timer;
  const read = async () => {
    const active = document.activeElement;
    // Busy, or the operator is typing: looked at again shortly, so that the last update is never lost.
    if (loading || (active && main.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName))) {
      timer = setTimeout(read, 1000);
      return;
    }
    timer = undefined;
    loading = true;
    lastRead = Date.now();
    try {
      const res = await fetch(location.href, { headers: { "x-admin-fragment": "1" }, credentials: "same-origin" });
      if (res.ok && res.headers.get("x-admin-fragment") === "1") main.innerHTML = await res.text();
    } catch {
      // The next event tries again.
    } finally {
      loading = false;
    }
  };
  const schedule = (gapMs) => {
    if (timer) return;
    timer = setTimeout(read, Math.max(0, lastRead + gapMs - Date.now()));
  };
  const source = new EventSource("/admin/events");
  source.addEventListener("open", () => dot?.classList.add("on"));
  source.addEventListener("error", () => dot?.classList.remove("on"));
  source.addEventListener("update", (message) => {
    let events = [];
    try {
      events = JSON.parse(message.data);
    } catch {
      return;
    }
    let placed = false;
    for (const e of events) {
      if (e.type !== "executions") continue;
      for (const [status, n] of Object.entries(e.counts)) {
        for (const el of document.querySelectorAll(`[data-count="${e.signalId}:${status}"]`)) {
          el.textContent = String(n);
          placed = true;
        }
      }
    }
    const relevant = events.filter(concerns);
    if (!relevant.length) return;
    const onlyCounts = placed && relevant.every((e) => e.type === "executions");
    schedule(onlyCounts ? 3000 : 1000);
  });
})();
