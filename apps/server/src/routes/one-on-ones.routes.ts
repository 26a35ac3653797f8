import { AUTHENTICATED, type OneOnOneService } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import {
  presentHealthCheck,
  presentHealthComparison,
  presentOneOnOne,
  presentOneOnOneSummary,
  presentPrivateNote,
  type PeopleIndex,
} from "../presenters/one-on-one.ts";

/**
 * 1:1s are for their two participants only. Every route is open to any signed-in caller and the
 * service answers 404 to anyone else, admins included: a 1:1 is private content, not people data.
 */
export function oneOnOnesRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.oneOnOnes;
  const oneOnOnes = services.oneOnOneService;

  const peopleIndex = (ids: Iterable<string>): Promise<PeopleIndex> => services.peopleService.byIds(ids);
  const present = async (viewerId: string, oneOnOne: Awaited<ReturnType<OneOnOneService["get"]>>) =>
    presentOneOnOne(oneOnOne, viewerId, await peopleIndex([oneOnOne.leadId, oneOnOne.reportId]));

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
        const people = await peopleIndex(list.flatMap((o) => [o.leadId, o.reportId]));
        return { oneOnOnes: list.map((o) => presentOneOnOneSummary(o, viewer.personId, people)) };
      },
    }),
    route({
      endpoint: api.health,
      policy: AUTHENTICATED,
      handler: async ({ viewer, query }) => {
        const comparison = await oneOnOnes.health(viewer, query.with);
        const people = await peopleIndex([query.with, ...comparison.sessions.flatMap((s) => [s.leadId, s.reportId])]);
        return presentHealthComparison(comparison, query.with, people);
      },
    }),
    route({
      endpoint: api.get,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => {
        return present(viewer.personId, await oneOnOnes.get(viewer, params.id));
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
