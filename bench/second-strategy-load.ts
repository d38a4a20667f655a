import { type Proc, startEntry } from "../test/processes.ts";

/**
 * The second strategy's webhooks at a steady rate (bench/webhook-load.ts), from a process of its own: the load
 * under which bench:fanout measures the acknowledgement latency.
 */
export function secondStrategyLoad(opts: {
  url: string;
  passphrase: string;
  session: { ownSession?: boolean };
  /** Started processes, stopped by the benchmark whatever happens. */
  procs: Proc[];
  log: (msg: string) => void;
}) {
  // The second strategy's webhooks at `rate`/s, from a process of their own, until stopLoad.
  const startLoad = async (id: string, rate: number) => {
    const loadProc = startEntry(
      "bench/webhook-load.ts",
      {},
      [
        "--url",
        opts.url,
        // Inline: a generated passphrase may start with "-", which parseArgs would take for an option.
        `--passphrase=${opts.passphrase}`,
        "--rate",
        String(rate),
        "--id",
        id,
      ],
      opts.session,
    );
    opts.procs.push(loadProc);
    await loadProc.waitFor(/load is up/);
    return loadProc;
  };
  /**
   * Stops the load and returns its deliveries as [scheduled epoch ms, ms from the scheduled time]: `acks` answered
   * 202, `failed` not (another status, an error, no answer in time).
   */
  const stopLoad = async (loadProc: Proc) => {
    await loadProc.stop();
    const line = /^acks (.*)$/m.exec(loadProc.output());
    const failedLine = /^failed (.*)$/m.exec(loadProc.output());
    if (!line || !failedLine) throw new Error(`the webhook load printed no acks:\n${loadProc.output()}`);
    const failures = /^failures .*$/m.exec(loadProc.output());
    if (failures) opts.log(`  second strategy: ${failures[0]}`);
    return {
      acks: JSON.parse(line[1] as string) as [number, number][],
      failed: (JSON.parse(failedLine[1] as string) as [number, number, string][]).map(
        ([at, ms]) => [at, ms] as [number, number],
      ),
    };
  };

  return { startLoad, stopLoad };
}
