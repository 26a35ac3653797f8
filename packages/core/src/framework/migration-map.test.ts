import { describe, expect, it } from "vitest";
import { buildMigrationMap } from "./migration.fixtures.ts";
import { applyMigrationToRatings, mapCompetencyId, mapLevelId, type FrameworkMigrationMap } from "./migration-map.ts";

const emptyMap: FrameworkMigrationMap = { competencies: [], levels: [] };

describe("mapCompetencyId", () => {
  it("follows renames and merges, drops removals and keeps the rest", () => {
    const map: FrameworkMigrationMap = {
      competencies: [...buildMigrationMap().competencies, { kind: "remove", id: "trivia" }],
      levels: [],
    };
    expect(mapCompetencyId("communication", map)).toBe("storytelling");
    expect(mapCompetencyId("leadership", map)).toBe("direction");
    expect(mapCompetencyId("trivia", map)).toBeUndefined();
    expect(mapCompetencyId("design", map)).toBe("design");
  });
});

describe("mapLevelId", () => {
  it("follows renames and moves, and removals to their fallback", () => {
    const map: FrameworkMigrationMap = {
      competencies: [],
      levels: [
        { kind: "rename", from: "director", to: "head" },
        { kind: "move", from: "group-pm", to: "senior-pm" },
        { kind: "remove", id: "vp", fallbackTo: "head" },
        { kind: "remove", id: "intern" },
      ],
    };
    expect(mapLevelId("director", map)).toBe("head");
    expect(mapLevelId("group-pm", map)).toBe("senior-pm");
    expect(mapLevelId("vp", map)).toBe("head");
    expect(mapLevelId("intern", map)).toBeUndefined();
    expect(mapLevelId("pm", map)).toBe("pm");
    expect(mapLevelId("pm", emptyMap)).toBe("pm");
  });
});

describe("applyMigrationToRatings", () => {
  it("carries a renamed rating over unchanged and keeps the original", () => {
    const original = { competencyId: "communication", score: 4, evidence: "Ran the launch review.", confidence: 0.8 };
    expect(applyMigrationToRatings([original], buildMigrationMap())).toEqual([
      { competencyId: "storytelling", score: 4, evidence: "Ran the launch review.", carriedFrom: [original] },
    ]);
  });

  it("merges ratings into their mean score with the evidence joined", () => {
    const strategy = { competencyId: "strategy", score: 3, evidence: "Wrote the strategy." };
    const leadership = { competencyId: "leadership", score: 4, evidence: "Led the offsite." };
    expect(applyMigrationToRatings([strategy, leadership], buildMigrationMap())).toEqual([
      {
        competencyId: "direction",
        score: 3.5,
        evidence: "Wrote the strategy.\n\nLed the offsite.",
        carriedFrom: [strategy, leadership],
      },
    ]);
  });

  it("merges whatever part of a merge was rated, skipping blank evidence", () => {
    const leadership = { competencyId: "leadership", score: 2, evidence: " " };
    expect(applyMigrationToRatings([leadership], buildMigrationMap())).toEqual([
      { competencyId: "direction", score: 2, evidence: "", carriedFrom: [leadership] },
    ]);
  });

  it("drops removed ratings and keeps unmapped ones, in input order", () => {
    const map: FrameworkMigrationMap = {
      competencies: [
        { kind: "remove", id: "trivia" },
        { kind: "merge", from: ["strategy", "leadership"], to: "direction" },
      ],
      levels: [],
    };
    const ratings = [
      { competencyId: "communication", score: 5, evidence: "" },
      { competencyId: "trivia", score: 1, evidence: "Quiz night." },
      { competencyId: "leadership", score: 2, evidence: "Mentored two PMs." },
      { competencyId: "strategy", score: 5, evidence: "Set the bet." },
    ];
    const migrated = applyMigrationToRatings(ratings, map);
    expect(migrated.map(({ competencyId, score, evidence }) => ({ competencyId, score, evidence }))).toEqual([
      { competencyId: "communication", score: 5, evidence: "" },
      { competencyId: "direction", score: 3.5, evidence: "Mentored two PMs.\n\nSet the bet." },
    ]);
    expect(migrated[1]?.carriedFrom).toEqual([ratings[2], ratings[3]]);
  });

  it("returns nothing for no ratings", () => {
    expect(applyMigrationToRatings([], buildMigrationMap())).toEqual([]);
  });
});
