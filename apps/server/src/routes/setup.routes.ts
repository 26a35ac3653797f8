import { ADMIN } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";

export function setupRoutes(services: AppServices): RouteSpec[] {
  return [
    route({
      endpoint: endpoints.setup.checklist,
      policy: ADMIN,
      handler: async ({ viewer }) => ({ steps: await services.setupChecklist.checklist(viewer) }),
    }),
  ];
}
