import type { JobName, JobQueue, JobToAdd } from "../core/platform/jobs.ts";

export interface RecordedJob {
  name: JobName;
  jobId: string;
  data: unknown;
  delayMs?: number;
}

/** A queue for unit tests: records every job it is given, or refuses everything while `down`. */
export function createRecordingQueue(): JobQueue & { down: boolean; jobs: RecordedJob[] } {
  const jobs: RecordedJob[] = [];
  const queue = {
    down: false,
    jobs,
    async add<N extends JobName>(name: N, job: JobToAdd<N>) {
      if (queue.down) throw new Error("connect ECONNREFUSED 127.0.0.1:6379");
      jobs.push({ name, jobId: job.jobId, data: job.data, ...(job.delayMs !== undefined && { delayMs: job.delayMs }) });
    },
    async addBulk<N extends JobName>(name: N, added: JobToAdd<N>[]) {
      for (const job of added) await queue.add(name, job);
    },
    ping: async () => !queue.down,
    close: async () => {},
  };
  return queue;
}
