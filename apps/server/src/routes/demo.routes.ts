import { ADMIN, PUBLIC } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { demoStatus, removeDemo } from "../demo/seed-demo.ts";

export function demoRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.demo;
  return [
    route({
      endpoint: api.status,
      // Public so that the login page can offer the demo logins; once the demo is removed it shows nothing.
      policy: PUBLIC,
      handler: async () => {
        const status = await demoStatus(services);
        if (!status.isLoaded) return { isLoaded: false, logins: [] };
        return {
          isLoaded: true,
          peopleCount: status.peopleCount,
          logins: status.logins,
          password: status.password,
        };
      },
    }),
    route({
      endpoint: api.remove,
      policy: ADMIN,
      handler: async ({ viewer }) => ({ removed: await removeDemo(services, { actorId: viewer.personId }) }),
    }),
  ];
}
