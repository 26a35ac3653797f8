import type { Viewer } from "../access/viewer.ts";
import { AppError } from "../errors/app-error.ts";
import type { Framework } from "../framework/framework.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { Person } from "../people/person.ts";
import type { ReadinessSnapshot, ReadinessSnapshotRepository } from "./ports.ts";
import type { Verdict } from "./readiness.ts";
import type { ReadinessService } from "./readiness-service.ts";
import {
  buildOrgHeatmap,
  buildReadinessList,
  heatmapCells,
  isSnapshotStale,
  pageAfter,
  readinessListOrder,
  type OrgHeatmap,
  type OrgReadinessMember,
  type ReadinessListEntry,
  type ReadinessListPosition,
  type ReadinessSort,
  type SortOrder,
  type TeamHeatmapRow,
} from "./team-views.ts";

export interface TeamReadinessPorts {
  people: Pick<PeopleRepository, "reportsBelow">;
  snapshots: Pick<ReadinessSnapshotRepository, "list">;
  readiness: Pick<ReadinessService, "framework" | "refreshSnapshots" | "settings">;
  /** The framework version in force, with when it was published: older snapshots are stale. */
  activeVersion: () => Promise<{ document: Framework; publishedAt: Date | null }>;
  /** Above this many people, the heatmap shows aggregates instead of people (unless a team is asked for). */
  aggregateAbove: number;
  now?: () => Date;
}

export type TeamScope = "direct" | "all";

/** Which of the viewer's reports, in what order, from where. */
export interface TeamQuery {
  scope: TeamScope;
  sort?: ReadinessSort;
  order?: SortOrder;
  team?: string;
  levelId?: string;
  verdict?: Verdict;
  limit: number;
  after?: ReadinessListPosition;
}

export interface TeamPage<T> {
  /** People matching the filters, across every page. */
  total: number;
  entries: T[];
  /** Where the next page starts; null on the last page. */
  next: ReadinessListPosition | null;
}

export type TeamHeatmapView =
  | { mode: "people"; people: Person[]; page: TeamPage<TeamHeatmapRow>; document: Framework }
  | { mode: "aggregate"; total: number; aggregate: OrgHeatmap; document: Framework };

/** People recomputed per call when snapshots are stale: one ratings query each batch. */
const REFRESH_CHUNK = 500;

/**
 * A manager's view of their reports' readiness, read from the kept snapshots: only the viewer's own
 * reports, so the viewer needs no further permission. Filtering, sorting and paging happen here, so a
 * response carries one page whatever the team's size; only missing or stale snapshots are computed
 * (none once the warm-up has run), in batches, as the org views do.
 */
export class TeamReadinessService {
  private readonly now: () => Date;

  constructor(private readonly ports: TeamReadinessPorts) {
    this.now = ports.now ?? (() => new Date());
  }

  /**
   * People × competencies, each against their own level, one page at a time. Above `aggregateAbove`
   * people and with no team asked for, means per team × competency and per level × competency instead,
   * hidden below k as the org heatmap hides them; asking for a team drills into its people.
   */
  async heatmap(viewer: Viewer, query: TeamQuery): Promise<TeamHeatmapView> {
    const { people, snapshots, document } = await this.team(viewer, query.scope);
    this.assertLevel(document, query.levelId);
    const isAggregate = query.team === undefined && people.length > this.ports.aggregateAbove;
    if (isAggregate) {
      if (query.verdict !== undefined) {
        // A second cube over a subset could be subtracted from the first to single people out.
        throw new AppError("validation_failed", "The verdict filter applies to a team's people, not to aggregates", [
          { path: "query.verdict", message: "ask for a team to filter its people by verdict" },
        ]);
      }
      const { k } = await this.ports.readiness.settings();
      const bySnapshot = new Map(snapshots.map((s) => [s.personId, s]));
      const members = people.flatMap((p): OrgReadinessMember[] => {
        const snapshot = bySnapshot.get(p.id);
        return p.levelId && snapshot ? [{ personId: p.id, levelId: p.levelId, team: p.team, snapshot }] : [];
      });
      const filter = query.levelId === undefined ? {} : { levelId: query.levelId };
      return {
        mode: "aggregate",
        total: people.length,
        aggregate: buildOrgHeatmap(document, members, k, filter),
        document,
      };
    }
    const page = this.page(people, snapshots, document, query);
    const observedOf = new Map(snapshots.map((s) => [s.personId, s.observed]));
    return {
      mode: "people",
      people,
      document,
      page: {
        ...page,
        entries: page.entries.map((entry) => ({
          personId: entry.personId,
          levelId: entry.levelId,
          cells: heatmapCells(document, entry.levelId, observedOf.get(entry.personId) ?? {}),
        })),
      },
    };
  }

  /** The readiness list for each report's next level: filtered, sorted, one page. */
  async list(
    viewer: Viewer,
    query: TeamQuery,
  ): Promise<{ people: Person[]; page: TeamPage<ReadinessListEntry>; document: Framework }> {
    const { people, snapshots, document } = await this.team(viewer, query.scope);
    this.assertLevel(document, query.levelId);
    return { people, page: this.page(people, snapshots, document, query), document };
  }

  private page(
    people: Person[],
    snapshots: ReadinessSnapshot[],
    document: Framework,
    query: TeamQuery,
  ): TeamPage<ReadinessListEntry> {
    const chosen = people.filter(
      (p) =>
        (query.team === undefined || p.team === query.team) &&
        (query.levelId === undefined || p.levelId === query.levelId),
    );
    const rank = new Map(document.levels.map((l, i) => [l.id, i]));
    const levelRank = (levelId: string | null) => (levelId === null ? -1 : (rank.get(levelId) ?? -1));
    const sorted = buildReadinessList(chosen, snapshots, query.sort, query.order, levelRank).filter(
      (e) => query.verdict === undefined || e.verdict === query.verdict,
    );
    const compare = readinessListOrder(query.sort, query.order, levelRank);
    const { entries, hasMore } = pageAfter(sorted, compare, query.limit, query.after);
    const last = entries.at(-1);
    return { total: sorted.length, entries, next: hasMore && last ? positionOf(last) : null };
  }

  private assertLevel(document: Framework, levelId: string | undefined): void {
    if (levelId !== undefined && !document.levels.some((l) => l.id === levelId)) {
      throw new AppError("validation_failed", `Unknown level "${levelId}"`, [
        { path: "query.level", message: "not a level of the ladder" },
      ]);
    }
  }

  private async team(viewer: Viewer, scope: TeamScope) {
    const people = await this.reportsOf(viewer, scope);
    const snapshots = await this.freshSnapshots(people);
    const { document } = await this.ports.readiness.framework();
    return { people, snapshots, document };
  }

  /** The viewer's reports, active ones only: direct reports, or everyone below them. */
  private async reportsOf(viewer: Viewer, scope: TeamScope): Promise<Person[]> {
    const reports = await this.ports.people.reportsBelow(viewer.personId);
    return reports
      .filter((r) => (scope === "direct" ? r.depth === 1 : true) && r.person.status === "active")
      .map((r) => r.person);
  }

  /**
   * The kept snapshots of these people, recomputing first the ones that are missing or stale. A
   * snapshot's validity ends at its next feedback due date, so a release by a due date passing makes
   * it stale without a query per person.
   */
  private async freshSnapshots(people: Person[]): Promise<ReadinessSnapshot[]> {
    if (people.length === 0) return [];
    const version = await this.ports.activeVersion();
    const ids = [...new Set(people.map((p) => p.id))];
    const load = () => this.ports.snapshots.list(ids);
    const stored = new Map((await load()).map((s) => [s.personId, s]));
    const context = { framework: version.document, frameworkPublishedAt: version.publishedAt, now: this.now() };
    const stale = people.filter((p) => isSnapshotStale(stored.get(p.id), p, context)).map((p) => p.id);
    if (stale.length === 0) return [...stored.values()];
    for (let i = 0; i < stale.length; i += REFRESH_CHUNK) {
      await this.ports.readiness.refreshSnapshots(stale.slice(i, i + REFRESH_CHUNK));
    }
    return load();
  }
}

function positionOf(entry: ReadinessListEntry): ReadinessListPosition {
  return {
    personId: entry.personId,
    name: entry.name,
    score: entry.score,
    verdict: entry.verdict,
    levelId: entry.levelId,
  };
}
