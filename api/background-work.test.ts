import { describe, expect, it } from "vitest";
import { createBackgroundWork } from "./background-work.ts";

describe("background work", () => {
  it("settles only after everything tracked so far, including work tracked while waiting", async () => {
    const work = createBackgroundWork();
    const done: string[] = [];
    let releaseFirst = () => {};
    work.track(
      new Promise<void>((resolve) => {
        releaseFirst = resolve;
      }).then(() => {
        done.push("first");
        work.track(Promise.resolve().then(() => void done.push("second")));
      }),
    );
    const settled = work.settled().then(() => done.push("settled"));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toEqual([]);
    releaseFirst();
    await settled;
    expect(done).toEqual(["first", "second", "settled"]);
  });
});
