import { describe, expect, it } from "vitest";
import { ChangeFeed } from "./change-feed.ts";
import { ANY_CHANGE } from "@ascent/core";
import { ChangeAwareMemo } from "./change-aware-memo.ts";

function setup() {
  const feed = new ChangeFeed();
  feed.setListening(true);
  let clock = 1_000;
  const memo = new ChangeAwareMemo(feed, { maxEntries: 3, now: () => clock });
  let reads = 0;
  const read = (value: string, dependsOn: string[], validUntil?: number) => async () => {
    reads += 1;
    return { value, dependsOn, ...(validUntil === undefined ? {} : { validUntil: new Date(validUntil) }) };
  };
  return { feed, memo, read, reads: () => reads, advance: (ms: number) => (clock += ms) };
}

describe("ChangeAwareMemo", () => {
  it("drops a value that depends on anyone after a change to any person, and keeps it otherwise", async () => {
    const { memo, read, feed } = setup();
    await memo.remember("org", read("first", [ANY_CHANGE]));
    expect(await memo.remember("org", read("second", [ANY_CHANGE]))).toBe("first");
    feed.apply("11:somebody");
    expect(await memo.remember("org", read("third", [ANY_CHANGE]))).toBe("third");
  });

  it("grows to the size it is given, keeping what it holds, and never shrinks", async () => {
    const { memo, read, reads } = setup();
    for (const key of ["a", "b", "c"]) await memo.remember(key, read(key, ["ada"]));
    memo.growTo(5);
    memo.growTo(2);
    expect(memo.maxEntries).toBe(5);
    for (const key of ["d", "e"]) await memo.remember(key, read(key, ["ada"]));
    expect(memo.size).toBe(5);
    for (const key of ["a", "b", "c", "d", "e"]) expect(await memo.remember(key, read("again", ["ada"]))).toBe(key);
    expect(reads()).toBe(5);
  });

  it("reads once, then answers from memory while nothing it depends on changed", async () => {
    const { memo, read, reads, feed } = setup();
    expect(await memo.remember("a", read("first", ["ada"]))).toBe("first");
    feed.apply("7:bo");
    expect(await memo.remember("a", read("second", ["ada"]))).toBe("first");
    expect(reads()).toBe(1);
  });

  it("reads again after a change to a person it depends on, or to everyone", async () => {
    const { memo, read, feed } = setup();
    await memo.remember("a", read("first", ["ada", "cy"]));
    feed.apply("8:bo,cy");
    expect(await memo.remember("a", read("second", ["ada", "cy"]))).toBe("second");
    feed.apply("9:*");
    expect(await memo.remember("a", read("third", ["ada", "cy"]))).toBe("third");
  });

  it("counts a notification heard on a second connection once", async () => {
    const { memo, read, feed } = setup();
    feed.apply("10:ada");
    await memo.remember("a", read("first", ["ada"]));
    feed.apply("10:ada");
    expect(await memo.remember("a", read("second", ["ada"]))).toBe("first");
  });

  it("does not keep a value when a change arrived while it was being read", async () => {
    const { memo, feed } = setup();
    await memo.remember("a", async () => {
      feed.apply("11:ada");
      return { value: "raced", dependsOn: ["ada"] };
    });
    expect(await memo.remember("a", async () => ({ value: "fresh", dependsOn: ["ada"] }))).toBe("fresh");
  });

  it("drops a value when its time runs out", async () => {
    const { memo, read, advance } = setup();
    await memo.remember("a", read("first", [], 1_500));
    advance(499);
    expect(await memo.remember("a", read("second", []))).toBe("first");
    advance(1);
    expect(await memo.remember("a", read("third", []))).toBe("third");
  });

  it("keeps nothing while the feed is not listening, nor values marked not worth keeping", async () => {
    const { memo, read, reads, feed } = setup();
    await memo.remember("a", async () => ({ value: null, dependsOn: [], keep: false }));
    await memo.remember("a", read("kept", []));
    expect(reads()).toBe(1);
    feed.setListening(false);
    await memo.remember("b", read("x", []));
    await memo.remember("b", read("y", []));
    expect(reads()).toBe(3);
  });

  it("computes only the missing or stale entries of a batch", async () => {
    const { memo, read, feed } = setup();
    await memo.remember("a", read("a1", ["ada"]));
    await memo.remember("b", read("b1", ["bo"]));
    feed.apply("12:bo");
    const asked: string[][] = [];
    await memo.rememberMany(["a", "b", "c"], async (stale) => {
      asked.push(stale);
      return new Map(stale.map((key) => [key, { value: `${key}2`, dependsOn: [] }]));
    });
    expect(asked).toEqual([["b", "c"]]);
    expect(await memo.remember("b", read("b3", []))).toBe("b2");
  });

  it("forgets the least recently used entries past its size", async () => {
    const { memo, read, reads } = setup();
    for (const key of ["a", "b", "c", "d"]) await memo.remember(key, read(key, []));
    await memo.remember("a", read("a again", []));
    expect(reads()).toBe(5);
  });
});
