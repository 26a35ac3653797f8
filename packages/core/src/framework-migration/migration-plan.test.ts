import { describe, expect, it } from "vitest";
import { buildFramework } from "../framework/framework.fixtures.ts";
import type { FrameworkMigrationMap } from "../framework/migration-map.ts";
import { buildNextFramework } from "../framework/migration.fixtures.ts";
import { emptyPlanContent } from "../growth/career-plan.ts";
import { planFrameworkMigration, validateGoalChoices, type GoalChoice } from "./migration-plan.ts";
import type { GoalReference } from "./ports.ts";

/** strategy + leadership merge into direction; communication is removed; vp goes, its people to director→head. */
const MAP: FrameworkMigrationMap = {
  competencies: [
    { kind: "merge", from: ["strategy", "leadership"], to: "direction" },
    { kind: "remove", id: "communication" },
  ],
  levels: [
    { kind: "rename", from: "director", to: "head" },
    { kind: "remove", id: "vp" },
  ],
};

const goal = (id: string, competencyId: string, status: GoalReference["status"] = "active"): GoalReference => ({
  id,
  personId: `owner-${id}`,
  competencyId,
  status,
});

function plan(choices: GoalChoice[] = []) {
  const content = emptyPlanContent();
  return planFrameworkMigration({
    framework: "test-ladder",
    fromVersion: 1,
    toVersion: 2,
    carriesData: true,
    before: buildFramework(),
    after: buildNextFramework(),
    map: MAP,
    choices,
    references: {
      goals: [goal("g1", "strategy"), goal("g2", "communication"), goal("g3", "communication", "achieved")],
      evidence: [
        { id: "e1", personId: "p1", competencyIds: ["strategy", "leadership", "communication"] },
        { id: "e2", personId: "p2", competencyIds: ["communication"] },
      ],
      plans: [
        {
          personId: "p1",
          content: {
            ...content,
            envision: { ...content.envision, targetLevelId: "vp" },
            learning: [
              { id: "l1", kind: "hands-on", title: "Lead", competencyIds: ["leadership"], status: "planned" },
              { id: "l2", kind: "hands-on", title: "Talk", competencyIds: ["communication"], status: "planned" },
            ],
          },
        },
      ],
      ratingCounts: new Map([
        ["strategy", 2],
        ["leadership", 3],
        ["communication", 4],
      ]),
    },
  });
}

describe("planFrameworkMigration", () => {
  it("reports what moves where and which removed competency still needs a choice for its open goals", () => {
    const { report, writes } = plan();
    expect(
      report.moves.map((m) => [m.from, m.to, m.ratings, m.openGoals, m.closedGoals, m.evidence, m.planItems]),
    ).toEqual([
      ["strategy", "direction", 2, 1, 0, 1, 0],
      ["leadership", "direction", 3, 0, 0, 1, 1],
      ["communication", null, 4, 1, 1, 2, 1],
    ]);
    expect(report.unresolved).toEqual([
      {
        competencyId: "communication",
        name: "Communication",
        openGoals: 1,
        people: 1,
      },
    ]);
    // Merged tags collapse into one; tags on a removed competency have no home.
    expect(writes.evidenceTags).toEqual([
      { id: "e1", personId: "p1", competencyIds: ["direction"] },
      { id: "e2", personId: "p2", competencyIds: [] },
    ]);
    expect(report.totals.evidenceTags).toEqual({ moved: 2, dropped: 2 });
    expect(report.totals.ratings).toEqual({ moved: 5, dropped: 4 });
    expect(report.totals.goals).toEqual({ moved: 1, closed: 0, legacy: 1 });
    expect(writes.plans[0]?.content.learning.map((item) => item.competencyIds)).toEqual([["direction"], []]);
    expect(writes.plans[0]?.content.envision.targetLevelId).toBeNull();
    expect(report.planTargets).toEqual({ moved: 0, unplaced: 1 });
    expect(report.totals.planItems).toEqual({ moved: 1, dropped: 1 });
  });

  it("moves, closes or keeps the open goals of a removed competency as chosen", () => {
    const moved = plan([{ competencyId: "communication", action: "move", to: "storytelling" }]);
    expect(moved.report.unresolved).toEqual([]);
    expect(moved.writes.goalMoves).toContainEqual({ id: "g2", personId: "owner-g2", competencyId: "storytelling" });
    const closed = plan([{ competencyId: "communication", action: "close" }]);
    expect(closed.writes.goalsClosed).toEqual([{ id: "g2", personId: "owner-g2" }]);
    const kept = plan([{ competencyId: "communication", action: "keep" }]);
    expect(kept.writes.goalMoves.map((g) => g.id)).toEqual(["g1"]);
    expect(kept.report.totals.goals).toEqual({ moved: 1, closed: 0, legacy: 2 });
  });

  it("carries nothing but reports the map for a framework other than the ladder in use", () => {
    const { report, writes } = planFrameworkMigration({
      ...{ framework: "other", fromVersion: 1, toVersion: 2, carriesData: false },
      ...{ before: buildFramework(), after: buildNextFramework(), map: MAP, choices: [] },
      references: { goals: [goal("g2", "communication")], evidence: [], plans: [], ratingCounts: new Map() },
    });
    expect(report.unresolved).toEqual([]);
    expect(report.moves.every((m) => m.openGoals === 0)).toBe(true);
    expect(writes).toEqual({ goalMoves: [], goalsClosed: [], evidenceTags: [], plans: [] });
  });
});

describe("validateGoalChoices", () => {
  it("names choices for competencies the map keeps, repeated choices and unknown targets", () => {
    const problems = validateGoalChoices(
      [
        { competencyId: "strategy", action: "close" },
        { competencyId: "communication", action: "move", to: "nowhere" },
        { competencyId: "communication", action: "keep" },
      ],
      MAP,
      buildNextFramework(),
    );
    expect(problems.map((p) => p.path)).toEqual([
      "choices[0].competencyId",
      "choices[1].to",
      "choices[2].competencyId",
    ]);
  });
});
