import { ACTIVE_FRAMEWORK_SLUG, AUTHENTICATED, EvidenceService, subject } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../app.ts";
import { presentEvidence, presentTagSuggestions } from "../presenters/evidence.ts";

/** The evidence use cases over the services' repositories. */
export function buildEvidenceService(
  services: Pick<AppServices, "evidence" | "people" | "frameworks">,
): EvidenceService {
  return new EvidenceService({
    evidence: services.evidence,
    people: services.people,
    activeFramework: async () => {
      const latest = await services.frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest");
      return { document: latest.document, version: latest.version };
    },
  });
}

export function evidenceRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.evidence;
  const evidence = buildEvidenceService(services);

  return [
    route({
      endpoint: api.list,
      // Private content: the owner and the managers above them (shared entries only); no admin access.
      policy: subject("id", "self", "managementChain"),
      handler: async ({ viewer, params }) => {
        const view = await evidence.list(viewer, params.id);
        // DESIGN §5: every read of someone else's evidence is logged, and the owner sees that log.
        if (viewer.personId !== params.id && view.entries.length > 0) {
          await services.audit.record({
            kind: "read",
            actorId: viewer.personId,
            action: "evidence.read",
            subjectId: params.id,
            targetType: "evidence",
            targetId: params.id,
            details: { evidenceIds: view.entries.map((e) => e.id) },
          });
        }
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
