import { AUTHENTICATED, MENTOR_SEEKERS } from "@ascent/core";
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
      policy: MENTOR_SEEKERS,
      handler: async ({ viewer, params, query }) =>
        presentMentorSuggestions(
          await mentors.suggest(viewer, params.id, {
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
