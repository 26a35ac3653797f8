import { describe, expect, it } from "vitest";
import { buildFramework } from "../framework/framework.fixtures.ts";
import type { CompetencyReadiness } from "../readiness/readiness.ts";
import {
  addMonths,
  diffPlans,
  emptyPlanContent,
  isDueForReview,
  mapBeyondTitles,
  nextReviewAt,
  preparePlanContent,
  suggestSelfAwareness,
  validatePlanContent,
  type CareerPlanContent,
  type CareerPlanInput,
} from "./career-plan.ts";

function buildPlanInput(overrides: Partial<CareerPlanInput> = {}): CareerPlanInput {
  return {
    envision: {
      targetLevelId: "director",
      horizonMonths: 24,
      scopeOfInfluence: "A team of PMs",
      preferredIndustries: ["Fintech"],
      impact: "Products people trust",
    },
    selfAwareness: { strengths: ["Writing"], weaknesses: [], interests: [], values: ["Candour"], motivations: [] },
    learning: [
      { id: "l1", kind: "mentorship", title: "Monthly sessions", competencyIds: ["leadership"], status: "planned" },
    ],
    steps: [{ id: "s1", text: "Lead the pricing review", due: "2026-06-30", isDone: false }],
    beyondTitles: [{ company: "Acme", title: "Group Product Manager", responsibilities: "Three PMs" }],
    ...overrides,
  };
}

function buildCompetencyReadiness(
  overrides: Partial<CompetencyReadiness> & { competencyId: string },
): CompetencyReadiness {
  const expected = overrides.expected ?? 3;
  const observed = overrides.observed === undefined ? 3 : overrides.observed;
  return {
    expected,
    weight: 1,
    observed,
    groups: { self: null, manager: null, peer: null, upward: null },
    comments: { peer: null, upward: null },
    isCorroborated: false,
    gap: observed === null ? null : expected - observed,
    status: observed === null ? "unknown" : observed >= expected ? "meets" : "below",
    flags: [],
    evidence: [],
    ...overrides,
  };
}

let counter = 0;
const newId = () => `new-${++counter}`;

describe("validatePlanContent", () => {
  it("accepts a plan whose level and competencies are on the ladder", () => {
    expect(validatePlanContent(buildPlanInput(), buildFramework())).toEqual([]);
  });

  it("names the path of an unknown level and of each unknown competency", () => {
    const input = buildPlanInput({
      envision: { ...buildPlanInput().envision, targetLevelId: "astronaut" },
      learning: [
        { kind: "certification", title: "A course", competencyIds: ["leadership", "juggling"], status: "planned" },
      ],
    });
    const details = validatePlanContent(input, buildFramework());
    expect(details.map((d) => d.path)).toEqual(["body.envision.targetLevelId", "body.learning[0].competencyIds[1]"]);
    expect(details[1]?.message).toContain("juggling");
  });

  it("refuses impossible dates and repeated ids", () => {
    const input = buildPlanInput({
      steps: [
        { id: "s1", text: "One", due: "2026-02-30", isDone: false },
        { id: "s1", text: "Two", due: null, isDone: false },
      ],
    });
    expect(validatePlanContent(input, buildFramework()).map((d) => d.path)).toEqual([
      "body.steps[0].due",
      "body.steps[1].id",
    ]);
  });
});

describe("preparePlanContent", () => {
  it("gives new items ids and keeps the ids sent", () => {
    const input = buildPlanInput({ steps: [{ text: "Unnamed step", due: null, isDone: false }] });
    const { content } = preparePlanContent(input, null, { today: "2026-01-01", newId });
    expect(content.learning[0]?.id).toBe("l1");
    expect(content.steps[0]?.id).toMatch(/^new-\d+$/);
  });

  it("warns about a past due date on a new step, and not on an old step that became overdue", () => {
    const previous = preparePlanContent(buildPlanInput(), null, { today: "2026-01-01", newId }).content;
    const input = buildPlanInput({
      steps: [
        { id: "s1", text: "Lead the pricing review", due: "2026-06-30", isDone: false },
        { text: "Read the strategy memo", due: "2026-07-01", isDone: false },
        { text: "Shadow a director", due: "2026-08-01", isDone: false },
      ],
    });
    const { content, warnings } = preparePlanContent(input, previous, { today: "2026-07-15", newId });
    expect(warnings.map((w) => w.path)).toEqual(["body.steps[1].due"]);
    expect(warnings[0]?.message).toContain("2026-07-01");
    expect(content.steps).toHaveLength(3);
  });

  it("warns when an existing step's date is moved into the past", () => {
    const previous = preparePlanContent(buildPlanInput(), null, { today: "2026-01-01", newId }).content;
    const input = buildPlanInput({
      steps: [{ id: "s1", text: "Lead the pricing review", due: "2025-12-01", isDone: false }],
    });
    expect(preparePlanContent(input, previous, { today: "2026-01-01", newId }).warnings).toHaveLength(1);
  });

  it("drops repeated list entries", () => {
    const input = buildPlanInput({
      selfAwareness: { ...buildPlanInput().selfAwareness, strengths: ["Writing", "Writing", "Listening"] },
    });
    expect(preparePlanContent(input, null, { today: "2026-01-01", newId }).content.selfAwareness.strengths).toEqual([
      "Writing",
      "Listening",
    ]);
  });
});

describe("review cadence", () => {
  const created = new Date("2026-01-31T09:00:00Z");

  it("adds calendar months, clamping to the end of a shorter month", () => {
    expect(addMonths(created, 1).toISOString()).toBe("2026-02-28T09:00:00.000Z");
    expect(addMonths(created, 3).toISOString()).toBe("2026-04-30T09:00:00.000Z");
    expect(addMonths(new Date("2026-11-15T00:00:00Z"), 3).toISOString()).toBe("2027-02-15T00:00:00.000Z");
  });

  it("is due one cadence after the last review, or after the plan was written", () => {
    const plan = { cadence: "quarterly" as const, lastReviewedAt: null, createdAt: created };
    expect(nextReviewAt(plan).toISOString()).toBe("2026-04-30T09:00:00.000Z");
    expect(isDueForReview(plan, new Date("2026-04-30T08:59:59Z"))).toBe(false);
    expect(isDueForReview(plan, new Date("2026-04-30T09:00:00Z"))).toBe(true);

    const reviewed = { ...plan, lastReviewedAt: new Date("2026-05-10T00:00:00Z") };
    expect(isDueForReview(reviewed, new Date("2026-06-01T00:00:00Z"))).toBe(false);
    expect(isDueForReview({ ...reviewed, cadence: "monthly" }, new Date("2026-06-11T00:00:00Z"))).toBe(true);
    expect(nextReviewAt({ ...reviewed, cadence: "yearly" }).toISOString()).toBe("2027-05-10T00:00:00.000Z");
  });
});

describe("diffPlans", () => {
  const base = (): CareerPlanContent =>
    preparePlanContent(buildPlanInput(), null, { today: "2026-01-01", newId }).content;

  it("finds no differences between equal versions", () => {
    expect(diffPlans(base(), base())).toEqual([]);
  });

  it("reports changed fields, added and removed entries, and items matched by id", () => {
    const before = base();
    const after = base();
    after.envision.horizonMonths = 18;
    after.selfAwareness.strengths = ["Listening"];
    after.learning[0] = { ...after.learning[0]!, status: "done" };
    after.steps = [];
    after.beyondTitles.push({ company: "Globex", title: "Head of Product", responsibilities: "All of product" });

    expect(diffPlans(before, after)).toEqual([
      { path: "envision.horizonMonths", kind: "changed", before: 24, after: 18 },
      { path: "selfAwareness.strengths", kind: "removed", before: "Writing", after: null },
      { path: "selfAwareness.strengths", kind: "added", before: null, after: "Listening" },
      { path: "learning[l1].status", kind: "changed", before: "planned", after: "done" },
      { path: "steps[s1]", kind: "removed", before: before.steps[0], after: null },
      {
        path: "beyondTitles[Head of Product at Globex]",
        kind: "added",
        before: null,
        after: { company: "Globex", title: "Head of Product", responsibilities: "All of product" },
      },
    ]);
  });

  it("lists everything as added from an empty plan", () => {
    const changes = diffPlans(emptyPlanContent(), base());
    expect(changes.filter((c) => c.kind !== "added" && c.kind !== "changed")).toEqual([]);
    expect(changes.map((c) => c.path)).toContain("learning[l1]");
  });
});

describe("suggestSelfAwareness", () => {
  it("suggests the largest positive margins as strengths and the largest gaps as weaknesses", () => {
    const framework = buildFramework({
      competencies: ["a", "b", "c", "d", "e"].map((id) => ({ id, name: `Comp ${id}`, area: "x", description: "" })),
    });
    const readiness = {
      targetLevelId: "director",
      competencies: [
        buildCompetencyReadiness({ competencyId: "a", expected: 3, observed: 4.5 }),
        buildCompetencyReadiness({ competencyId: "b", expected: 3, observed: 3.5 }),
        buildCompetencyReadiness({ competencyId: "c", expected: 3, observed: 3 }),
        buildCompetencyReadiness({ competencyId: "d", expected: 4, observed: 2 }),
        buildCompetencyReadiness({ competencyId: "e", expected: 4, observed: null }),
      ],
    };
    const suggestions = suggestSelfAwareness(readiness, framework, 1);
    expect(suggestions.strengths).toEqual([
      { competencyId: "a", name: "Comp a", observed: 4.5, expected: 3, margin: 1.5 },
    ]);
    expect(suggestions.weaknesses.map((s) => [s.competencyId, s.margin])).toEqual([["d", -2]]);
    const all = suggestSelfAwareness(readiness, framework);
    expect(all.strengths.map((s) => s.competencyId)).toEqual(["a", "b"]);
    expect(all.weaknesses.map((s) => s.competencyId)).toEqual(["d"]);
  });
});

describe("mapBeyondTitles", () => {
  it("places each title noted elsewhere on the ladder, overrides first", () => {
    const framework = buildFramework();
    const mapped = mapBeyondTitles(
      [
        { company: "Acme", title: "Product Director", responsibilities: "An area" },
        { company: "Globex", title: "Product Owner III", responsibilities: "A backlog" },
        { company: "Initech", title: "Sales Engineer", responsibilities: "Demos" },
      ],
      framework,
      [{ title: "Product Owner III", levelId: "pm" }],
    );
    expect(mapped.map((m) => [m.company, m.resolution.levelId, m.levelName])).toEqual([
      ["Acme", "director", "Director of Product"],
      ["Globex", "pm", "Product Manager"],
      ["Initech", null, null],
    ]);
    expect(mapped[1]?.resolution.confidence).toBe(1);
    expect(mapped[2]?.resolution.reason).toContain("sales");
  });
});
