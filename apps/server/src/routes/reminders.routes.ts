import { ADMIN } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";

export function remindersRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.reminders;
  const { reminders } = services;
  return [
    route({
      endpoint: api.remindLate,
      policy: ADMIN,
      handler: async ({ viewer, params }) => {
        const { reminded, alreadyReminded } = await reminders.remindLatePeople(viewer, params.cycleId);
        return { reminded, alreadyReminded };
      },
    }),
  ];
}
