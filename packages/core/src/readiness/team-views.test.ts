import { describe, expect, it } from "vitest";
import { buildFramework } from "../framework/framework.fixtures.ts";
import type { Framework } from "../framework/framework.ts";
import type { ReadinessSnapshot } from "./ports.ts";
import type { CompetencyReadiness, Verdict } from "./readiness.ts";
import {
  buildOrgHeatmap,
  buildOrgReadiness,
  buildReadinessList,
  buildSideBySide,
  buildTeamHeatmap,
  heatmapCells,
  isSnapshotStale,
  statusForGap,
  suppressSmallGroups,
  type AggregateHeatmapCell,
  type OrgHeatmapCell,
  type OrgReadinessMember,
  type ReadinessSummary,
} from "./team-views.ts";

/** pm expects 2, director 3, vp 4 on strategy, leadership and communication, all weight 1. */
const ladder = (): Framework => {
  const framework = buildFramework();
  // Leadership does not apply at pm in this ladder.
  framework.expectations.pm!.leadership!.weight = 0;
  return framework;
};

const NOW = new Date("2026-06-01T00:00:00Z");

function buildSnapshot(overrides: Partial<ReadinessSnapshot> = {}): ReadinessSnapshot {
  return {
    personId: "p1",
    targetLevelId: "director",
    score: 0.5,
    verdict: "not-yet",
    observed: {},
    computedAt: new Date("2026-05-01T00:00:00Z"),
    validUntil: null,
    ...overrides,
  };
}

let memberSequence = 0;
function member(
  levelId: string,
  team: string,
  observed: Record<string, number | null>,
  score = 0.5,
): OrgReadinessMember {
  memberSequence += 1;
  const verdict: Verdict = score >= 0.95 ? "ready" : score >= 0.85 ? "almost" : "not-yet";
  const personId = `m${memberSequence}`;
  return { personId, levelId, team, snapshot: buildSnapshot({ personId, observed, score, verdict }) };
}

const isShown = (cell: OrgHeatmapCell | undefined): cell is AggregateHeatmapCell =>
  cell !== undefined && !("hidden" in cell);
const isShownSummary = (summary: ReadinessSummary | { hidden: true }): summary is ReadinessSummary =>
  !("hidden" in summary);

describe("statusForGap", () => {
  it("uses the thresholds of DESIGN.md §4: meets ≤ 0 < near ≤ 0.5 < below", () => {
    expect([null, -1, 0, 0.25, 0.5, 0.51, 2].map(statusForGap)).toEqual([
      "unknown",
      "meets",
      "meets",
      "near",
      "near",
      "below",
      "below",
    ]);
  });
});

describe("the team heatmap", () => {
  it("compares each person with their OWN level, not the next one", () => {
    const framework = ladder();
    const rows = buildTeamHeatmap(
      framework,
      [
        { id: "pam", levelId: "pm" },
        { id: "dan", levelId: "director" },
        { id: "new", levelId: "pm" },
      ],
      [
        buildSnapshot({ personId: "pam", observed: { strategy: 2.5, leadership: 1, communication: 1.75 } }),
        buildSnapshot({ personId: "dan", observed: { strategy: 2.5, leadership: null, communication: 3 } }),
      ],
    );
    expect(rows.map((r) => r.personId)).toEqual(["pam", "dan", "new"]);
    // pm expects 2: 2.5 meets (+0.5); 1.75 is near (−0.25); leadership does not apply at pm.
    expect(rows[0]?.cells).toEqual([
      { competencyId: "strategy", observed: 2.5, expected: 2, delta: 0.5, status: "meets" },
      { competencyId: "leadership", observed: 1, expected: null, delta: null, status: "not-applicable" },
      { competencyId: "communication", observed: 1.75, expected: 2, delta: -0.25, status: "near" },
    ]);
    // director expects 3: the same 2.5 is near; an unknown observed is unknown.
    expect(rows[1]?.cells.map((c) => [c.delta, c.status])).toEqual([
      [-0.5, "near"],
      [null, "unknown"],
      [0, "meets"],
    ]);
    // Nobody rated yet: every applicable cell unknown.
    expect(rows[2]?.cells.map((c) => c.status)).toEqual(["unknown", "not-applicable", "unknown"]);
  });

  it("leaves a person without a level with no expectations", () => {
    expect(heatmapCells(ladder(), null, { strategy: 3 }).map((c) => c.status)).toEqual([
      "not-applicable",
      "not-applicable",
      "not-applicable",
    ]);
  });
});

describe("the readiness list", () => {
  const people = [
    { id: "a", name: "Ann", levelId: "pm" },
    { id: "b", name: "Bob", levelId: "pm" },
    { id: "c", name: "Cid", levelId: "pm" },
    { id: "d", name: "Dee", levelId: "pm" },
  ];
  const snapshots = [
    buildSnapshot({ personId: "a", score: 0.6, verdict: "not-yet" }),
    buildSnapshot({ personId: "b", score: 0.97, verdict: "ready" }),
    buildSnapshot({ personId: "c", score: 0.9, verdict: "almost" }),
    buildSnapshot({ personId: "d", score: 0.96, verdict: "almost" }),
  ];
  const order = (...args: Parameters<typeof buildReadinessList> extends [unknown, unknown, ...infer R] ? R : never) =>
    buildReadinessList(people, snapshots, ...args).map((e) => e.name);

  it("sorts by score, name or verdict, either way", () => {
    expect(order("score", "desc")).toEqual(["Bob", "Dee", "Cid", "Ann"]);
    expect(order("score", "asc")).toEqual(["Ann", "Cid", "Dee", "Bob"]);
    expect(order("name", "asc")).toEqual(["Ann", "Bob", "Cid", "Dee"]);
    expect(order("name", "desc")).toEqual(["Dee", "Cid", "Bob", "Ann"]);
    // ready > almost > not-yet; within almost, the higher score first.
    expect(order("verdict", "desc")).toEqual(["Bob", "Dee", "Cid", "Ann"]);
    expect(order("verdict", "asc")).toEqual(["Ann", "Cid", "Dee", "Bob"]);
  });

  it("leaves out people without a snapshot and carries the snapshot's numbers", () => {
    const list = buildReadinessList(people, snapshots.slice(0, 1));
    expect(list).toEqual([
      {
        personId: "a",
        name: "Ann",
        levelId: "pm",
        targetLevelId: "director",
        score: 0.6,
        verdict: "not-yet",
        computedAt: snapshots[0]?.computedAt,
      },
    ]);
  });
});

describe("isSnapshotStale", () => {
  const framework = ladder();
  const context = { framework, frameworkPublishedAt: new Date("2026-04-01T00:00:00Z"), now: NOW };
  const pm = { levelId: "pm" };

  it("keeps a snapshot for the right target, within its validity, newer than the framework", () => {
    expect(isSnapshotStale(buildSnapshot(), pm, context)).toBe(false);
  });

  it("is stale when missing, for another target, expired, older than the framework or than a release", () => {
    expect(isSnapshotStale(undefined, pm, context)).toBe(true);
    expect(isSnapshotStale(buildSnapshot(), { levelId: "director" }, context)).toBe(true);
    expect(isSnapshotStale(buildSnapshot({ validUntil: NOW }), pm, context)).toBe(true);
    expect(
      isSnapshotStale(buildSnapshot(), pm, { ...context, frameworkPublishedAt: new Date("2026-05-02T00:00:00Z") }),
    ).toBe(true);
    expect(isSnapshotStale(buildSnapshot(), pm, { ...context, lastReleaseAt: new Date("2026-05-20T00:00:00Z") })).toBe(
      true,
    );
    expect(isSnapshotStale(buildSnapshot(), pm, { ...context, lastReleaseAt: new Date("2026-04-20T00:00:00Z") })).toBe(
      false,
    );
  });
});

describe("side by side", () => {
  it("sets self against the mean of the visible other groups", () => {
    const competency: CompetencyReadiness = {
      competencyId: "strategy",
      expected: 3,
      weight: 1,
      observed: 3,
      groups: {
        self: { mean: 4.5, count: 1 },
        manager: { mean: 3, count: 1 },
        peer: { hidden: true, reason: "fewer than 3 peer raters" },
        upward: { mean: 2, count: 3 },
      },
      comments: { peer: { hidden: true, reason: "fewer than 3 peer raters" }, upward: { texts: [] } },
      isCorroborated: true,
      gap: 0,
      status: "meets",
      flags: ["self-perception-gap"],
      evidence: [],
    };
    const unrated: CompetencyReadiness = {
      ...competency,
      competencyId: "leadership",
      groups: { self: { mean: 2, count: 1 }, manager: null, peer: null, upward: null },
      flags: [],
    };
    const [rated, alone] = buildSideBySide({ competencies: [competency, unrated] });
    // Others: (3 + 2) / 2 = 2.5; the hidden peer group counts for nothing. 4.5 − 2.5 = 2.
    expect(rated).toMatchObject({ othersMean: 2.5, selfPerceptionGap: 2, flags: ["self-perception-gap"] });
    expect(rated?.groups.peer).toEqual({ hidden: true, reason: "fewer than 3 peer raters" });
    expect(alone).toMatchObject({ othersMean: null, selfPerceptionGap: null });
  });
});

describe("suppressSmallGroups", () => {
  const key = (levelId: string | null, team: string | null) => JSON.stringify([levelId, team]);
  const cube = (cells: [string, string, number][]) => {
    const counts = new Map<string, number>();
    const add = (k: string, n: number) => counts.set(k, (counts.get(k) ?? 0) + n);
    for (const [levelId, team, n] of cells) {
      add(key(levelId, team), n);
      add(key(levelId, null), n);
      add(key(null, team), n);
      add(key(null, null), n);
    }
    return counts;
  };

  it("hides groups of 1 to k − 1 people, but not empty ones", () => {
    const hidden = suppressSmallGroups(
      cube([
        ["pm", "red", 3],
        ["pm", "blue", 3],
        ["vp", "red", 0],
      ]),
      ["pm", "vp"],
      ["red", "blue"],
      3,
    );
    expect([...hidden]).toEqual([]);
  });

  it("hides a second part where a shown total would give a small hidden part away", () => {
    // pm: red 5 + blue 2 = 7. Hiding blue alone lets 7 − 5 reveal it, so red goes too.
    const hidden = suppressSmallGroups(
      cube([
        ["pm", "red", 5],
        ["pm", "blue", 2],
        ["vp", "red", 4],
        ["vp", "blue", 4],
      ]),
      ["pm", "vp"],
      ["red", "blue"],
      3,
    );
    expect(hidden.has(key("pm", "blue"))).toBe(true);
    expect(hidden.has(key("pm", "red"))).toBe(true);
    // Then blue's total (6) minus vp-blue (4) would reveal pm-blue (2): vp-blue goes too, and so on
    // until every total's hidden parts add up to ≥ k.
    expect(hidden.has(key("vp", "blue"))).toBe(true);
    expect(hidden.has(key(null, "blue"))).toBe(false);
    for (const [parent, parts] of [
      [key("pm", null), [key("pm", "red"), key("pm", "blue")]],
      [key("vp", null), [key("vp", "red"), key("vp", "blue")]],
      [key(null, "red"), [key("pm", "red"), key("vp", "red")]],
      [key(null, "blue"), [key("pm", "blue"), key("vp", "blue")]],
    ] as const) {
      if (hidden.has(parent)) continue;
      const counts = cube([
        ["pm", "red", 5],
        ["pm", "blue", 2],
        ["vp", "red", 4],
        ["vp", "blue", 4],
      ]);
      const hiddenPeople = parts.filter((p) => hidden.has(p)).reduce((sum, p) => sum + (counts.get(p) ?? 0), 0);
      expect(hiddenPeople === 0 || hiddenPeople >= 3, `${parent}: ${hiddenPeople} hidden`).toBe(true);
    }
  });

  it("does not let a hidden total be worked out through a part that equals it", () => {
    // senior-pm people are all in growth, so senior-pm's total equals the growth/senior-pm cell; with
    // the org total and pm's total shown, the lone director would be total − pm − growth/senior-pm.
    const counts = cube([
      ["pm", "product", 5],
      ["senior-pm", "growth", 4],
      ["director", "product", 1],
    ]);
    const hidden = suppressSmallGroups(counts, ["pm", "senior-pm", "director"], ["growth", "product"], 3);
    expect(hidden.has(key("director", null))).toBe(true);
    const shown = (k: string) => !hidden.has(k);
    const seniorKnown = shown(key("senior-pm", null)) || shown(key("senior-pm", "growth"));
    expect(shown(key(null, null)) && shown(key("pm", null)) && seniorKnown).toBe(false);
  });

  it("hides a total that differs from another by one small group", () => {
    // Every pm is in product, and so is the lone director: product's total − pm's total = the director.
    const counts = cube([
      ["pm", "product", 5],
      ["senior-pm", "growth", 4],
      ["director", "product", 1],
    ]);
    const hidden = suppressSmallGroups(counts, ["pm", "senior-pm", "director"], ["growth", "product"], 3);
    expect(hidden.has(key("pm", null)) || hidden.has(key(null, "product"))).toBe(true);
    expect(hidden.has(key(null, null))).toBe(false);
  });

  it("leaves no small group to simple subtraction, on many random tables", () => {
    // An independent check: repeatedly solve any total = sum of parts with one unknown left.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const levels = ["a", "b", "c", "d"].slice(0, 2 + random(3));
      const teams = ["x", "y", "z"].slice(0, 1 + random(3));
      const k = 2 + random(3);
      const counts = cube(levels.flatMap((l) => teams.map((t): [string, string, number] => [l, t, random(6)])));
      const hidden = suppressSmallGroups(counts, levels, teams, k);
      const known = new Set([...counts.keys()].filter((c) => !hidden.has(c) || (counts.get(c) ?? 0) === 0));
      const relations = [
        { parent: key(null, null), parts: levels.map((l) => key(l, null)) },
        { parent: key(null, null), parts: teams.map((t) => key(null, t)) },
        ...levels.map((l) => ({ parent: key(l, null), parts: teams.map((t) => key(l, t)) })),
        ...teams.map((t) => ({ parent: key(null, t), parts: levels.map((l) => key(l, t)) })),
      ];
      for (let isChanged = true; isChanged;) {
        isChanged = false;
        for (const { parent, parts } of relations) {
          const open = [parent, ...parts].filter((c) => !known.has(c));
          if (open.length === 1 && open[0]) {
            known.add(open[0]);
            isChanged = true;
          }
        }
      }
      const exposed = [...known].filter((c) => (counts.get(c) ?? 0) > 0 && (counts.get(c) ?? 0) < k);
      expect(exposed, JSON.stringify({ levels, teams, k, counts: [...counts], hidden: [...hidden] })).toEqual([]);
    }
  });

  it("hides the whole table when the organisation is smaller than k", () => {
    const hidden = suppressSmallGroups(cube([["pm", "red", 2]]), ["pm"], ["red"], 3);
    expect(hidden).toEqual(new Set([key(null, null), key("pm", null), key(null, "red"), key("pm", "red")]));
  });
});

describe("the org views respect k", () => {
  const framework = ladder();
  // director/red: 3 people; director/blue: 1 person; pm/red: 3 people.
  const members = [
    member("director", "red", { strategy: 3, communication: 2 }, 0.9),
    member("director", "red", { strategy: 4, communication: 4 }, 0.97),
    member("director", "red", { strategy: 2, communication: 3 }, 0.5),
    member("director", "blue", { strategy: 5, communication: 5 }, 0.99),
    member("pm", "red", { strategy: 2, communication: 1 }, 0.5),
    member("pm", "red", { strategy: 1, communication: null }, 0.4),
    member("pm", "red", { strategy: 3, communication: 2 }, 0.6),
  ];

  it("gives means per level and per team over at least k people, hiding the lone director", () => {
    const heatmap = buildOrgHeatmap(framework, members, 3);
    const [pm, director, vp] = heatmap.byLevel;
    expect([pm?.levelId, director?.levelId, vp?.levelId]).toEqual(["pm", "director", "vp"]);
    // pm strategy: (2 + 1 + 3) / 3 = 2 against 2 expected.
    expect(pm?.cells[0]).toEqual({
      competencyId: "strategy",
      people: 3,
      observed: 2,
      expected: 2,
      delta: 0,
      status: "meets",
    });
    // pm communication: only 2 people have a value: hidden.
    expect(pm?.cells[2]).toMatchObject({ competencyId: "communication", hidden: true });
    // pm leadership does not apply.
    expect(pm?.cells[1]).toMatchObject({ people: 0, status: "not-applicable" });
    // director strategy: 4 people, (3 + 4 + 2 + 5) / 4 = 3.5.
    expect(director?.cells[0]).toMatchObject({ people: 4, observed: 3.5, expected: 3, delta: 0.5 });
    expect(vp?.cells[0]).toMatchObject({ people: 0, observed: null, status: "unknown" });

    const blue = heatmap.byTeam.find((row) => row.team === "blue");
    const red = heatmap.byTeam.find((row) => row.team === "red");
    // The lone blue director: hidden wherever they have a value; leadership has nobody's data.
    expect(blue?.cells.map((cell) => ("hidden" in cell ? "hidden" : cell.people))).toEqual(["hidden", 0, "hidden"]);
    // Red (6) is hidden too: the org-wide total (7) minus red would be the blue director.
    expect(red?.cells[0]).toMatchObject({ hidden: true });
    // Org-wide: 7 people, (15 + 5) / 7.
    expect(heatmap.overall[0]).toMatchObject({ people: 7 });
    const overall = heatmap.overall[0];
    expect(isShown(overall) && overall.observed).toBeCloseTo(20 / 7, 10);
  });

  it("mixes levels in a team's mean, each person against their own level", () => {
    const red = members.filter((m) => m.team === "red");
    const heatmap = buildOrgHeatmap(framework, red, 3);
    // Strategy: observed (3 + 4 + 2 + 2 + 1 + 3) / 6 = 2.5; expected (3·3 + 2·3) / 6 = 2.5.
    expect(heatmap.byTeam[0]?.cells[0]).toEqual({
      competencyId: "strategy",
      people: 6,
      observed: 2.5,
      expected: 2.5,
      delta: 0,
      status: "meets",
    });
    // Communication: 5 values; deltas (2−3 + 4−3 + 3−3 + 1−2 + 2−2) / 5 = −0.2, near.
    expect(heatmap.byTeam[0]?.cells[2]).toMatchObject({ people: 5, status: "near" });
    const communication = heatmap.byTeam[0]?.cells[2];
    expect(isShown(communication) && communication.delta).toBeCloseTo(-0.2, 10);
  });

  it("never lets a filtered view single out the lone director", () => {
    const directorOnly = buildOrgHeatmap(framework, members, 3, { levelId: "director" });
    const cellsOf = (team: string) => directorOnly.byTeam.find((row) => row.team === team)?.cells ?? [];
    // director/blue is 1 person; director/red (3) would give them away as 4 − 3: both hidden.
    expect(cellsOf("blue")[0]).toMatchObject({ hidden: true });
    expect(cellsOf("red")[0]).toMatchObject({ hidden: true });
    expect(directorOnly.overall[0]).toMatchObject({ people: 4 });
    const both = buildOrgHeatmap(framework, members, 3, { levelId: "director", team: "blue" });
    expect(both.overall[0]).toMatchObject({ hidden: true });
    expect(both.byLevel).toHaveLength(1);
    expect(both.byTeam).toHaveLength(1);
    // The same cell, whatever the filter: no pair of requests tells more than one.
    const unfiltered = buildOrgHeatmap(framework, members, 3);
    const redTeam = unfiltered.byTeam.find((row) => row.team === "red")?.cells[0];
    const redTeamFiltered = buildOrgHeatmap(framework, members, 3, { team: "red" }).overall[0];
    expect(redTeamFiltered).toEqual(redTeam);
  });

  it("summarises readiness per group, with the same rule", () => {
    const readiness = buildOrgReadiness(framework, members, 3);
    const pm = readiness.byLevel.find((row) => row.levelId === "pm")?.summary;
    expect(pm).toEqual({ people: 3, meanScore: 0.5, verdicts: { ready: 0, almost: 0, "not-yet": 3 } });
    const director = readiness.byLevel.find((row) => row.levelId === "director")?.summary;
    expect(director && isShownSummary(director) && director.verdicts).toEqual({ ready: 2, almost: 1, "not-yet": 1 });
    expect(readiness.byTeam.find((row) => row.team === "blue")?.summary).toMatchObject({ hidden: true });
    expect(readiness.overall).toMatchObject({ people: 7 });
    const lowered = buildOrgReadiness(framework, members, 2);
    // With k = 2 the lone blue director is still hidden; so are the 3 red directors, whose total
    // subtracted from all 4 directors would give the blue one away. The 3 red PMs stay shown.
    expect(lowered.byTeam.find((row) => row.team === "blue")?.summary).toMatchObject({ hidden: true });
    expect(buildOrgReadiness(framework, members, 2, { levelId: "director", team: "red" }).overall).toMatchObject({
      hidden: true,
    });
    expect(buildOrgReadiness(framework, members, 2, { levelId: "pm", team: "red" }).overall).toMatchObject({
      people: 3,
    });
  });

  it("leaves out people at a level the framework no longer has", () => {
    const stray = member("old-level", "red", { strategy: 5 }, 1);
    const readiness = buildOrgReadiness(framework, [...members, stray], 3);
    expect(readiness.overall).toMatchObject({ people: 7 });
  });
});
