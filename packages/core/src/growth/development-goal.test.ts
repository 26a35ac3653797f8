import { describe, expect, it } from "vitest";
import { isAppError } from "../errors/app-error.ts";
import { buildFramework } from "../framework/framework.fixtures.ts";
import type { CompetencyReadiness } from "../readiness/readiness.ts";
import {
  assertGoalTransition,
  canTransition,
  dueDateWarnings,
  goalFromGap,
  goalTimeline,
  goalsReachingTarget,
  isAchieved,
  validateGoalFields,
  type DevelopmentGoal,
} from "./development-goal.ts";

function buildGoal(overrides: Partial<DevelopmentGoal> = {}): DevelopmentGoal {
  return {
    id: "g1",
    personId: "p1",
    competencyId: "leadership",
    from: 2,
    target: 3,
    title: "Grow leadership",
    actions: [],
    due: null,
    status: "active",
    isSharedWithManager: true,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    achievedAt: null,
    checkIns: [],
    ...overrides,
  };
}

function gapFor(competencyId: string, expected: number, observed: number | null): CompetencyReadiness {
  return {
    competencyId,
    expected,
    weight: 1,
    observed,
    groups: { self: null, manager: null, peer: null, upward: null },
    comments: { peer: null, upward: null },
    isCorroborated: false,
    gap: observed === null ? null : expected - observed,
    status: observed === null ? "unknown" : "below",
    flags: [],
    evidence: [],
  };
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

const context = { competencyName: "Leadership", levelName: "Director of Product" };

describe("goalFromGap", () => {
  it("starts from the observed value and aims at the expectation", () => {
    expect(goalFromGap(gapFor("leadership", 4, 2.5), context)).toEqual({
      competencyId: "leadership",
      from: 2.5,
      target: 4,
      title: "Grow Leadership to the Director of Product expectation",
    });
  });

  it("accepts a competency nobody has rated yet, from unknown", () => {
    expect(goalFromGap(gapFor("leadership", 4, null), context).from).toBeNull();
  });

  it("refuses a competency with no gap, or one that does not apply at the level", () => {
    const met = thrown(() => goalFromGap(gapFor("leadership", 3, 3.2), context));
    expect(isAppError(met) && met.details?.[0]?.path).toBe("body.competencyId");
    const absent = thrown(() => goalFromGap(undefined, context));
    expect(isAppError(absent) && absent.message).toContain("does not apply at Director of Product");
  });
});

describe("achievement", () => {
  it("is reached when the observed value reaches the target", () => {
    expect(isAchieved({ target: 3 }, 3)).toBe(true);
    expect(isAchieved({ target: 3 }, 2.99)).toBe(false);
    expect(isAchieved({ target: 3 }, null)).toBe(false);
  });

  it("picks only active goals whose competency now reaches its target", () => {
    const goals = [
      buildGoal({ id: "reached" }),
      buildGoal({ id: "short", competencyId: "strategy", target: 4 }),
      buildGoal({ id: "dropped", status: "dropped" }),
      buildGoal({ id: "unrated", competencyId: "communication" }),
    ];
    const reached = goalsReachingTarget(goals, { leadership: 3.4, strategy: 3.9, communication: null });
    expect(reached.map((g) => g.id)).toEqual(["reached"]);
  });
});

describe("status transitions", () => {
  it("lets the owner drop and reopen, and keeps achieved goals closed", () => {
    expect(canTransition("active", "dropped")).toBe(true);
    expect(canTransition("dropped", "active")).toBe(true);
    expect(canTransition("active", "achieved")).toBe(true);
    expect(canTransition("dropped", "achieved")).toBe(false);
    expect(canTransition("achieved", "active")).toBe(false);
    const error = thrown(() => assertGoalTransition("achieved", "dropped"));
    expect(isAppError(error) && error.code).toBe("conflict");
  });
});

describe("validateGoalFields", () => {
  it("names unknown competencies, values off the scale, impossible dates and repeated action ids", () => {
    const details = validateGoalFields(
      {
        competencyId: "juggling",
        from: 0,
        target: 6,
        due: "2026-13-01",
        actions: [
          { id: "a", text: "One", isDone: false },
          { id: "a", text: "Two", isDone: false },
        ],
      },
      buildFramework(),
    );
    expect(details.map((d) => d.path)).toEqual([
      "body.competencyId",
      "body.from",
      "body.target",
      "body.due",
      "body.actions[1].id",
    ]);
    expect(validateGoalFields({ competencyId: "leadership", target: 4, due: "2026-12-31" }, buildFramework())).toEqual(
      [],
    );
  });
});

describe("dueDateWarnings", () => {
  it("warns only about a due date newly set in the past", () => {
    expect(dueDateWarnings("2026-01-01", null, "2026-02-01")).toHaveLength(1);
    expect(dueDateWarnings("2026-01-01", "2026-01-01", "2026-02-01")).toEqual([]);
    expect(dueDateWarnings("2026-03-01", null, "2026-02-01")).toEqual([]);
    expect(dueDateWarnings(null, "2026-01-01", "2026-02-01")).toEqual([]);
  });
});

describe("goalTimeline", () => {
  it("puts creation, check-ins and achievement of every goal in date order", () => {
    const goals = [
      buildGoal({
        id: "g1",
        createdAt: new Date("2026-01-01T00:00:00Z"),
        achievedAt: new Date("2026-04-01T00:00:00Z"),
        status: "achieved",
        checkIns: [{ id: "c1", goalId: "g1", at: new Date("2026-02-01T00:00:00Z"), progress: 50, note: "Halfway" }],
      }),
      buildGoal({ id: "g2", createdAt: new Date("2026-03-01T00:00:00Z"), title: "Second" }),
    ];
    expect(goalTimeline(goals).map((e) => [e.at.toISOString().slice(0, 10), e.kind, e.goalId, e.progress])).toEqual([
      ["2026-01-01", "goal-created", "g1", null],
      ["2026-02-01", "check-in", "g1", 50],
      ["2026-03-01", "goal-created", "g2", null],
      ["2026-04-01", "goal-achieved", "g1", null],
    ]);
  });
});
