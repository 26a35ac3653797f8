import {
  ACTIVE_FRAMEWORK_SLUG,
  nextLevel,
  suppressSmallGroups,
  type HiddenAggregate,
  type OrgReadiness,
  type OrgViewFilter,
  type ReadinessCell,
  type ReadinessSummary,
  type Verdict,
} from "@ascent/core";
import type { AppServices } from "../app.ts";

/** People recomputed per call when snapshots are missing or stale: one ratings query each. */
const REFRESH_CHUNK = 500;

/** The cube's key for a cell; null stands for "every level" or "every team" (as in core's team views). */
const keyOf = (levelId: string | null, team: string | null) => JSON.stringify([levelId, team]);

interface CellTotals {
  people: number;
  scoreSum: number;
  verdicts: Record<Verdict, number>;
}

/**
 * Org-wide readiness for the next level, as buildOrgReadiness computes it from one snapshot per person,
 * but from the snapshots summed per level × team × verdict by the database: a few hundred rows rather
 * than 10,000 people and their snapshots, so it costs a fraction of one scan of the ratings table.
 * Missing or stale snapshots are recomputed first, exactly as for the per-person path.
 */
export async function readOrgReadiness(
  services: Pick<AppServices, "frameworks" | "readiness" | "readinessSnapshots">,
  filter: OrgViewFilter = {},
): Promise<OrgReadiness> {
  const [version, settings] = await Promise.all([
    services.frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest"),
    services.readiness.settings(),
  ]);
  const framework = version.document;
  const freshness = {
    targetByLevel: Object.fromEntries(framework.levels.map((l) => [l.id, nextLevel(framework, l.id).id])),
    fallbackTarget: nextLevel(framework, null).id,
    now: new Date(),
    frameworkPublishedAt: version.publishedAt,
  };
  let summary = await services.readinessSnapshots.summarizeByLevelAndTeam(freshness);
  if (summary.staleIds.length > 0) {
    for (let i = 0; i < summary.staleIds.length; i += REFRESH_CHUNK) {
      await services.readiness.refreshSnapshots(summary.staleIds.slice(i, i + REFRESH_CHUNK));
    }
    summary = await services.readinessSnapshots.summarizeByLevelAndTeam(freshness);
  }
  return orgReadinessFromCells(
    [...framework.levels].sort((a, b) => a.rank - b.rank).map((l) => l.id),
    summary.cells,
    settings.k,
    filter,
  );
}

/** The same view as buildOrgReadiness, from level × team × verdict sums instead of one row per person. */
export function orgReadinessFromCells(
  levels: readonly string[],
  allCells: readonly ReadinessCell[],
  k: number,
  filter: OrgViewFilter = {},
): OrgReadiness {
  // People at a level the ladder no longer has are left out, as in buildOrgReadiness: every total
  // must be exactly the sum of its parts.
  const cells = allCells.filter((c) => levels.includes(c.levelId));
  const teams = [...new Set(cells.map((c) => c.team))].sort((a, b) => a.localeCompare(b));
  const totals = new Map<string, CellTotals>();
  const add = (key: string, cell: ReadinessCell) => {
    const entry = totals.get(key) ?? { people: 0, scoreSum: 0, verdicts: { ready: 0, almost: 0, "not-yet": 0 } };
    entry.people += cell.people;
    entry.scoreSum += cell.scoreSum;
    entry.verdicts[cell.verdict] += cell.people;
    totals.set(key, entry);
  };
  for (const cell of cells) {
    add(keyOf(cell.levelId, cell.team), cell);
    add(keyOf(cell.levelId, null), cell);
    add(keyOf(null, cell.team), cell);
    add(keyOf(null, null), cell);
  }
  const counts = new Map([...totals].map(([key, entry]) => [key, entry.people]));
  const hidden = suppressSmallGroups(counts, levels, teams, k);
  const summarize = (levelId: string | null, team: string | null): ReadinessSummary | HiddenAggregate => {
    const key = keyOf(levelId, team);
    if (hidden.has(key))
      return { hidden: true, reason: `fewer than ${k} people, or it would single out a smaller group` };
    const entry = totals.get(key);
    if (!entry) return { people: 0, meanScore: null, verdicts: { ready: 0, almost: 0, "not-yet": 0 } };
    return { people: entry.people, meanScore: entry.scoreSum / entry.people, verdicts: entry.verdicts };
  };
  const levelId = filter.levelId ?? null;
  const team = filter.team ?? null;
  return {
    k,
    overall: summarize(levelId, team),
    byLevel: (levelId === null ? levels : [levelId]).map((l) => ({ levelId: l, summary: summarize(l, team) })),
    byTeam: (team === null ? teams : [team]).map((t) => ({ team: t, summary: summarize(levelId, t) })),
  };
}
