import { describe, expect, it } from "vitest";
import type { Verdict } from "../readiness/readiness.ts";
import { buildAdvisorFramework } from "./advisor.fixtures.ts";
import { computeOrgInsights, type InsightPerson } from "./insights.ts";

const framework = buildAdvisorFramework();

const person = (id: string, levelId: string | null, managerId: string | null, status = "active" as const) =>
  ({ id, levelId, managerId, status }) satisfies InsightPerson;

/**
 *     V (vp) ─┬─ SD (senior director) ─┬─ D1 (director) ── S1 S2 S3 (senior PMs), P1 P2 (PMs)
 *             │                        └─ D2 (director) ── S4 (senior PM), P3 (PM), X (inactive PM)
 *             ├─ D3 (director) ── S5 S6 S7 S8 (senior PMs)
 *             └─ U (title not placed on the ladder)
 */
const ORG: InsightPerson[] = [
  person("V", "vp", null),
  person("SD", "senior-director", "V"),
  person("D1", "director", "SD"),
  ...["S1", "S2", "S3"].map((id) => person(id, "senior-pm", "D1")),
  ...["P1", "P2"].map((id) => person(id, "pm", "D1")),
  person("D2", "director", "SD"),
  person("S4", "senior-pm", "D2"),
  person("P3", "pm", "D2"),
  { ...person("X", "pm", "D2"), status: "inactive" },
  person("D3", "director", "V"),
  ...["S5", "S6", "S7", "S8"].map((id) => person(id, "senior-pm", "D3")),
  person("U", null, "V"),
];

const snapshot = (personId: string, verdict: Verdict, targetLevelId = "director") => ({
  personId,
  targetLevelId,
  verdict,
});

const SNAPSHOTS = [
  snapshot("S1", "ready"),
  snapshot("S2", "almost"),
  snapshot("S3", "not-yet"),
  snapshot("S5", "almost"),
  snapshot("S6", "almost"),
  // Made for another level (S7 has moved since): says nothing about readiness for Director.
  snapshot("S7", "ready", "senior-pm"),
  snapshot("X", "ready"),
];

describe("computeOrgInsights on a hand-built organisation", () => {
  const insights = computeOrgInsights({ framework, people: ORG, snapshots: SNAPSHOTS, k: 3 });

  it("counts active people per level, in ladder order, and the unplaced apart", () => {
    expect(insights.headcount).toEqual({
      total: 17,
      byLevel: [
        { levelId: "pm", count: 3 },
        { levelId: "senior-pm", count: 8 },
        { levelId: "director", count: 3 },
        { levelId: "senior-director", count: 1 },
        { levelId: "vp", count: 1 },
      ],
      unplaced: 1,
    });
  });

  it("gives each manager's span and the min, median and max", () => {
    const spans = Object.fromEntries(insights.spans.managers.map((m) => [m.managerId, m.directReports]));
    expect(spans).toEqual({ V: 3, SD: 2, D1: 5, D2: 2, D3: 4 });
    expect(insights.spans.summary).toEqual({ managers: 5, min: 2, median: 3, max: 5, mean: 3.2 });
  });

  it("counts the layers of the reporting tree", () => {
    expect(insights.layers).toBe(4);
  });

  it("counts the PMs below each director and the ratio", () => {
    const counts = Object.fromEntries(insights.pmsPerDirector.directors.map((d) => [d.directorId, d.pmCount]));
    expect(counts).toEqual({ SD: 7, D1: 5, D2: 2, D3: 4 });
    expect(insights.pmsPerDirector.pmTotal).toBe(11);
    expect(insights.pmsPerDirector.ratio).toBe(11 / 4);
  });

  it("shows the bench of each leadership role by counts only, hiding those under k candidates", () => {
    const byHolder = Object.fromEntries(insights.bench.roles.map((r) => [r.holderId, r]));
    expect(byHolder.D1).toEqual({
      holderId: "D1",
      levelId: "director",
      status: "ready",
      candidates: 3,
      ready: 1,
      almost: 1,
    });
    expect(byHolder.D3).toEqual({
      holderId: "D3",
      levelId: "director",
      status: "almost",
      candidates: 4,
      ready: 0,
      almost: 2,
    });
    for (const holder of ["V", "SD", "D2"]) {
      expect(byHolder[holder]).toMatchObject({ status: "too-small", candidates: null, ready: null, almost: null });
    }
    expect(insights.bench.summary).toEqual({
      roles: 5,
      withReadySuccessor: 1,
      withAlmostSuccessor: 1,
      withoutSuccessor: 0,
      tooSmall: 3,
    });
    for (const role of insights.bench.roles) {
      expect(Object.keys(role).sort()).toEqual(["almost", "candidates", "holderId", "levelId", "ready", "status"]);
    }
  });

  it("shows smaller benches when k is lower", () => {
    const lowK = computeOrgInsights({ framework, people: ORG, snapshots: SNAPSHOTS, k: 2 });
    const sd = lowK.bench.roles.find((r) => r.holderId === "SD");
    expect(sd).toMatchObject({ status: "not-yet", candidates: 2, ready: 0, almost: 0 });
    expect(lowK.k).toBe(2);
  });

  it("reports a role with nobody on the level below as without candidates", () => {
    const org = [person("D", "director", null), person("P", "pm", "D")];
    const [role] = computeOrgInsights({ framework, people: org, snapshots: [], k: 3 }).bench.roles;
    expect(role).toEqual({
      holderId: "D",
      levelId: "director",
      status: "no-candidates",
      candidates: 0,
      ready: 0,
      almost: 0,
    });
  });

  it("works over one manager's subtree (the team view)", () => {
    const below = new Set(["SD", "D1", "D2", "S1", "S2", "S3", "P1", "P2", "S4", "P3", "X"]);
    const team = computeOrgInsights({
      framework,
      people: ORG.filter((p) => below.has(p.id)),
      snapshots: SNAPSHOTS,
      k: 3,
    });
    expect(team.headcount.total).toBe(10);
    expect(team.layers).toBe(3);
    expect(team.bench.roles.map((r) => r.holderId).sort()).toEqual(["D1", "D2", "SD"]);
    expect(team.spans.summary).toMatchObject({ managers: 3, min: 2, median: 2, max: 5 });
  });

  it("gives empty figures for nobody", () => {
    const empty = computeOrgInsights({ framework, people: [], snapshots: [], k: 3 });
    expect(empty).toMatchObject({ layers: 0, headcount: { total: 0, unplaced: 0 }, spans: { summary: null } });
    expect(empty.pmsPerDirector.ratio).toBeNull();
  });
});

describe("bench strength never singles out fewer than k people by difference", () => {
  /** Director A manages Director B: both benches count senior PMs, B's inside A's. */
  const nested = (directUnderA: number, underB: number) => [
    person("A", "director", null),
    person("B", "director", "A"),
    ...Array.from({ length: directUnderA }, (_, i) => person(`a${i}`, "senior-pm", "A")),
    ...Array.from({ length: underB }, (_, i) => person(`b${i}`, "senior-pm", "B")),
  ];
  const statusOf = (org: InsightPerson[], holder: string) =>
    computeOrgInsights({ framework, people: org, snapshots: [snapshot("a0", "ready")], k: 3 }).bench.roles.find(
      (r) => r.holderId === holder,
    )?.status;

  it("hides the outer role when it differs from a shown inner one by fewer than k", () => {
    expect(statusOf(nested(1, 3), "B")).toBe("not-yet");
    expect(statusOf(nested(1, 3), "A")).toBe("too-small");
  });

  it("shows both when the difference is at least k", () => {
    expect(statusOf(nested(3, 3), "A")).toBe("ready");
    expect(statusOf(nested(3, 3), "B")).toBe("not-yet");
  });

  it("shows the outer role when the inner one is hidden anyway", () => {
    expect(statusOf(nested(2, 2), "B")).toBe("too-small");
    expect(statusOf(nested(2, 2), "A")).toBe("ready");
  });
});
