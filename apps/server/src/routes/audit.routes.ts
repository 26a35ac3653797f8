import { ADMIN, AUTHENTICATED, type AuditEvent } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentAccessLogEntry, presentAuditCsv, presentAuditEvent } from "../presenters/audit.ts";

export function auditRoutes(services: Pick<AppServices, "auditLog" | "peopleService">): RouteSpec[] {
  const api = endpoints.audit;
  const { auditLog, peopleService } = services;

  /** The people the events name, looked up in one query. */
  const peopleIn = (events: readonly AuditEvent[]) =>
    peopleService.byIds(events.flatMap((e) => [e.actorId, e.subjectId]).filter((id): id is string => Boolean(id)));

  const filters = (query: { actorId?: string | undefined; subjectId?: string | undefined }) => ({
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.subjectId ? { subjectId: query.subjectId } : {}),
  });

  return [
    route({
      endpoint: api.list,
      policy: ADMIN,
      handler: async ({ viewer, query }) => {
        const { events, nextBefore } = await auditLog.writes(viewer, {
          ...filters(query),
          limit: query.limit,
          ...(query.kind ? { kind: query.kind } : {}),
          ...(query.before ? { before: query.before } : {}),
        });
        const named = await peopleIn(events);
        return { events: events.map((event) => presentAuditEvent(event, named)), nextBefore };
      },
    }),
    route({
      endpoint: api.exportCsv,
      policy: ADMIN,
      handler: async ({ viewer, query }) => {
        const events = await auditLog.allWrites(viewer, filters(query));
        return {
          fileName: `ascent-audit-${new Date().toISOString().slice(0, 10)}.csv`,
          contentType: "text/csv; charset=utf-8",
          content: presentAuditCsv(events, await peopleIn(events)),
        };
      },
    }),
    route({
      endpoint: api.myAccessLog,
      policy: AUTHENTICATED,
      handler: async ({ viewer, query }) => {
        const { events, nextBefore } = await auditLog.accessLog(viewer, {
          limit: query.limit,
          ...(query.before ? { before: query.before } : {}),
        });
        const named = await peopleIn(events);
        return { entries: events.map((event) => presentAccessLogEntry(event, named)), nextBefore };
      },
    }),
  ];
}
