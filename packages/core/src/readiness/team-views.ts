import type { Framework } from "../framework/framework.ts";
import type { Person } from "../people/person.ts";
import type { CompetencyCell, ReadinessCell, ReadinessSnapshot } from "./ports.ts";
import { nextLevel } from "./readiness-service.ts";
import {
  RELATIONS,
  type CompetencyStatus,
  type GroupSummary,
  type Readiness,
  type ReadinessFlag,
  type Relation,
  type Verdict,
} from "./readiness.ts";

/**
 * Team and organisation views of readiness, as pure functions over stored snapshots.
 *
 * Who sees what (DESIGN.md §5): a manager sees each person of their reporting chain; an admin sees
 * the organisation only as aggregates, per level and per team, and never a group of fewer than k
 * people, nor a group that could be worked out by subtracting shown groups from a shown total
 * (see suppressSmallGroups).
 */

const EPSILON = 1e-9;

export type HeatmapStatus = CompetencyStatus | "not-applicable";

export interface HeatmapCell {
  competencyId: string;
  observed: number | null;
  /** Expected at the person's own level; null where the competency does not apply there. */
  expected: number | null;
  /** observed − expected: zero or more is at or above the bar. */
  delta: number | null;
  status: HeatmapStatus;
}

export interface TeamHeatmapRow {
  personId: string;
  levelId: string | null;
  cells: HeatmapCell[];
}

/** The status of DESIGN.md §4 step 4 for a gap (expected − observed), the same thresholds as computeReadiness. */
export function statusForGap(gap: number | null): CompetencyStatus {
  if (gap === null) return "unknown";
  if (gap <= EPSILON) return "meets";
  if (gap <= 0.5 + EPSILON) return "near";
  return "below";
}

function expectationAt(framework: Framework, levelId: string | null, competencyId: string) {
  if (levelId === null) return undefined;
  const expectation = framework.expectations[levelId]?.[competencyId];
  return expectation && expectation.weight > 0 ? expectation : undefined;
}

/**
 * One person's row: observed (from their snapshot) against what their OWN level expects. Observed
 * values do not depend on the target level, so the next-level snapshot serves; a competency the
 * snapshot does not cover counts as unknown.
 */
export function heatmapCells(
  framework: Framework,
  levelId: string | null,
  observed: Record<string, number | null>,
): HeatmapCell[] {
  return framework.competencies.map((competency) => {
    const expectation = expectationAt(framework, levelId, competency.id);
    const value = observed[competency.id] ?? null;
    if (!expectation) {
      return { competencyId: competency.id, observed: value, expected: null, delta: null, status: "not-applicable" };
    }
    const delta = value === null ? null : value - expectation.expected;
    return {
      competencyId: competency.id,
      observed: value,
      expected: expectation.expected,
      delta,
      status: statusForGap(delta === null ? null : -delta),
    };
  });
}

/** A manager's heatmap: people × competencies, each against their own level. */
export function buildTeamHeatmap(
  framework: Framework,
  people: Pick<Person, "id" | "levelId">[],
  snapshots: ReadinessSnapshot[],
): TeamHeatmapRow[] {
  const byPerson = new Map(snapshots.map((s) => [s.personId, s]));
  return people.map((person) => ({
    personId: person.id,
    levelId: person.levelId,
    cells: heatmapCells(framework, person.levelId, byPerson.get(person.id)?.observed ?? {}),
  }));
}

export type ReadinessSort = "score" | "name" | "verdict" | "level";
export type SortOrder = "asc" | "desc";

export interface ReadinessListEntry {
  personId: string;
  name: string;
  levelId: string | null;
  targetLevelId: string;
  score: number;
  verdict: Verdict;
  computedAt: Date;
}

/** Where a page ended: the sort keys of its last entry, so the next page starts after it. */
export interface ReadinessListPosition {
  personId: string;
  name: string;
  score: number;
  verdict: Verdict;
  levelId: string | null;
}

const VERDICT_RANK: Record<Verdict, number> = { "not-yet": 0, almost: 1, ready: 2 };

/**
 * The order of the readiness list. Verdicts sort not-yet < almost < ready, then by score; levels by
 * their rank on the ladder (unplaced first), then by score; ties fall back to the name and the id,
 * so the order is total and stable whatever the sort.
 */
export function readinessListOrder(
  sort: ReadinessSort = "score",
  order: SortOrder = "desc",
  levelRank: (levelId: string | null) => number = () => 0,
): (a: ReadinessListPosition, b: ReadinessListPosition) => number {
  const byName = (a: ReadinessListPosition, b: ReadinessListPosition) =>
    a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId);
  const primary: Record<ReadinessSort, (a: ReadinessListPosition, b: ReadinessListPosition) => number> = {
    score: (a, b) => a.score - b.score,
    name: () => 0,
    verdict: (a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || a.score - b.score,
    level: (a, b) => levelRank(a.levelId) - levelRank(b.levelId) || a.score - b.score,
  };
  const direction = order === "asc" ? 1 : -1;
  return (a, b) => direction * (primary[sort](a, b) || byName(a, b));
}

/** The readiness list for the next level, in the order readinessListOrder gives. */
export function buildReadinessList(
  people: Pick<Person, "id" | "name" | "levelId">[],
  snapshots: ReadinessSnapshot[],
  sort: ReadinessSort = "score",
  order: SortOrder = "desc",
  levelRank?: (levelId: string | null) => number,
): ReadinessListEntry[] {
  const byPerson = new Map(snapshots.map((s) => [s.personId, s]));
  const entries = people.flatMap((person): ReadinessListEntry[] => {
    const snapshot = byPerson.get(person.id);
    if (!snapshot) return [];
    return [
      {
        personId: person.id,
        name: person.name,
        levelId: person.levelId,
        targetLevelId: snapshot.targetLevelId,
        score: snapshot.score,
        verdict: snapshot.verdict,
        computedAt: snapshot.computedAt,
      },
    ];
  });
  return entries.sort(readinessListOrder(sort, order, levelRank));
}

/**
 * One page of a sorted list, by keyset: the entries strictly after `after` in the list's order, so a
 * page boundary holds when people are added or removed between two requests.
 */
export function pageAfter<T extends ReadinessListPosition>(
  sorted: readonly T[],
  compare: (a: ReadinessListPosition, b: ReadinessListPosition) => number,
  limit: number,
  after?: ReadinessListPosition,
): { entries: T[]; hasMore: boolean } {
  let start = 0;
  if (after) {
    // Binary search: the first entry that sorts after the position.
    let high = sorted.length;
    while (start < high) {
      const middle = (start + high) >>> 1;
      if (compare(sorted[middle] as T, after) <= 0) start = middle + 1;
      else high = middle;
    }
  }
  const entries = sorted.slice(start, start + limit);
  return { entries, hasMore: start + limit < sorted.length };
}

/**
 * Whether a stored snapshot no longer tells the truth: missing; made for another target (the person
 * changed level); past its validity (a rating left the window); older than the framework version in
 * force; or older than a feedback release that happened without a refresh (a request reaching its
 * due date closes by itself).
 */
export function isSnapshotStale(
  snapshot: ReadinessSnapshot | undefined,
  person: Pick<Person, "levelId">,
  context: { framework: Framework; frameworkPublishedAt: Date | null; now: Date; lastReleaseAt?: Date | null },
): boolean {
  if (!snapshot) return true;
  if (snapshot.targetLevelId !== nextLevel(context.framework, person.levelId).id) return true;
  if (snapshot.validUntil && snapshot.validUntil <= context.now) return true;
  if (context.frameworkPublishedAt && snapshot.computedAt < context.frameworkPublishedAt) return true;
  return Boolean(context.lastReleaseAt && snapshot.computedAt < context.lastReleaseAt);
}

/** Self against the others, per competency, read off one readiness result. */
export interface SideBySideRow {
  competencyId: string;
  groups: Record<Relation, GroupSummary | null>;
  /** Mean of the visible manager, peer and upward group means; null when none is visible. */
  othersMean: number | null;
  /** self − othersMean: above zero, the person rates themself higher than others do. */
  selfPerceptionGap: number | null;
  flags: ReadinessFlag[];
}

export function buildSideBySide(readiness: Pick<Readiness, "competencies">): SideBySideRow[] {
  return readiness.competencies.map((competency) => {
    const visibleMean = (relation: Relation): number | null => {
      const group = competency.groups[relation];
      return group && !("hidden" in group) ? group.mean : null;
    };
    const others = RELATIONS.filter((r) => r !== "self")
      .map(visibleMean)
      .filter((mean): mean is number => mean !== null);
    const othersMean = others.length ? others.reduce((sum, v) => sum + v, 0) / others.length : null;
    const self = visibleMean("self");
    return {
      competencyId: competency.competencyId,
      groups: competency.groups,
      othersMean,
      selfPerceptionGap: self === null || othersMean === null ? null : self - othersMean,
      flags: competency.flags,
    };
  });
}

/** One placed, active person as the organisation views see them: where they sit, and their snapshot. */
export interface OrgReadinessMember {
  personId: string;
  levelId: string;
  team: string;
  snapshot: ReadinessSnapshot;
}

/** A cell of the level × team cube; null stands for "every level" or "every team". */
interface CubeKey {
  levelId: string | null;
  team: string | null;
}

const keyOf = (key: CubeKey) => JSON.stringify([key.levelId, key.team]);

/** A total and the disjoint parts it is the sum of. */
interface TableRelation {
  parent: string;
  parts: string[];
}

/** The cells of a level × team table with its margins, and every "total = sum of parts" it holds. */
function tableStructure(levels: readonly string[], teams: readonly string[]) {
  const total = keyOf({ levelId: null, team: null });
  const levelTotals = levels.map((levelId) => keyOf({ levelId, team: null }));
  const teamTotals = teams.map((team) => keyOf({ levelId: null, team }));
  const inner = levels.flatMap((levelId) => teams.map((team) => keyOf({ levelId, team })));
  const relations: TableRelation[] = [
    { parent: total, parts: levelTotals },
    { parent: total, parts: teamTotals },
    ...levels.map((levelId) => ({
      parent: keyOf({ levelId, team: null }),
      parts: teams.map((team) => keyOf({ levelId, team })),
    })),
    ...teams.map((team) => ({
      parent: keyOf({ levelId: null, team }),
      parts: levels.map((levelId) => keyOf({ levelId, team })),
    })),
  ];
  return {
    cells: [total, ...levelTotals, ...teamTotals, ...inner],
    inner,
    margins: [...levelTotals, ...teamTotals, total],
    relations,
  };
}

/**
 * The hidden cells whose value follows from the shown ones through the table's sums: Gaussian
 * elimination over the relations, with shown and empty cells as known constants. A hidden cell is
 * determined when its reduced row has no free unknown left in it.
 */
function determinedCells(relations: TableRelation[], unknown: readonly string[]): Set<string> {
  const column = new Map(unknown.map((key, index) => [key, index]));
  const rows = relations
    .map(({ parent, parts }) => {
      const row = new Array<number>(unknown.length).fill(0);
      const parentIndex = column.get(parent);
      if (parentIndex !== undefined) row[parentIndex] = 1;
      for (const part of parts) {
        const index = column.get(part);
        if (index !== undefined) row[index] = (row[index] ?? 0) - 1;
      }
      return row;
    })
    .filter((row) => row.some((v) => v !== 0));
  const pivots: number[] = [];
  let rank = 0;
  for (let col = 0; col < unknown.length && rank < rows.length; col++) {
    const pivotRow = rows.findIndex((row, index) => index >= rank && Math.abs(row[col] ?? 0) > EPSILON);
    if (pivotRow === -1) continue;
    [rows[rank], rows[pivotRow]] = [rows[pivotRow] ?? [], rows[rank] ?? []];
    const pivot = rows[rank] ?? [];
    const scale = pivot[col] ?? 1;
    for (let c = 0; c < pivot.length; c++) pivot[c] = (pivot[c] ?? 0) / scale;
    rows.forEach((row, index) => {
      const factor = row[col] ?? 0;
      if (index === rank || Math.abs(factor) <= EPSILON) return;
      for (let c = 0; c < row.length; c++) row[c] = (row[c] ?? 0) - factor * (pivot[c] ?? 0);
    });
    pivots.push(col);
    rank += 1;
  }
  const determined = new Set<string>();
  pivots.forEach((col, index) => {
    const row = rows[index] ?? [];
    const isAlone = row.every((v, c) => c === col || Math.abs(v) <= EPSILON);
    const key = unknown[col];
    if (isAlone && key !== undefined) determined.add(key);
  });
  return determined;
}

/**
 * Whether a choice of hidden cells gives away a group of 1 to k − 1 people: a small cell that the
 * shown numbers determine, or small hidden parts whose sum a known total determines.
 */
function disclosesSmallGroup(
  hidden: ReadonlySet<string>,
  count: (key: string) => number,
  structure: ReturnType<typeof tableStructure>,
  k: number,
): boolean {
  const isSmall = (n: number) => n > 0 && n < k;
  const unknown = structure.cells.filter((key) => hidden.has(key) && count(key) > 0);
  const determined = determinedCells(structure.relations, unknown);
  if ([...determined].some((key) => isSmall(count(key)))) return true;
  const isOpen = (key: string) => hidden.has(key) && count(key) > 0 && !determined.has(key);
  return structure.relations.some(
    ({ parent, parts }) => !isOpen(parent) && isSmall(parts.filter(isOpen).reduce((sum, key) => sum + count(key), 0)),
  );
}

/**
 * Which cells of a level × team table (with its margins: per level, per team, and the total) must be
 * hidden so that no shown number speaks for fewer than k people, alone or through the table's sums:
 * - primary: a cell over 1 to k − 1 people is hidden;
 * - complementary: where a total is shown, its hidden parts can be worked out together by
 *   subtracting the shown ones, so they must add up to 0 or at least k people; if not, the smallest
 *   shown part is hidden too, until every total holds;
 * - audit: an exact check (disclosesSmallGroup) that nothing small follows from all the sums taken
 *   together. When something does, every level × team cell is hidden, then the smallest shown
 *   per-level or per-team total, one at a time, until nothing does (at worst, everything is hidden).
 * Every view and filter reads from the same table, so no pair of requests reveals more than one does.
 * An empty cell (0 people) is not hidden: it has nobody's data.
 */
export function suppressSmallGroups(
  counts: ReadonlyMap<string, number>,
  levels: readonly string[],
  teams: readonly string[],
  k: number,
): Set<string> {
  const structure = tableStructure(levels, teams);
  const count = (key: string) => counts.get(key) ?? 0;
  const complete = (hidden: Set<string>): Set<string> => {
    for (const key of structure.cells) if (count(key) > 0 && count(key) < k) hidden.add(key);
    let isChanged = true;
    while (isChanged) {
      isChanged = false;
      for (const { parent, parts } of structure.relations) {
        if (hidden.has(parent)) continue;
        const hiddenPeople = parts.filter((p) => hidden.has(p)).reduce((sum, p) => sum + count(p), 0);
        if (hiddenPeople === 0 || hiddenPeople >= k) continue;
        const smallestShown = parts
          .filter((p) => !hidden.has(p) && count(p) > 0)
          .sort((a, b) => count(a) - count(b) || a.localeCompare(b))[0];
        // A shown total of ≥ k people always has a shown part left; hide the total itself otherwise.
        hidden.add(smallestShown ?? parent);
        isChanged = true;
      }
    }
    return hidden;
  };
  const first = complete(new Set());
  if (!disclosesSmallGroup(first, count, structure, k)) return first;
  const hidden = complete(new Set(structure.inner));
  while (disclosesSmallGroup(hidden, count, structure, k)) {
    // The smallest shown margin next, the organisation's total last.
    const next = structure.margins
      .filter((key) => !hidden.has(key) && count(key) > 0)
      .sort((a, b) => count(a) - count(b))[0];
    if (next === undefined) return new Set(structure.cells);
    complete(hidden.add(next));
  }
  return hidden;
}

export interface HiddenAggregate {
  hidden: true;
  reason: string;
}

export interface OrgViewFilter {
  levelId?: string;
  team?: string;
}

/** The rows an org view shows for a filter, as cells of the one cube (see suppressSmallGroups). */
interface OrgLayout {
  overall: CubeKey;
  byLevel: CubeKey[];
  byTeam: CubeKey[];
}

function layoutFor(levels: readonly string[], teams: readonly string[], filter: OrgViewFilter): OrgLayout {
  const levelId = filter.levelId ?? null;
  const team = filter.team ?? null;
  return {
    overall: { levelId, team },
    byLevel: (levelId === null ? levels : [levelId]).map((l) => ({ levelId: l, team })),
    byTeam: (team === null ? teams : [team]).map((t) => ({ levelId, team: t })),
  };
}

/**
 * The levels and teams of the cube, from the cells that have people. Cells at a level the framework
 * no longer has are left out: each total must be exactly the sum of its parts, or the difference
 * would single them out.
 */
function cubeAxes(framework: Framework, cells: readonly { levelId: string; team: string }[]) {
  const levels = [...framework.levels].sort((a, b) => a.rank - b.rank).map((l) => l.id);
  const teams = [...new Set(cells.filter((c) => levels.includes(c.levelId)).map((c) => c.team))].sort((a, b) =>
    a.localeCompare(b),
  );
  return { levels, teams };
}

/**
 * Sums of cells over every cell of the cube they count in: their own level × team, both margins
 * and the total. Cells at a level the ladder no longer has are skipped.
 */
function totalsByCube<C extends { levelId: string; team: string }, T>(
  cells: readonly C[],
  levels: readonly string[],
  empty: () => T,
  add: (total: T, cell: C) => void,
): Map<string, T> {
  const totals = new Map<string, T>();
  for (const cell of cells) {
    if (!levels.includes(cell.levelId)) continue;
    for (const key of [
      { levelId: cell.levelId, team: cell.team },
      { levelId: cell.levelId, team: null },
      { levelId: null, team: cell.team },
      { levelId: null, team: null },
    ]) {
      const id = keyOf(key);
      const total = totals.get(id) ?? empty();
      add(total, cell);
      totals.set(id, total);
    }
  }
  return totals;
}

/** Members summed per level × team × verdict: what the database's summary of snapshots gives. */
export function readinessCellsOf(members: readonly OrgReadinessMember[]): ReadinessCell[] {
  const cells = new Map<string, ReadinessCell>();
  for (const { levelId, team, snapshot } of members) {
    const id = JSON.stringify([levelId, team, snapshot.verdict]);
    const cell = cells.get(id) ?? { levelId, team, verdict: snapshot.verdict, people: 0, scoreSum: 0 };
    cell.people += 1;
    cell.scoreSum += snapshot.score;
    cells.set(id, cell);
  }
  return [...cells.values()];
}

/** Members' observed values summed per level × team × competency. */
export function competencyCellsOf(members: readonly OrgReadinessMember[]): CompetencyCell[] {
  const cells = new Map<string, CompetencyCell>();
  for (const { levelId, team, snapshot } of members) {
    for (const [competencyId, observed] of Object.entries(snapshot.observed)) {
      if (observed === null || observed === undefined) continue;
      const id = JSON.stringify([levelId, team, competencyId]);
      const cell = cells.get(id) ?? { levelId, team, competencyId, people: 0, observedSum: 0 };
      cell.people += 1;
      cell.observedSum += observed;
      cells.set(id, cell);
    }
  }
  return [...cells.values()];
}

function hiddenReason(k: number): HiddenAggregate {
  return { hidden: true, reason: `fewer than ${k} people, or it would single out a smaller group` };
}

export interface ReadinessSummary {
  people: number;
  /** null for an empty group. */
  meanScore: number | null;
  verdicts: Record<Verdict, number>;
}

export interface OrgReadiness {
  k: number;
  overall: ReadinessSummary | HiddenAggregate;
  byLevel: { levelId: string; summary: ReadinessSummary | HiddenAggregate }[];
  byTeam: { team: string; summary: ReadinessSummary | HiddenAggregate }[];
}

/** Readiness for the next level across the organisation, per level and per team, never over fewer than k people. */
export function buildOrgReadiness(
  framework: Framework,
  members: readonly OrgReadinessMember[],
  k: number,
  filter: OrgViewFilter = {},
): OrgReadiness {
  return buildOrgReadinessFromCells(framework, readinessCellsOf(members), k, filter);
}

/** The same view from level × team × verdict sums, as the database gives them for a large organisation. */
export function buildOrgReadinessFromCells(
  framework: Framework,
  cells: readonly ReadinessCell[],
  k: number,
  filter: OrgViewFilter = {},
): OrgReadiness {
  const { levels, teams } = cubeAxes(framework, cells);
  const totals = totalsByCube(
    cells,
    levels,
    () => ({ people: 0, scoreSum: 0, verdicts: { ready: 0, almost: 0, "not-yet": 0 } as Record<Verdict, number> }),
    (total, cell) => {
      total.people += cell.people;
      total.scoreSum += cell.scoreSum;
      total.verdicts[cell.verdict] += cell.people;
    },
  );
  const hidden = suppressSmallGroups(new Map([...totals].map(([id, t]) => [id, t.people])), levels, teams, k);
  const summarize = (key: CubeKey): ReadinessSummary | HiddenAggregate => {
    if (hidden.has(keyOf(key))) return hiddenReason(k);
    const total = totals.get(keyOf(key));
    if (!total) return { people: 0, meanScore: null, verdicts: { ready: 0, almost: 0, "not-yet": 0 } };
    return { people: total.people, meanScore: total.scoreSum / total.people, verdicts: total.verdicts };
  };
  const layout = layoutFor(levels, teams, filter);
  return {
    k,
    overall: summarize(layout.overall),
    byLevel: layout.byLevel.map((key) => ({ levelId: key.levelId ?? "", summary: summarize(key) })),
    byTeam: layout.byTeam.map((key) => ({ team: key.team ?? "", summary: summarize(key) })),
  };
}

export interface AggregateHeatmapCell {
  competencyId: string;
  /** People in the group with an observed value for this competency where it applies at their level. */
  people: number;
  observed: number | null;
  /** Mean of what each contributor's own level expects. */
  expected: number | null;
  /** Mean of (observed − expected) over the contributors. */
  delta: number | null;
  status: HeatmapStatus;
}

export type OrgHeatmapCell = AggregateHeatmapCell | (HiddenAggregate & { competencyId: string });

export interface OrgHeatmap {
  k: number;
  overall: OrgHeatmapCell[];
  byLevel: { levelId: string; cells: OrgHeatmapCell[] }[];
  byTeam: { team: string; cells: OrgHeatmapCell[] }[];
}

/**
 * Observed against expected (each person at their own level) across the organisation, per level and
 * per team, as means over groups of at least k people. Each competency has its own cube, because who
 * has an observed value differs from one competency to the next.
 */
export function buildOrgHeatmap(
  framework: Framework,
  members: readonly OrgReadinessMember[],
  k: number,
  filter: OrgViewFilter = {},
): OrgHeatmap {
  return buildOrgHeatmapFromCells(
    framework,
    { readiness: readinessCellsOf(members), competencies: competencyCellsOf(members) },
    k,
    filter,
  );
}

/**
 * The same view from sums per level × team × competency, as the database gives them. The teams come
 * from both kinds of cells, so that every person counted is in the cube's rows and columns.
 */
export function buildOrgHeatmapFromCells(
  framework: Framework,
  cells: { readiness: readonly ReadinessCell[]; competencies: readonly CompetencyCell[] },
  k: number,
  filter: OrgViewFilter = {},
): OrgHeatmap {
  const { levels, teams } = cubeAxes(framework, [...cells.readiness, ...cells.competencies]);
  const layout = layoutFor(levels, teams, filter);
  const rows = new Map<string, OrgHeatmapCell[]>();
  const shown = [layout.overall, ...layout.byLevel, ...layout.byTeam];

  for (const competency of framework.competencies) {
    // Only where the competency applies at the person's own level.
    const contributing = cells.competencies.filter(
      (c) => c.competencyId === competency.id && expectationAt(framework, c.levelId, competency.id),
    );
    const totals = totalsByCube(
      contributing,
      levels,
      () => ({ people: 0, observedSum: 0, expectedSum: 0 }),
      (total, cell) => {
        total.people += cell.people;
        total.observedSum += cell.observedSum;
        total.expectedSum += cell.people * (expectationAt(framework, cell.levelId, competency.id)?.expected ?? 0);
      },
    );
    const hidden = suppressSmallGroups(new Map([...totals].map(([id, t]) => [id, t.people])), levels, teams, k);
    for (const key of shown) {
      const id = keyOf(key);
      const cell = hidden.has(id)
        ? { competencyId: competency.id, ...hiddenReason(k) }
        : aggregateCell(framework, competency.id, key, totals.get(id));
      rows.set(id, [...(rows.get(id) ?? []), cell]);
    }
  }
  const cellsOf = (key: CubeKey) => rows.get(keyOf(key)) ?? [];
  return {
    k,
    overall: cellsOf(layout.overall),
    byLevel: layout.byLevel.map((key) => ({ levelId: key.levelId ?? "", cells: cellsOf(key) })),
    byTeam: layout.byTeam.map((key) => ({ team: key.team ?? "", cells: cellsOf(key) })),
  };
}

function aggregateCell(
  framework: Framework,
  competencyId: string,
  key: CubeKey,
  total: { people: number; observedSum: number; expectedSum: number } | undefined,
): AggregateHeatmapCell {
  if (!total || total.people === 0) {
    const expectation = key.levelId === null ? undefined : expectationAt(framework, key.levelId, competencyId);
    const applies = key.levelId === null || expectation !== undefined;
    return {
      competencyId,
      people: 0,
      observed: null,
      expected: expectation?.expected ?? null,
      delta: null,
      status: applies ? "unknown" : "not-applicable",
    };
  }
  const observed = total.observedSum / total.people;
  const expected = total.expectedSum / total.people;
  const delta = observed - expected;
  return { competencyId, people: total.people, observed, expected, delta, status: statusForGap(-delta) };
}
