import type { Viewer } from "../access/viewer.ts";
import { isRequestClosed } from "../assessments/assessment.ts";
import type { FeedbackRequestService } from "../assessments/feedback-request-service.ts";
import type { Framework } from "../framework/framework.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { Person } from "../people/person.ts";
import type { ReadinessSnapshot, ReadinessSnapshotRepository } from "./ports.ts";
import type { ReadinessService } from "./readiness-service.ts";
import {
  buildReadinessList,
  buildTeamHeatmap,
  isSnapshotStale,
  type ReadinessListEntry,
  type ReadinessSort,
  type SortOrder,
  type TeamHeatmapRow,
} from "./team-views.ts";

export interface TeamReadinessPorts {
  people: Pick<PeopleRepository, "reportsBelow">;
  snapshots: Pick<ReadinessSnapshotRepository, "list">;
  readiness: Pick<ReadinessService, "framework" | "refreshSnapshots">;
  feedbackRequests: Pick<FeedbackRequestService, "listAbout">;
  /** The framework version in force, with when it was published: older snapshots are stale. */
  activeVersion: () => Promise<{ document: Framework; publishedAt: Date | null }>;
  now?: () => Date;
}

export type TeamScope = "direct" | "all";

/** People recomputed per call when snapshots are stale: one ratings query each. */
const REFRESH_CHUNK = 500;

/**
 * A manager's view of their reports' readiness, from the stored snapshots: only the viewer's own
 * reports, so the viewer needs no further permission. Missing or stale snapshots are computed first.
 */
export class TeamReadinessService {
  private readonly now: () => Date;

  constructor(private readonly ports: TeamReadinessPorts) {
    this.now = ports.now ?? (() => new Date());
  }

  /** People × competencies, each against their own level. */
  async heatmap(
    viewer: Viewer,
    scope: TeamScope,
  ): Promise<{ people: Person[]; rows: TeamHeatmapRow[]; document: Framework }> {
    const { people, snapshots, document } = await this.team(viewer, scope);
    return { people, rows: buildTeamHeatmap(document, people, snapshots), document };
  }

  /** The readiness list for each report's next level, sorted. */
  async list(
    viewer: Viewer,
    query: { scope: TeamScope; sort?: ReadinessSort; order?: SortOrder },
  ): Promise<{ people: Person[]; entries: ReadinessListEntry[]; document: Framework }> {
    const { people, snapshots, document } = await this.team(viewer, query.scope);
    return { people, entries: buildReadinessList(people, snapshots, query.sort, query.order), document };
  }

  private async team(viewer: Viewer, scope: TeamScope) {
    const people = await this.reportsOf(viewer, scope);
    const snapshots = await this.freshSnapshots(people, (person) => this.lastDueRelease(viewer, person));
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

  /** When feedback about a report was last released by its due date passing (closing by hand refreshes). */
  private async lastDueRelease(viewer: Viewer, person: Person): Promise<Date | null> {
    const now = this.now();
    const requests = await this.ports.feedbackRequests.listAbout(viewer, person.id);
    const released = requests
      .filter((r) => r.closedAt === null && isRequestClosed(r, now))
      .map((r) => r.dueAt.getTime());
    return released.length ? new Date(Math.max(...released)) : null;
  }

  /**
   * The stored snapshots of these people, recomputing first the ones that are missing or stale.
   * `lastReleaseAt` finds feedback released by a due date passing, which triggers no refresh.
   */
  private async freshSnapshots(
    people: Person[],
    lastReleaseAt: (person: Person) => Promise<Date | null>,
  ): Promise<ReadinessSnapshot[]> {
    if (people.length === 0) return [];
    const version = await this.ports.activeVersion();
    const ids = [...new Set(people.map((p) => p.id))];
    const load = () => this.ports.snapshots.list(ids);
    const stored = new Map((await load()).map((s) => [s.personId, s]));
    const now = this.now();
    const stale: string[] = [];
    for (const person of people) {
      const context = {
        framework: version.document,
        frameworkPublishedAt: version.publishedAt,
        now,
        lastReleaseAt: await lastReleaseAt(person),
      };
      if (isSnapshotStale(stored.get(person.id), person, context)) stale.push(person.id);
    }
    if (stale.length === 0) return [...stored.values()];
    for (let i = 0; i < stale.length; i += REFRESH_CHUNK) {
      await this.ports.readiness.refreshSnapshots(stale.slice(i, i + REFRESH_CHUNK));
    }
    return load();
  }
}
