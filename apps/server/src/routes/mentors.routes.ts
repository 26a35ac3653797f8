import { ACTIVE_FRAMEWORK_SLUG, AUTHENTICATED, MentorService, subject } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../app.ts";
import { presentMentorSuggestions } from "../presenters/mentor.ts";

export function buildMentorService(
  services: Pick<AppServices, "people" | "frameworks" | "mentorAvailability" | "mentorSnapshots">,
): MentorService {
  return new MentorService({
    people: services.people,
    snapshots: services.mentorSnapshots,
    availability: services.mentorAvailability,
    activeFramework: async () => {
      const latest = await services.frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest");
      return { document: latest.document, version: latest.version };
    },
  });
}

export function mentorsRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.mentors;
  const mentors = buildMentorService(services);

  return [
    route({
      endpoint: api.suggest,
      // About a person's gap: the person and the managers above them, as for readiness.
      policy: subject("id", "self", "managementChain"),
      handler: async ({ params, query }) =>
        presentMentorSuggestions(
          await mentors.suggest(params.id, {
            competencyId: query.competency,
            ...(query.target ? { targetLevelId: query.target } : {}),
            isOutsideChain: query.outsideChain,
          }),
        ),
    }),
    route({
      endpoint: api.getMyAvailability,
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => ({ isAvailable: await mentors.isAvailable(viewer) }),
    }),
    route({
      endpoint: api.setMyAvailability,
      policy: AUTHENTICATED,
      handler: async ({ viewer, body }) => ({ isAvailable: await mentors.setAvailable(viewer, body.isAvailable) }),
    }),
  ];
}
