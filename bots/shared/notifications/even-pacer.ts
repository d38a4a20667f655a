import { setTimeout as sleep } from "node:timers/promises";

/**
 * Lets calls go one at a time at `perSecond`, with at most `burst` of them back to back: any one-second window
 * then holds at most perSecond + burst calls. Platforms count their limits over sliding windows; a client that
 * sends its whole allowance at the start of each second (as @discordjs/rest does) lands part of one burst in the
 * same window as the next and draws 429s. A small burst lets the pace catch up when a timer fires late on a busy
 * event loop, instead of losing that time for good (bench:notify).
 */
export function createEvenPacer(perSecond: number, burst = 2): () => Promise<void> {
  let tokens = 1;
  let refilledAt = performance.now();
  let turn: Promise<void> = Promise.resolve();
  const refill = () => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + ((now - refilledAt) * perSecond) / 1000);
    refilledAt = now;
  };
  return () => {
    turn = turn.then(async () => {
      for (refill(); tokens < 1; refill()) await sleep(((1 - tokens) * 1000) / perSecond);
      tokens -= 1;
    });
    return turn;
  };
}
