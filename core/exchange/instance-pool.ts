/**
 * A bounded pool of stateful objects handed out exclusively. It grows only when every instance is busy,
 * up to `max`; beyond that callers queue (FIFO) until one is released.
 */
export class InstancePool<T> {
  private readonly idle: T[] = [];
  private readonly waiters: Array<(item: T) => void> = [];
  private readonly everything: T[] = [];

  constructor(
    private readonly create: () => T,
    private readonly max: number,
  ) {
    if (max < 1) throw new Error("pool max must be at least 1");
  }

  async acquire(): Promise<T> {
    // LIFO keeps the same few instances (and their warm keep-alive sockets) busy under light load.
    const item = this.idle.pop();
    if (item !== undefined) return item;
    if (this.everything.length < this.max) {
      const created = this.create();
      this.everything.push(created);
      return created;
    }
    return new Promise<T>((resolve) => this.waiters.push(resolve));
  }

  release(item: T): void {
    const next = this.waiters.shift();
    if (next) next(item);
    else this.idle.push(item);
  }

  get size(): number {
    return this.everything.length;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  get idleCount(): number {
    return this.idle.length;
  }

  all(): readonly T[] {
    return this.everything;
  }
}
