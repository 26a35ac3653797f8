import { beforeAll, describe, expect, it } from "vitest";
import { movesFrom, type Framework } from "@ascent/core";
import { loadBuiltinLadder } from "./builtin-ladder.ts";

/**
 * The (level, competency) descriptors the seeds give (Torabi): fourteen for the PM (no strategic
 * partnerships), fourteen for the Director (no domain knowledge; continuous learning reads as
 * "continuous learning and industry knowledge"), all fifteen for the VP and the CPO. Every other
 * descriptor is the project's and must say so.
 */
const ALL = [
  "strategic-thinking",
  "leadership",
  "scope-management",
  "collaboration-influence",
  "vision-innovation",
  "team-management",
  "decision-making",
  "communication",
  "customer-focus",
  "adaptability-resilience",
  "data-analysis",
  "business-acumen",
  "domain-knowledge",
  "strategic-partnerships",
  "continuous-learning",
];
const SOURCED: Record<string, readonly string[]> = {
  pm: ALL.filter((c) => c !== "strategic-partnerships"),
  director: ALL.filter((c) => c !== "domain-knowledge"),
  vp: ALL,
  cpo: ALL,
};

let ladder: Framework;
beforeAll(async () => {
  ladder = await loadBuiltinLadder();
});

describe("the built-in ladder marks what the seeds do not give as interpolated", () => {
  it("has the fifteen competencies the list above names", () => {
    expect(ladder.competencies.map((c) => c.id).sort()).toEqual([...ALL].sort());
  });

  it("holds exactly the sourced (level, competency) pairs", () => {
    const sourced = Object.entries(ladder.expectations).flatMap(([levelId, row]) =>
      Object.entries(row)
        .filter(([, expectation]) => !expectation.interpolated)
        .map(([competencyId]) => `${levelId}/${competencyId}`),
    );
    const expected = Object.entries(SOURCED).flatMap(([levelId, ids]) => ids.map((id) => `${levelId}/${id}`));
    expect(sourced.sort()).toEqual(expected.sort());
    expect(sourced).toHaveLength(58);
  });

  it("marks every descriptor of Senior PM, Senior Director and Head as interpolated", () => {
    for (const levelId of ["senior-pm", "senior-director", "head"]) {
      const row = ladder.expectations[levelId] ?? {};
      expect(Object.keys(row)).toHaveLength(15);
      for (const [competencyId, expectation] of Object.entries(row)) {
        expect(expectation.interpolated, `${levelId}/${competencyId}`).toBe(true);
      }
    }
  });
});

describe("the built-in ladder carries the four points from Mironov", () => {
  it("cites the Mironov source for each, two about the step to VP and two about the role", () => {
    const notes = ladder.guidance?.vpRole.notes ?? [];
    expect(notes.map((note) => `${note.id}:${note.concerns}`)).toEqual([
      "already-doing-the-work:step-to-vp",
      "mentor-outside-product:step-to-vp",
      "neutral-ground:vp-role",
      "rare-and-cohesive:vp-role",
    ]);
    const sourceIds = new Set(ladder.sources.map((source) => source.id));
    for (const note of notes) {
      expect(note.sourceId).toBe("mironov-vp");
      expect(sourceIds.has(note.sourceId)).toBe(true);
    }
  });
});

describe("the built-in ladder's individual-contributor track", () => {
  it("adds Principal PM beside Director, wholly the project's own (interpolated)", () => {
    const principal = ladder.levels.find((l) => l.id === "principal-pm");
    const director = ladder.levels.find((l) => l.id === "director");
    expect(principal?.track).toBe("ic");
    expect(principal?.rank).toBe(director?.rank);
    expect(Object.values(ladder.expectations["principal-pm"] ?? {}).every((e) => e.interpolated)).toBe(true);
    expect(Object.keys(ladder.expectations["principal-pm"] ?? {})).toHaveLength(15);
  });

  it("lets a Senior PM move on to Principal PM or to Director", () => {
    const senior = ladder.levels.find((l) => l.id === "senior-pm");
    expect(senior && movesFrom(ladder, senior).map((l) => l.id)).toEqual(["principal-pm", "director"]);
  });
});
