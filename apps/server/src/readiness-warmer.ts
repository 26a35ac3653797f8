import type { FastifyBaseLogger } from "fastify";
import type { PeopleRepository, Person } from "@ascent/core";
import type { ChangeFeed } from "@ascent/db";

const BATCH_SIZE = 500;

/** Where the warm-up stands, as /readyz tells it: until "done", reads fall back to the kept snapshots. */
export interface WarmupStatus {
  state: "pending" | "warming" | "done";
  /** People warmed by the last completed warm-up. */
  people: number;
}

export function createWarmupStatus(): WarmupStatus {
  return { state: "pending", people: 0 };
}

export interface ReadinessWarmer {
  /** Resolves once no warm-up is running or waiting. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Computes everyone's reporting line, and every active person's next-level readiness in batches, into
 * the memo: once after start, and again after each change that concerns everyone (settings, a published
 * ladder, a bulk import).
 * Single-person reads then come from memory, and a change to one person drops only theirs.
 */
export function startReadinessWarmer(options: {
  readiness: { warm(people: Person[]): Promise<void> };
  reportingLines: { warm(limit: number): Promise<void> };
  people: PeopleRepository;
  changes: ChangeFeed;
  /** The memo holds at most this many warmed results; past it, warming would only evict itself. */
  maxPeople: number;
  log: FastifyBaseLogger;
  /** Updated as warm-ups start and finish. */
  status?: WarmupStatus;
}): ReadinessWarmer {
  const { readiness, reportingLines, people, changes, log } = options;
  let isStopped = false;
  let isWanted = true;
  let running: Promise<void> | null = null;

  async function warmEveryone(): Promise<number> {
    await reportingLines.warm(options.maxPeople);
    let warmed = 0;
    for (let offset = 0; warmed < options.maxPeople && !isStopped && !isWanted; offset += BATCH_SIZE) {
      const page = await people.list({
        status: "active",
        limit: Math.min(BATCH_SIZE, options.maxPeople - warmed),
        offset,
      });
      if (page.people.length === 0) break;
      await readiness.warm(page.people);
      warmed += page.people.length;
      // Let requests in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return warmed;
  }

  async function loop(): Promise<void> {
    while (isWanted && !isStopped) {
      isWanted = false;
      const started = performance.now();
      if (options.status) options.status.state = "warming";
      try {
        const warmed = await warmEveryone();
        if (options.status) options.status.people = warmed;
        log.info({ people: warmed, ms: Math.round(performance.now() - started) }, "readiness warmed");
      } catch (error) {
        // A database without a ladder yet, or closing under us: single reads still work, uncached.
        log.warn({ err: error }, "readiness warm-up stopped");
      }
    }
    if (options.status) options.status.state = "done";
    running = null;
  }

  function schedule(): void {
    isWanted = true;
    running ??= loop();
  }

  const unsubscribe = changes.onEveryoneChanged(schedule);
  schedule();
  return {
    idle: async () => {
      while (running) await running;
    },
    stop: async () => {
      isStopped = true;
      unsubscribe();
      while (running) await running;
    },
  };
}
