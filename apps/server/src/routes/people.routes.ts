import { ADMIN, AUTHENTICATED, subject } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import {
  presentOrgNode,
  presentPerson,
  presentPersonCard,
  presentPersonSummary,
  presentReport,
} from "../presenters/person.ts";

/** The person themself, the managers above them, and admins (who manage people). */
const SELF_CHAIN_OR_ADMIN = subject("id", "self", "managementChain", "admin");

export function peopleRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.people;
  const { peopleService: people } = services;

  return [
    route({
      endpoint: api.directory,
      policy: AUTHENTICATED,
      // Names, titles and teams are what colleagues know of each other anyway; nothing else is shown.
      handler: async ({ query }) => {
        const found = await people.directory(query);
        return { people: found.people.map(({ id, name, title, team }) => ({ id, name, title, team })) };
      },
    }),
    route({
      endpoint: api.list,
      policy: AUTHENTICATED,
      handler: async ({ viewer, query }) => {
        const [found, levels] = await Promise.all([people.list(viewer, query), people.levelIndex()]);
        return {
          people: found.people.map((person) => presentPersonSummary(person, levels)),
          total: found.total,
          scope: viewer.isAdmin ? ("everyone" as const) : ("reportingChain" as const),
        };
      },
    }),
    route({
      endpoint: api.get,
      policy: SELF_CHAIN_OR_ADMIN,
      handler: async ({ params }) => presentPerson(await people.profile(params.id)),
    }),
    route({
      endpoint: api.create,
      policy: ADMIN,
      handler: async ({ viewer, body, reply }) => {
        const person = await people.create(body, viewer);
        reply.header("location", `/api/people/${person.id}`);
        return presentPerson(await people.profile(person.id));
      },
    }),
    route({
      endpoint: api.update,
      policy: ADMIN,
      handler: async ({ viewer, params, body }) => {
        const { person } = await people.update(params.id, body, viewer);
        return presentPerson(await people.profile(person.id));
      },
    }),
    route({
      endpoint: api.deactivate,
      policy: ADMIN,
      handler: async ({ viewer, params }) => {
        const { person, warnings } = await people.deactivate(params.id, viewer);
        return { person: presentPerson(await people.profile(person.id)), warnings };
      },
    }),
    route({
      endpoint: api.chain,
      policy: SELF_CHAIN_OR_ADMIN,
      handler: async ({ params }) => ({ chain: (await people.chain(params.id)).map(presentPersonCard) }),
    }),
    route({
      endpoint: api.reports,
      policy: SELF_CHAIN_OR_ADMIN,
      handler: async ({ params, query }) => {
        const [reports, levels] = await Promise.all([people.reports(params.id, query.depth), people.levelIndex()]);
        return { reports: reports.map((report) => presentReport(report, levels)), total: reports.length };
      },
    }),
    route({
      endpoint: api.orgChart,
      // Any signed-in person; the service keeps non-admins inside their own subtree.
      policy: AUTHENTICATED,
      handler: async ({ viewer, query }) => {
        const [roots, levels] = await Promise.all([
          people.orgChart(viewer, {
            ...(query.root ? { rootId: query.root } : {}),
            ...(query.depth ? { maxDepth: query.depth } : {}),
          }),
          people.levelIndex(),
        ]);
        return { roots: roots.map((root) => presentOrgNode(root, levels)) };
      },
    }),
  ];
}
