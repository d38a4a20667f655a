/**
 * One process-wide copy of a venue's markets. The first caller loads them; concurrent callers share that one
 * request (single flight). After `ttlMs` the next caller triggers a background refresh and keeps using the old
 * copy meanwhile, so a slow or failing exchangeInfo never stalls order flow once markets are known.
 */
export class SharedMarkets<T> {
  private value: T | undefined;
  private loadedAt = 0;
  private inFlight: Promise<T> | undefined;
  loads = 0;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly opts: {
      ttlMs: number;
      /** After a failed background refresh, wait this long before trying again. */
      retryAfterFailureMs?: number;
      now?: () => number;
      onRefreshError?: (err: unknown) => void;
      onReplaced?: (previous: T) => void;
    },
  ) {}

  async current(): Promise<T> {
    const value = this.value;
    if (value === undefined) return this.refresh();
    if (this.now() - this.loadedAt >= this.opts.ttlMs && !this.inFlight) {
      this.refresh().catch((err: unknown) => {
        // Keep serving the stale copy; try again after a pause rather than on every call.
        this.loadedAt = this.now() - this.opts.ttlMs + (this.opts.retryAfterFailureMs ?? 60_000);
        this.opts.onRefreshError?.(err);
      });
    }
    return value;
  }

  /** The loaded value without triggering anything; undefined before the first load. */
  peek(): T | undefined {
    return this.value;
  }

  private refresh(): Promise<T> {
    if (!this.inFlight) {
      this.loads += 1;
      this.inFlight = this.load()
        .then((loaded) => {
          const previous = this.value;
          this.value = loaded;
          this.loadedAt = this.now();
          if (previous !== undefined && previous !== loaded) this.opts.onReplaced?.(previous);
          return loaded;
        })
        .finally(() => {
          this.inFlight = undefined;
        });
    }
    return this.inFlight;
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }
}
