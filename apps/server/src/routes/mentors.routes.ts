import { AUTHENTICATED, subject } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentMentorSuggestions } from "../presenters/mentor.ts";

export function mentorsRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.mentors;
  const mentors = services.mentorService;

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
