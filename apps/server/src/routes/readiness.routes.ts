import {
  ACTIVE_FRAMEWORK_SLUG,
  ADMIN,
  AUTHENTICATED,
  AppError,
  buildReadinessList,
  buildSideBySide,
  buildTeamHeatmap,
  isRequestClosed,
  isSnapshotStale,
  nextLevel,
  subject,
  type Person,
  type ReadinessSnapshot,
  type Viewer,
} from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { readOrgHeatmap, readOrgReadiness } from "../org-views.ts";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../app.ts";
import {
  presentOrgHeatmap,
  presentOrgReadiness,
  presentReadinessHistory,
  presentReadinessSettings,
  presentSideBySide,
  presentTeamHeatmap,
  presentTeamReadiness,
} from "../presenters/readiness.ts";

/** The person and the managers above them. Admins see individuals only as managers (DESIGN §5). */
const SELF_OR_CHAIN = subject("id", "self", "managementChain");

/** People recomputed per call when snapshots are stale: one ratings query each. */
const REFRESH_CHUNK = 500;

export function readinessRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.readiness;
  const { readiness, readinessResponses, readinessSnapshots, audit } = services;

  const activeVersion = () => services.frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest");

  /**
   * The stored snapshots of these people, recomputing first the ones that are missing or stale.
   * `lastReleaseAt` finds feedback released by a due date passing, which triggers no refresh.
   */
  async function freshSnapshots(
    people: Person[],
    options: { lastReleaseAt?: (person: Person) => Promise<Date | null> } = {},
  ): Promise<ReadinessSnapshot[]> {
    if (people.length === 0) return [];
    const version = await activeVersion();
    const ids = new Set(people.map((p) => p.id));
    const load = () => readinessSnapshots.list([...ids]);
    const stored = new Map((await load()).map((s) => [s.personId, s]));
    const now = services.now();
    const stale: string[] = [];
    for (const person of people) {
      const context = {
        framework: version.document,
        frameworkPublishedAt: version.publishedAt,
        now,
        lastReleaseAt: options.lastReleaseAt ? await options.lastReleaseAt(person) : null,
      };
      if (isSnapshotStale(stored.get(person.id), person, context)) stale.push(person.id);
    }
    if (stale.length === 0) return [...stored.values()];
    for (let i = 0; i < stale.length; i += REFRESH_CHUNK) {
      await readiness.refreshSnapshots(stale.slice(i, i + REFRESH_CHUNK));
    }
    return load();
  }

  /** The viewer's reports, active ones only: direct reports, or everyone below them. */
  async function reportsOf(viewer: Viewer, scope: "direct" | "all"): Promise<Person[]> {
    const reports = await services.people.reportsBelow(viewer.personId);
    return reports
      .filter((r) => (scope === "direct" ? r.depth === 1 : true) && r.person.status === "active")
      .map((r) => r.person);
  }

  /** When feedback about a report was last released by its due date passing (closing by hand refreshes). */
  const lastDueRelease = (viewer: Viewer) => async (person: Person) => {
    const now = services.now();
    const requests = await services.feedbackRequests.listAbout(viewer, person.id);
    const released = requests
      .filter((r) => r.closedAt === null && isRequestClosed(r, now))
      .map((r) => r.dueAt.getTime());
    return released.length ? new Date(Math.max(...released)) : null;
  };

  async function orgFilter(query: { level?: string | undefined; team?: string | undefined }) {
    const { document } = await readiness.framework();
    if (query.level !== undefined && !document.levels.some((l) => l.id === query.level)) {
      throw new AppError("validation_failed", `Unknown level "${query.level}"`, [
        { path: "query.level", message: "not a level of the ladder" },
      ]);
    }
    return {
      document,
      filter: {
        ...(query.level === undefined ? {} : { levelId: query.level }),
        ...(query.team === undefined ? {} : { team: query.team }),
      },
      filters: { level: query.level ?? null, team: query.team ?? null },
    };
  }

  /** DESIGN §5: a read of someone else's evidence is logged for the owner, even inside readiness. */
  async function recordEvidenceRead(viewer: Viewer, personId: string, evidenceIds: string[]): Promise<void> {
    if (viewer.personId === personId || evidenceIds.length === 0) return;
    await audit.record({
      kind: "read",
      actorId: viewer.personId,
      action: "evidence.read",
      subjectId: personId,
      targetType: "evidence",
      targetId: personId,
      details: { evidenceIds, via: "readiness" },
    });
  }

  return [
    route({
      endpoint: api.forPerson,
      policy: SELF_OR_CHAIN,
      handler: async ({ viewer, params, query }) => {
        const response = await readinessResponses.forPerson(params.id, {
          ...(query.target === undefined ? {} : { targetLevelId: query.target }),
          canSeePrivateEvidence: viewer.personId === params.id,
        });
        await recordEvidenceRead(viewer, response.personId, response.evidenceIds);
        return response.body;
      },
    }),
    route({
      endpoint: api.history,
      policy: SELF_OR_CHAIN,
      handler: async ({ params }) => {
        const [points, { document }, person] = await Promise.all([
          readiness.history(params.id),
          readiness.framework(),
          services.people.findById(params.id),
        ]);
        const target = points.at(-1)?.targetLevelId ?? nextLevel(document, person?.levelId ?? null).id;
        return presentReadinessHistory(params.id, document, target, points);
      },
    }),
    route({
      endpoint: api.sideBySide,
      policy: SELF_OR_CHAIN,
      handler: async ({ params }) => {
        // Evidence plays no part here, so none is loaded beyond what the person shares.
        const result = await readiness.forPerson(params.id, { canSeePrivateEvidence: false });
        return presentSideBySide(result, buildSideBySide(result), (await readiness.framework()).document);
      },
    }),
    route({
      endpoint: api.teamHeatmap,
      policy: AUTHENTICATED,
      handler: async ({ viewer, query }) => {
        const people = await reportsOf(viewer, query.scope);
        const snapshots = await freshSnapshots(people, { lastReleaseAt: lastDueRelease(viewer) });
        const { document } = await readiness.framework();
        return presentTeamHeatmap(query.scope, people, buildTeamHeatmap(document, people, snapshots), document);
      },
    }),
    route({
      endpoint: api.teamReadiness,
      policy: AUTHENTICATED,
      handler: async ({ viewer, query }) => {
        const people = await reportsOf(viewer, query.scope);
        const snapshots = await freshSnapshots(people, { lastReleaseAt: lastDueRelease(viewer) });
        const { document } = await readiness.framework();
        const entries = buildReadinessList(people, snapshots, query.sort, query.order);
        return presentTeamReadiness(query, people, entries, document);
      },
    }),
    route({
      endpoint: api.orgReadiness,
      policy: ADMIN,
      handler: async ({ query }) => {
        const { document, filter, filters } = await orgFilter(query);
        // Summed in the database from the snapshots: one row per level × team × verdict, not per person.
        return presentOrgReadiness(await readOrgReadiness(services, filter), filters, document);
      },
    }),
    route({
      endpoint: api.orgHeatmap,
      policy: ADMIN,
      handler: async ({ query }) => {
        const { document, filter, filters } = await orgFilter(query);
        return presentOrgHeatmap(await readOrgHeatmap(services, filter), filters, document);
      },
    }),
    route({
      endpoint: api.getSettings,
      policy: AUTHENTICATED,
      handler: async () => presentReadinessSettings(await readiness.settings()),
    }),
    route({
      endpoint: api.updateSettings,
      policy: ADMIN,
      handler: async ({ viewer, body }) => {
        const before = await readiness.settings();
        const saved = await readiness.updateSettings(body);
        await audit.record({
          kind: "write",
          actorId: viewer.personId,
          action: "settings.readiness.update",
          targetType: "settings",
          targetId: "readiness",
          details: { before, after: saved },
        });
        // Every stored readiness used the old weights or k.
        const stored = (await readinessSnapshots.list()).map((s) => s.personId);
        for (let i = 0; i < stored.length; i += REFRESH_CHUNK) {
          await readiness.refreshSnapshots(stored.slice(i, i + REFRESH_CHUNK));
        }
        return presentReadinessSettings(saved);
      },
    }),
    route({
      endpoint: api.migrateAssessments,
      policy: ADMIN,
      handler: async ({ viewer, params, body }) => {
        const summary = await services.assessmentMigration.migrate(
          params.framework,
          body.fromVersion === undefined ? {} : { fromVersion: body.fromVersion },
        );
        if (summary.assessments > 0) {
          await audit.record({
            kind: "write",
            actorId: viewer.personId,
            action: "assessments.migrate",
            targetType: "framework",
            targetId: summary.framework,
            details: { ...summary },
          });
        }
        return summary;
      },
    }),
  ];
}
