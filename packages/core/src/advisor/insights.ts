import type { Framework, Level } from "../framework/framework.ts";
import { movesFrom } from "../framework/tracks.ts";
import { buildOrgTree, type OrgNode } from "../people/org-chart.ts";
import type { PersonStatus } from "../people/person.ts";
import type { ReadinessSnapshot } from "../readiness/ports.ts";
import { directorLevel } from "./advancement-paths.ts";

/** What the insights need to know about a person. */
export interface InsightPerson {
  id: string;
  levelId: string | null;
  managerId: string | null;
  status: PersonStatus;
}

export interface LevelHeadcount {
  levelId: string;
  count: number;
}

export interface ManagerSpan {
  managerId: string;
  levelId: string | null;
  directReports: number;
}

export interface SpanSummary {
  managers: number;
  min: number;
  median: number;
  max: number;
  mean: number;
}

export interface DirectorPms {
  directorId: string;
  levelId: string;
  /** People on the individual-contributor track anywhere below the director. */
  pmCount: number;
}

/**
 * How ready the bench behind one leadership role is:
 * - ready / almost: at least one candidate's readiness for the role's level says so (ready wins);
 * - not-yet: candidates exist, none ready or almost;
 * - no-candidates: nobody below sits on the level just under the role's;
 * - too-small: fewer than k candidates (or shown counts would single out fewer than k), not shown.
 */
export type BenchStatus = "ready" | "almost" | "not-yet" | "no-candidates" | "too-small";

export interface BenchRole {
  holderId: string;
  levelId: string;
  status: BenchStatus;
  /** The counts are null when the role is too small to show. */
  candidates: number | null;
  ready: number | null;
  almost: number | null;
}

export interface BenchSummary {
  roles: number;
  withReadySuccessor: number;
  /** An "almost" successor and no ready one. */
  withAlmostSuccessor: number;
  /** Candidates, none ready or almost, or no candidates at all. */
  withoutSuccessor: number;
  tooSmall: number;
}

export interface OrgInsights {
  k: number;
  headcount: { total: number; byLevel: LevelHeadcount[]; unplaced: number };
  spans: { managers: ManagerSpan[]; summary: SpanSummary | null };
  /** Depth of the reporting tree: 1 for people with no manager among them, and so on down. */
  layers: number;
  pmsPerDirector: { directors: DirectorPms[]; pmTotal: number; ratio: number | null };
  bench: { roles: BenchRole[]; summary: BenchSummary };
}

export interface OrgInsightsInput {
  framework: Framework;
  /** Everyone in scope; inactive people are left out. */
  people: readonly InsightPerson[];
  /** Stored next-level readiness snapshots; only verdicts are read, never scores. */
  snapshots: readonly Pick<ReadinessSnapshot, "personId" | "targetLevelId" | "verdict">[];
  /** The anonymity threshold. */
  k: number;
}

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

function summarizeSpans(spans: ManagerSpan[]): SpanSummary | null {
  if (spans.length === 0) return null;
  const counts = spans.map((s) => s.directReports).sort((a, b) => a - b);
  return {
    managers: counts.length,
    min: counts[0] ?? 0,
    median: median(counts),
    max: counts[counts.length - 1] ?? 0,
    mean: counts.reduce((sum, n) => sum + n, 0) / counts.length,
  };
}

interface Placed {
  person: InsightPerson;
  depth: number;
  /** Everyone below, not the person themself. */
  below: InsightPerson[];
  directReports: number;
}

function walk(roots: OrgNode<InsightPerson>[]): Placed[] {
  const placed: Placed[] = [];
  const visit = (node: OrgNode<InsightPerson>, depth: number): InsightPerson[] => {
    const entry: Placed = { person: node.member, depth, below: [], directReports: node.reports.length };
    placed.push(entry);
    for (const report of node.reports) entry.below.push(report.member, ...visit(report, depth + 1));
    return entry.below;
  };
  for (const root of roots) visit(root, 1);
  return placed;
}

/**
 * Which leadership roles may show their bench. Candidates of roles at one level are nested or
 * disjoint (they are subtrees), so every count a role shows can be set against the counts of the
 * same-level roles shown inside it. A role is shown only when it has at least k candidates and what
 * is left after taking away the shown roles inside it is nobody or at least k people; otherwise the
 * difference would speak for fewer than k. Smaller roles are decided first, so the inner ones are
 * known when an outer one is checked.
 */
function showableRoles(
  roles: { holderId: string; levelId: string; candidates: Set<string> }[],
  k: number,
): Set<string> {
  const shown = new Set<string>();
  const ordered = [...roles].sort((a, b) => a.candidates.size - b.candidates.size);
  for (const role of ordered) {
    if (role.candidates.size < k) continue;
    const covered = new Set<string>();
    for (const inner of ordered) {
      if (inner === role || !shown.has(inner.holderId) || inner.levelId !== role.levelId) continue;
      if ([...inner.candidates].every((id) => role.candidates.has(id)))
        for (const id of inner.candidates) covered.add(id);
    }
    const rest = role.candidates.size - covered.size;
    if (rest === 0 || rest >= k) shown.add(role.holderId);
  }
  return shown;
}

/**
 * Org insights over a set of people (the organisation, or one manager's subtree): headcount per
 * level, spans of control, layers, PMs per director and bench strength. Pure.
 *
 * "Directors" are the people on the ladder's manager track; "PMs" those on the individual-contributor
 * track. Leadership roles are everyone off the individual-contributor track at Director level or above;
 * their candidates are the people below them on a level that leads to theirs (the level just under it on
 * one ladder; with tracks, each level with a move to it: Senior PM for Director). Bench strength reports only counts and role holders, never anyone's score.
 */
export function computeOrgInsights(input: OrgInsightsInput): OrgInsights {
  const { framework, k } = input;
  const active = input.people.filter((p) => p.status === "active");
  const levels = [...framework.levels].sort((a, b) => a.rank - b.rank);
  const levelById = new Map(levels.map((l) => [l.id, l]));
  const levelOf = (person: InsightPerson): Level | undefined =>
    person.levelId === null ? undefined : levelById.get(person.levelId);

  const byLevel = levels.map((level) => ({
    levelId: level.id,
    count: active.filter((p) => p.levelId === level.id).length,
  }));
  const placed = walk(buildOrgTree(active));

  const managers = placed
    .filter((p) => p.directReports > 0)
    .map((p) => ({ managerId: p.person.id, levelId: p.person.levelId, directReports: p.directReports }));

  const isPm = (person: InsightPerson) => levelOf(person)?.track === "ic";
  const directors = placed
    .filter((p) => levelOf(p.person)?.track === "manager")
    .map((p) => ({
      directorId: p.person.id,
      levelId: p.person.levelId as string,
      pmCount: p.below.filter(isPm).length,
    }));
  const pmTotal = active.filter(isPm).length;

  const start = directorLevel(framework);
  const verdictOf = new Map(input.snapshots.map((s) => [s.personId, s]));
  const roles = placed.flatMap((p) => {
    const level = levelOf(p.person);
    if (!level || level.rank < start.rank || level.track === "ic") return [];
    // The levels that lead here: on one ladder the level just under; with tracks, every level with a move here.
    const feeders = new Set(
      levels.filter((l) => movesFrom(framework, l).some((m) => m.id === level.id)).map((l) => l.id),
    );
    const candidates = new Set(p.below.filter((b) => b.levelId !== null && feeders.has(b.levelId)).map((b) => b.id));
    return [{ holderId: p.person.id, levelId: level.id, candidates }];
  });
  const shown = showableRoles(roles, k);
  const bench = roles.map((role): BenchRole => {
    const base = { holderId: role.holderId, levelId: role.levelId };
    if (role.candidates.size === 0) return { ...base, status: "no-candidates", candidates: 0, ready: 0, almost: 0 };
    if (!shown.has(role.holderId)) return { ...base, status: "too-small", candidates: null, ready: null, almost: null };
    const verdicts = [...role.candidates].map((id) => {
      const snapshot = verdictOf.get(id);
      // A snapshot made for another level (the person has moved since) says nothing about this one.
      return snapshot && snapshot.targetLevelId === role.levelId ? snapshot.verdict : "not-yet";
    });
    const ready = verdicts.filter((v) => v === "ready").length;
    const almost = verdicts.filter((v) => v === "almost").length;
    const status: BenchStatus = ready > 0 ? "ready" : almost > 0 ? "almost" : "not-yet";
    return { ...base, status, candidates: role.candidates.size, ready, almost };
  });

  return {
    k,
    headcount: { total: active.length, byLevel, unplaced: active.filter((p) => !levelOf(p)).length },
    spans: { managers, summary: summarizeSpans(managers) },
    layers: placed.reduce((deepest, p) => Math.max(deepest, p.depth), 0),
    pmsPerDirector: { directors, pmTotal, ratio: directors.length ? pmTotal / directors.length : null },
    bench: {
      roles: bench,
      summary: {
        roles: bench.length,
        withReadySuccessor: bench.filter((b) => b.status === "ready").length,
        withAlmostSuccessor: bench.filter((b) => b.status === "almost").length,
        withoutSuccessor: bench.filter((b) => b.status === "not-yet" || b.status === "no-candidates").length,
        tooSmall: bench.filter((b) => b.status === "too-small").length,
      },
    },
  };
}
