import { AUTHENTICATED, subject } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentEvidence, presentTagSuggestions } from "../presenters/evidence.ts";

export function evidenceRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.evidence;
  const evidence = services.evidenceService;

  return [
    route({
      endpoint: api.list,
      // Private content: the owner and the managers above them (shared entries only); no admin access.
      policy: subject("id", "self", "managementChain"),
      handler: async ({ viewer, params }) => {
        const view = await evidence.list(viewer, params.id);
        return { evidence: view.entries.map(presentEvidence), scope: view.scope };
      },
    }),
    route({
      endpoint: api.create,
      policy: subject("id", "self"),
      handler: async ({ viewer, params, body, reply }) => {
        const created = await evidence.create(viewer, params.id, body);
        reply.header("location", `/api/evidence/${created.id}`);
        return presentEvidence(created);
      },
    }),
    route({
      endpoint: api.update,
      // Owner only: the service answers 404 to anyone else.
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) =>
        presentEvidence(await evidence.update(viewer, params.evidenceId, body)),
    }),
    route({
      endpoint: api.delete,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => {
        await evidence.delete(viewer, params.evidenceId);
        return null;
      },
    }),
    route({
      endpoint: api.suggestTags,
      policy: AUTHENTICATED,
      handler: async ({ viewer, body }) => presentTagSuggestions(await evidence.suggestTags(viewer, body)),
    }),
  ];
}
