import { randomUUID } from "node:crypto";
import { ACTIVE_FRAMEWORK_SLUG, AUTHENTICATED, OneOnOneService, otherParticipant, type Person } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../app.ts";
import {
  presentHealthCheck,
  presentHealthComparison,
  presentOneOnOne,
  presentOneOnOneSummary,
  presentPrivateNote,
  type PeopleIndex,
} from "../presenters/one-on-one.ts";

/** The 1:1 use cases over the services' repositories. */
export function buildOneOnOneService(
  services: Pick<AppServices, "oneOnOnes" | "people" | "frameworks">,
): OneOnOneService {
  return new OneOnOneService({
    oneOnOnes: services.oneOnOnes,
    people: services.people,
    activeFramework: async () => {
      const latest = await services.frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest");
      return { document: latest.document, version: latest.version };
    },
    newId: randomUUID,
  });
}

async function peopleIndex(services: Pick<AppServices, "people">, ids: Iterable<string>): Promise<PeopleIndex> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await services.people.list({ ids: unique, limit: unique.length });
  return new Map<string, Person>(found.people.map((person) => [person.id, person]));
}

/**
 * 1:1s are for their two participants only. Every route is open to any signed-in caller and the
 * service answers 404 to anyone else, admins included: a 1:1 is private content, not people data.
 */
export function oneOnOnesRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.oneOnOnes;
  const oneOnOnes = buildOneOnOneService(services);

  const present = async (viewerId: string, oneOnOne: Awaited<ReturnType<OneOnOneService["get"]>>) =>
    presentOneOnOne(oneOnOne, viewerId, await peopleIndex(services, [oneOnOne.leadId, oneOnOne.reportId]));

  return [
    route({
      endpoint: api.create,
      policy: AUTHENTICATED,
      handler: async ({ viewer, body, reply }) => {
        const created = await oneOnOnes.create(viewer, {
          withPersonId: body.withPersonId,
          scheduledAt: new Date(body.scheduledAt),
        });
        reply.header("location", `/api/one-on-ones/${created.id}`);
        return present(viewer.personId, created);
      },
    }),
    route({
      endpoint: api.list,
      policy: AUTHENTICATED,
      handler: async ({ viewer, query }) => {
        const list = await oneOnOnes.list(viewer, query.with);
        const people = await peopleIndex(
          services,
          list.flatMap((o) => [o.leadId, o.reportId]),
        );
        return { oneOnOnes: list.map((o) => presentOneOnOneSummary(o, viewer.personId, people)) };
      },
    }),
    route({
      endpoint: api.health,
      policy: AUTHENTICATED,
      handler: async ({ viewer, query }) => {
        const comparison = await oneOnOnes.health(viewer, query.with);
        const people = await peopleIndex(services, [
          query.with,
          ...comparison.sessions.flatMap((s) => [s.leadId, s.reportId]),
        ]);
        return presentHealthComparison(comparison, query.with, people);
      },
    }),
    route({
      endpoint: api.get,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => {
        const oneOnOne = await oneOnOnes.get(viewer, params.id);
        // DESIGN §5: reads of notes that are not only yours are logged, and the other side sees that log.
        if (oneOnOne.sharedNotes.length > 0) {
          await services.audit.record({
            kind: "read",
            actorId: viewer.personId,
            action: "one_on_one.shared_notes.read",
            subjectId: otherParticipant(oneOnOne, viewer.personId),
            targetType: "one_on_one",
            targetId: oneOnOne.id,
          });
        }
        return present(viewer.personId, oneOnOne);
      },
    }),
    route({
      endpoint: api.update,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) =>
        present(viewer.personId, await oneOnOnes.update(viewer, params.id, body)),
    }),
    route({
      endpoint: api.getPrivateNotes,
      // The author only: the service reads the viewer's own notes and nobody else's.
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => presentPrivateNote(await oneOnOnes.privateNote(viewer, params.id)),
    }),
    route({
      endpoint: api.savePrivateNotes,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) =>
        presentPrivateNote(await oneOnOnes.savePrivateNote(viewer, params.id, body.body)),
    }),
    route({
      endpoint: api.recordHealthCheck,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) =>
        presentHealthCheck(await oneOnOnes.recordHealthCheck(viewer, params.id, body.ratings)),
    }),
    route({
      endpoint: api.calendar,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, query }) => {
        const file = await oneOnOnes.calendar(viewer, params.id, {
          repeat: query.repeat,
          durationMinutes: query.minutes,
        });
        return { fileName: file.fileName, contentType: "text/calendar; charset=utf-8", content: file.content };
      },
    }),
  ];
}
