/**
 * Work a request starts and does not wait for (a fan-out queued after the 202 went out). A graceful stop
 * waits for it, so only a crash ever leaves such work to the resume sweep.
 */
export interface BackgroundWork {
  track(work: Promise<void>): void;
  settled(): Promise<void>;
}

export function createBackgroundWork(): BackgroundWork {
  const pending = new Set<Promise<void>>();
  return {
    track(work) {
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },
    async settled() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
