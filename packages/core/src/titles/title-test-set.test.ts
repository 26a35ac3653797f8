import { describe, expect, it } from "vitest";
import { resolveTitle } from "./resolve-title.ts";
import { TITLE_SOURCES, TITLE_TEST_SET } from "./title-test-set.ts";
import { buildLadder } from "./titles.fixtures.ts";

const GOAL = 0.97;

describe("title mapping over the test set", () => {
  const ladder = buildLadder();
  const results = TITLE_TEST_SET.map((item) => ({ item, resolution: resolveTitle(item.title, ladder) }));
  const wrong = results.filter(({ item, resolution }) => resolution.levelId !== item.expected);

  it(`maps at least ${GOAL * 100}% of at least 150 titles correctly`, () => {
    const share = (results.length - wrong.length) / results.length;
    console.info(
      `title mapping: ${results.length - wrong.length}/${results.length} correct (${(share * 100).toFixed(1)}%)` +
        wrong
          .map(({ item, resolution }) => `\n  ✗ ${item.title}: expected ${item.expected}, got ${resolution.levelId}`)
          .join(""),
    );
    expect(results.length).toBeGreaterThanOrEqual(150);
    expect(share).toBeGreaterThanOrEqual(GOAL);
  });

  it("covers every source kind with at least ten titles and names each source", () => {
    for (const kind of Object.keys(TITLE_SOURCES) as (keyof typeof TITLE_SOURCES)[]) {
      expect(TITLE_TEST_SET.filter((item) => item.kind === kind).length, kind).toBeGreaterThanOrEqual(10);
      expect(TITLE_SOURCES[kind].length).toBeGreaterThan(20);
    }
  });

  it("gives each result a rule and a confidence, and a reason for titles mapped to no level", () => {
    for (const { item, resolution } of results) {
      expect(resolution.rule, item.title).not.toBe("");
      expect(resolution.confidence).toBeGreaterThanOrEqual(0);
      expect(resolution.confidence).toBeLessThanOrEqual(1);
      if (resolution.levelId === null) expect(resolution.reason, item.title).toMatch(/\w{4,}/);
      else expect(resolution.confidence, item.title).toBeGreaterThan(0.3);
    }
  });

  it("reads a bank's Vice President as a rank, not as the VP-of-Product role", () => {
    const rank = resolveTitle("Vice President, Product Management - Consumer Banking", ladder);
    expect(rank).toMatchObject({ levelId: "senior-pm", rule: "corporate-rank" });
    expect(rank.reason).toContain("corporate rank");
    expect(resolveTitle("Vice President, Product Management", ladder)).toMatchObject({ levelId: "vp" });
    expect(resolveTitle("Vice President, Product", ladder, [], { corporateRanks: true })).toMatchObject({
      levelId: "senior-pm",
      rule: "corporate-rank",
    });
  });

  it("names the rule for combined chiefs, other functions and translated titles", () => {
    expect(resolveTitle("CPTO", ladder)).toMatchObject({ levelId: "cpo", rule: "combined-role" });
    expect(resolveTitle("Technical Program Manager", ladder)).toMatchObject({ levelId: null, rule: "other-function" });
    expect(resolveTitle("Leiterin Produktmanagement", ladder).reason).toContain('"leiterin"');
  });
});
