import { ADMIN } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentCycleRaterEffects } from "../presenters/rater-effects.ts";

export function raterEffectsRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.raterEffects;
  return [
    route({
      endpoint: api.getCycleRaterEffects,
      policy: ADMIN,
      handler: async ({ viewer, params }) =>
        presentCycleRaterEffects(await services.raterEffects.raterEffectsForCycle(viewer, params.id)),
    }),
  ];
}
