import { describe, expect, it } from "vitest";
import type { Framework } from "../framework/framework.ts";
import { assertValidRatings, assessedCompetencyIds, levelAbove } from "./rating-rules.ts";

/** PM (strategy only), Senior PM (strategy and partnerships), Director (strategy and people). */
function buildLadder(): Framework {
  const expectation = (expected: number, weight: number) => ({ expected, weight, descriptor: "", interpolated: false });
  return {
    slug: "stretch",
    name: "Stretch",
    description: "",
    sources: [],
    scale: { min: 1, max: 5, points: [1, 2, 3, 4, 5].map((value) => ({ value, label: `${value}`, description: "" })) },
    levels: [
      { id: "director", rank: 3, name: "Director", track: "manager", aliases: [], scope: "", summary: "" },
      { id: "pm", rank: 1, name: "PM", track: "ic", aliases: [], scope: "", summary: "" },
      { id: "senior-pm", rank: 2, name: "Senior PM", track: "ic", aliases: [], scope: "", summary: "" },
    ],
    competencies: ["strategy", "partnerships", "people"].map((id) => ({ id, name: id, area: "", description: "" })),
    expectations: {
      pm: { strategy: expectation(2, 1), partnerships: expectation(1, 0), people: expectation(1, 0) },
      "senior-pm": { strategy: expectation(3, 1), partnerships: expectation(3, 1), people: expectation(1, 0) },
      director: { strategy: expectation(4, 1), partnerships: expectation(4, 1), people: expectation(4, 2) },
    },
    playbooks: [],
  };
}

const rating = (competencyId: string) => ({
  competencyId,
  score: 3,
  evidence: "",
  confidence: null,
  evidenceIds: [],
});

describe("assessedCompetencyIds", () => {
  it("covers the person's level and the next level up, not the one after", () => {
    const ladder = buildLadder();
    expect(levelAbove(ladder, "pm")).toBe("senior-pm");
    expect(assessedCompetencyIds(ladder, "pm")).toEqual(["strategy", "partnerships"]);
    expect(assessedCompetencyIds(ladder, "senior-pm")).toEqual(["strategy", "partnerships", "people"]);
  });

  it("covers only the level's own competencies at the top of the ladder", () => {
    expect(levelAbove(buildLadder(), "director")).toBeNull();
    expect(assessedCompetencyIds(buildLadder(), "director")).toEqual(["strategy", "partnerships", "people"]);
  });
});

describe("assertValidRatings", () => {
  it("accepts a PM's rating of a stretch competency of the next level", () => {
    expect(() => assertValidRatings([rating("strategy"), rating("partnerships")], buildLadder(), "pm")).not.toThrow();
  });

  it("refuses a competency that applies two levels up only", () => {
    expect(() => assertValidRatings([rating("people")], buildLadder(), "pm")).toThrow(
      /"people" applies neither at this level nor at the next/,
    );
  });
});
