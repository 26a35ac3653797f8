import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FastifyBaseLogger } from "fastify";
import { startScheduler } from "./scheduler.ts";

const silentLog = { error: vi.fn() } as unknown as FastifyBaseLogger;

describe("startScheduler", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs every task on each tick, goes on after one fails, and stops", async () => {
    const runs: string[] = [];
    const scheduler = startScheduler(
      [
        { name: "failing", run: () => Promise.reject(new Error("disk full")) },
        { name: "backup", run: async () => void runs.push("backup") },
      ],
      { everyMs: 1000, log: silentLog },
    );
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs).toEqual(["backup", "backup", "backup"]);
    expect(silentLog.error).toHaveBeenCalledTimes(3);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs).toHaveLength(3);
  });

  it("never overlaps a slow tick with the next", async () => {
    let active = 0;
    let most = 0;
    const scheduler = startScheduler(
      [
        {
          name: "slow",
          run: async () => {
            active += 1;
            most = Math.max(most, active);
            await new Promise((resolve) => setTimeout(resolve, 2500));
            active -= 1;
          },
        },
      ],
      { everyMs: 1000, log: silentLog },
    );
    await vi.advanceTimersByTimeAsync(6000);
    // stop() waits for the tick under way, whose sleep runs on the fake clock.
    const stopping = scheduler.stop();
    await vi.advanceTimersByTimeAsync(3000);
    await stopping;
    expect(most).toBe(1);
  });
});
