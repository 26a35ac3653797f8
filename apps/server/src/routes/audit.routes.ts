import { ADMIN, AUTHENTICATED, AppError, type AuditEvent, type AuditFilter, type Person } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../app.ts";
import { presentAccessLogEntry, presentAuditCsv, presentAuditEvent } from "../presenters/audit.ts";

const EXPORT_PAGE = 1000;

export function auditRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.audit;
  const { audit, people } = services;

  /** The people the events name, looked up in one query. */
  async function peopleIn(events: readonly AuditEvent[]): Promise<Map<string, Person>> {
    const ids = [...new Set(events.flatMap((e) => [e.actorId, e.subjectId]).filter((id): id is string => Boolean(id)))];
    if (ids.length === 0) return new Map();
    const found = await people.list({ ids, limit: ids.length });
    return new Map(found.people.map((person) => [person.id, person]));
  }

  /** One page plus the cursor for the next: a full page means there may be more. */
  async function page(filter: AuditFilter & { limit: number }) {
    const events = await audit.list(filter);
    const last = events.at(-1);
    return { events, nextBefore: events.length === filter.limit && last ? last.id : null };
  }

  return [
    route({
      endpoint: api.list,
      policy: ADMIN,
      handler: async ({ query }) => {
        // Admins manage people, not private content: who read whose plan is the owner's to see.
        if (query.kind === "read") {
          throw new AppError("forbidden", "Admins see the write log only; reads are shown to the people read");
        }
        const { events, nextBefore } = await page({
          kind: "write",
          limit: query.limit,
          ...(query.actorId ? { actorId: query.actorId } : {}),
          ...(query.subjectId ? { subjectId: query.subjectId } : {}),
          ...(query.before ? { before: query.before } : {}),
        });
        const named = await peopleIn(events);
        return { events: events.map((event) => presentAuditEvent(event, named)), nextBefore };
      },
    }),
    route({
      endpoint: api.exportCsv,
      policy: ADMIN,
      handler: async ({ query }) => {
        const events: AuditEvent[] = [];
        for (let before: number | undefined; ;) {
          const batch = await page({
            kind: "write",
            limit: EXPORT_PAGE,
            ...(query.actorId ? { actorId: query.actorId } : {}),
            ...(query.subjectId ? { subjectId: query.subjectId } : {}),
            ...(before ? { before } : {}),
          });
          events.push(...batch.events);
          if (batch.nextBefore === null) break;
          before = batch.nextBefore;
        }
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
        const { events, nextBefore } = await page({
          kind: "read",
          subjectId: viewer.personId,
          limit: query.limit,
          ...(query.before ? { before: query.before } : {}),
        });
        const named = await peopleIn(events);
        return { entries: events.map((event) => presentAccessLogEntry(event, named)), nextBefore };
      },
    }),
  ];
}
