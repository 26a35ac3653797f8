import { ADMIN, ADVICE_READERS, AUTHENTICATED } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentAdvancement, presentVpFitCheck, presentVpProfile } from "../presenters/advisor.ts";

export function advisorRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.advisor;
  const advisor = services.advisorService;

  return [
    route({
      endpoint: api.getOrgProfile,
      policy: AUTHENTICATED,
      handler: async () => ({ profile: await advisor.orgProfile() }),
    }),
    route({
      endpoint: api.setOrgProfile,
      policy: ADMIN,
      handler: async ({ viewer, body }) => ({ profile: await advisor.setOrgProfile(viewer, body) }),
    }),
    route({
      endpoint: api.getAdvancement,
      policy: ADVICE_READERS,
      handler: async ({ viewer, params }) => {
        const { advice, vpRole } = await advisor.advancementFor(viewer, params.id);
        return presentAdvancement(advice, vpRole);
      },
    }),
    route({
      endpoint: api.getVpProfile,
      policy: AUTHENTICATED,
      handler: async () => presentVpProfile(await advisor.vpRole()),
    }),
    route({
      endpoint: api.submitVpFit,
      // Always the caller's own: the route has no person parameter, so nobody can act for another.
      policy: AUTHENTICATED,
      handler: async ({ viewer, body }) => presentVpFitCheck(await advisor.submitVpFit(viewer.personId, body.answers)),
    }),
    route({
      endpoint: api.listMyVpFit,
      // The only read of VP-fit checks, and only of the caller's own: no manager or admin route exists.
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => ({
        checks: (await advisor.vpFitHistory(viewer.personId)).map(presentVpFitCheck),
      }),
    }),
  ];
}
