import { describe, expect, it } from "vitest";
import pino from "pino";
import type { PeopleFilter, PeopleRepository, Person } from "@ascent/core";
import { ChangeFeed } from "@ascent/db";
import { createWarmupStatus, startReadinessWarmer } from "./readiness-warmer.ts";

const person = (i: number) => ({ id: `p${i}`, name: `P ${i}`, status: "active" }) as Person;

function setup(total: number, maxPeople = 10_000, status = createWarmupStatus()) {
  const everyone = Array.from({ length: total }, (_, i) => person(i));
  const warmedBatches: string[][] = [];
  const lineLimits: number[] = [];
  const people = {
    list: async (filter: PeopleFilter = {}) => {
      const page = everyone.slice(filter.offset ?? 0, (filter.offset ?? 0) + (filter.limit ?? 1000));
      return { people: page, total: everyone.length };
    },
  } as PeopleRepository;
  const changes = new ChangeFeed();
  changes.setListening(true);
  const warmer = startReadinessWarmer({
    readiness: { warm: async (batch) => void warmedBatches.push(batch.map((p) => p.id)) },
    reportingLines: { warm: async (limit) => void lineLimits.push(limit) },
    people,
    changes,
    maxPeople,
    log: pino({ level: "silent" }),
    status,
  });
  return { warmer, changes, warmedBatches, lineLimits };
}

describe("startReadinessWarmer", () => {
  it("tells its status: warming from the start, done with the people warmed once idle", async () => {
    const status = createWarmupStatus();
    const { warmer } = setup(30, 10_000, status);
    expect(status.state).toBe("warming");
    await warmer.idle();
    expect(status).toEqual({ state: "done", people: 30 });
    await warmer.stop();
  });

  it("warms everyone's reporting line and readiness in batches of 500 after start", async () => {
    const { warmer, warmedBatches, lineLimits } = setup(1_200);
    await warmer.idle();
    expect(lineLimits).toEqual([10_000]);
    expect(warmedBatches.map((b) => b.length)).toEqual([500, 500, 200]);
    expect(new Set(warmedBatches.flat()).size).toBe(1_200);
    await warmer.stop();
  });

  it("warms again after a change that concerns everyone, not after one person's", async () => {
    const { warmer, changes, warmedBatches } = setup(10);
    await warmer.idle();
    changes.apply("41:p3");
    await warmer.idle();
    expect(warmedBatches).toHaveLength(1);
    changes.apply("42:*");
    await warmer.idle();
    expect(warmedBatches).toHaveLength(2);
    await warmer.stop();
    changes.apply("43:*");
    await warmer.idle();
    expect(warmedBatches).toHaveLength(2);
  });

  it("stops at the number of people the memo can hold", async () => {
    const { warmer, warmedBatches, lineLimits } = setup(2_000, 700);
    await warmer.idle();
    expect(lineLimits).toEqual([700]);
    expect(warmedBatches.map((b) => b.length)).toEqual([500, 200]);
    await warmer.stop();
  });
});
