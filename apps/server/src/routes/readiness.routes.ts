import {
  ADMIN,
  AUTHENTICATED,
  AppError,
  buildSideBySide,
  READINESS_READERS,
  type ReadinessListPosition,
  type TeamQuery,
} from "@ascent/core";
import { endpoints, type TTeamQuery } from "@ascent/contract";
import { decodeTeamCursor, encodeTeamCursor } from "../team-cursor.ts";
import { readOrgHeatmap, readOrgReadiness } from "../org-views.ts";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import {
  presentOrgHeatmap,
  presentOrgReadiness,
  presentReadinessHistory,
  presentReadinessSettings,
  presentSideBySide,
  presentTeamHeatmap,
  presentTeamReadiness,
  type TeamViewRequest,
} from "../presenters/readiness.ts";

type TeamQueryParams = TTeamQuery;

/** The contract's query as core's team query: the cursor becomes the position it names. */
function teamQuery(query: TeamQueryParams): TeamQuery {
  const after = decodeTeamCursor(query.cursor);
  return {
    scope: query.scope,
    sort: query.sort,
    order: query.order,
    limit: query.limit,
    ...(query.team === undefined ? {} : { team: query.team }),
    ...(query.level === undefined ? {} : { levelId: query.level }),
    ...(query.verdict === undefined ? {} : { verdict: query.verdict }),
    ...(after === undefined ? {} : { after }),
  };
}

function teamRequest(query: TeamQueryParams, next: ReadinessListPosition | null): TeamViewRequest {
  return {
    sort: query.sort,
    order: query.order,
    filters: { team: query.team ?? null, level: query.level ?? null, verdict: query.verdict ?? null },
    nextCursor: encodeTeamCursor(next),
  };
}

export function readinessRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.readiness;
  const { readiness, readinessResponses, teamReadiness } = services;

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

  return [
    route({
      endpoint: api.forPerson,
      policy: READINESS_READERS,
      handler: async ({ viewer, params, query }) =>
        readinessResponses.forViewer(
          viewer,
          params.id,
          query.target === undefined ? {} : { targetLevelId: query.target },
        ),
    }),
    route({
      endpoint: api.history,
      policy: READINESS_READERS,
      handler: async ({ viewer, params }) => {
        const [{ targetLevelId, points }, { document }] = await Promise.all([
          readiness.history(viewer, params.id),
          readiness.framework(),
        ]);
        return presentReadinessHistory(params.id, document, targetLevelId, points);
      },
    }),
    route({
      endpoint: api.sideBySide,
      policy: READINESS_READERS,
      handler: async ({ viewer, params }) => {
        // Evidence plays no part here, so none is loaded beyond what the person shares.
        const result = await readiness.sharedReadinessFor(viewer, params.id);
        return presentSideBySide(result, buildSideBySide(result), (await readiness.framework()).document);
      },
    }),
    route({
      endpoint: api.teamHeatmap,
      policy: AUTHENTICATED,
      handler: async ({ viewer, query }) => {
        const view = await teamReadiness.heatmap(viewer, teamQuery(query));
        const next = view.mode === "people" ? view.page.next : null;
        return presentTeamHeatmap(query.scope, teamRequest(query, next), view);
      },
    }),
    route({
      endpoint: api.teamReadiness,
      policy: AUTHENTICATED,
      handler: async ({ viewer, query }) => {
        const { people, page, document } = await teamReadiness.list(viewer, teamQuery(query));
        return presentTeamReadiness(teamRequest(query, page.next), people, page, document);
      },
    }),
    route({
      endpoint: api.orgReadiness,
      policy: ADMIN,
      handler: async ({ viewer, query }) => {
        const { document, filter, filters } = await orgFilter(query);
        // Summed in the database from the snapshots: one row per level × team × verdict, not per person.
        return presentOrgReadiness(await readOrgReadiness(services, viewer, filter), filters, document);
      },
    }),
    route({
      endpoint: api.orgHeatmap,
      policy: ADMIN,
      handler: async ({ viewer, query }) => {
        const { document, filter, filters } = await orgFilter(query);
        return presentOrgHeatmap(await readOrgHeatmap(services, viewer, filter), filters, document);
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
      handler: async ({ viewer, body }) => presentReadinessSettings(await readiness.updateSettings(viewer, body)),
    }),
    route({
      endpoint: api.migrateAssessments,
      policy: ADMIN,
      handler: async ({ viewer, params, body }) =>
        services.assessmentMigration.migrate(params.framework, {
          by: viewer,
          ...(body.fromVersion === undefined ? {} : { fromVersion: body.fromVersion }),
        }),
    }),
  ];
}
