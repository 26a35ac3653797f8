import { ADMIN, AUTHENTICATED } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentInsights } from "../presenters/insights.ts";

export function insightsRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.insights;
  const advisor = services.advisorService;

  return [
    route({
      endpoint: api.getOrgInsights,
      policy: ADMIN,
      handler: async ({ viewer }) => presentInsights(await advisor.orgInsights(viewer), "organisation"),
    }),
    route({
      endpoint: api.getTeamInsights,
      // Any signed-in person; the service keeps them inside their own subtree.
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => presentInsights(await advisor.teamInsights(viewer.personId), "team"),
    }),
  ];
}
