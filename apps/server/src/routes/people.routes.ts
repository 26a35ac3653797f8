import { ADMIN, AUTHENTICATED, PROFILE_READERS } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import {
  presentOrgNode,
  presentPerson,
  presentPersonCard,
  presentLevelChange,
  presentPersonSummary,
  presentReport,
} from "../presenters/person.ts";

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
      policy: PROFILE_READERS,
      handler: async ({ viewer, params }) => presentPerson(await people.profile(viewer, params.id)),
    }),
    route({
      endpoint: api.create,
      policy: ADMIN,
      handler: async ({ viewer, body, reply }) => {
        const person = await people.create(body, viewer);
        reply.header("location", `/api/people/${person.id}`);
        return presentPerson(await people.profile(viewer, person.id));
      },
    }),
    route({
      endpoint: api.update,
      policy: ADMIN,
      handler: async ({ viewer, params, body }) => {
        const { levelChangeReason, ...patch } = body;
        const { person } = await people.update(params.id, patch, viewer, { levelChangeReason });
        return presentPerson(await people.profile(viewer, person.id));
      },
    }),
    route({
      endpoint: api.deactivate,
      policy: ADMIN,
      handler: async ({ viewer, params }) => {
        const { person, warnings } = await people.deactivate(params.id, viewer);
        return { person: presentPerson(await people.profile(viewer, person.id)), warnings };
      },
    }),
    route({
      endpoint: api.levelHistory,
      policy: PROFILE_READERS,
      handler: async ({ viewer, params }) => {
        const entries = await people.levelHistory(viewer, params.id);
        const [levels, authors] = await Promise.all([
          people.levelIndex(),
          people.byIds(entries.flatMap((entry) => (entry.changedBy ? [entry.changedBy] : []))),
        ]);
        return { entries: entries.map((entry) => presentLevelChange(entry, levels, authors)) };
      },
    }),
    route({
      endpoint: api.chain,
      policy: PROFILE_READERS,
      handler: async ({ viewer, params }) => ({
        chain: (await people.chain(viewer, params.id)).map(presentPersonCard),
      }),
    }),
    route({
      endpoint: api.reports,
      policy: PROFILE_READERS,
      handler: async ({ viewer, params, query }) => {
        const [reports, levels] = await Promise.all([
          people.reports(viewer, params.id, query.depth),
          people.levelIndex(),
        ]);
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
