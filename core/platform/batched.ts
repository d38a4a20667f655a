import DataLoader from "dataloader";

/**
 * Group commit: calls made within `waitMs` of each other share one round trip to the database. Each caller
 * still awaits its own durable outcome; a failed flush fails every caller in it, and each retries on its own.
 */
export function batched<T, R = void>(
  flush: (items: readonly T[]) => Promise<readonly R[] | undefined>,
  opts: { waitMs?: number; maxBatch?: number } = {},
): (item: T) => Promise<R> {
  const loader = new DataLoader<T, R>(
    async (items) => {
      const results = await flush(items);
      return results ?? (items.map(() => undefined) as R[]);
    },
    {
      cache: false,
      maxBatchSize: opts.maxBatch ?? 500,
      batchScheduleFn: (run) => setTimeout(run, opts.waitMs ?? 2),
    },
  );
  return (item) => loader.load(item);
}
