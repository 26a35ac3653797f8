import { ADMIN, PUBLIC } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { DemoOrganisation } from "../demo/seed-demo.ts";

export function demoRoutes(demo: DemoOrganisation): RouteSpec[] {
  const api = endpoints.demo;
  return [
    route({
      endpoint: api.status,
      // Public so that the login page can offer the demo logins; once the demo is removed it shows nothing.
      policy: PUBLIC,
      handler: async () => {
        const status = await demo.status();
        if (!status.isLoaded) return { isLoaded: false, logins: [], others: [] };
        return {
          isLoaded: true,
          peopleCount: status.peopleCount,
          logins: status.logins,
          others: status.others,
          password: status.password,
        };
      },
    }),
    route({
      endpoint: api.load,
      policy: ADMIN,
      handler: async ({ viewer }) => demo.load(viewer),
    }),
    route({
      endpoint: api.remove,
      policy: ADMIN,
      handler: async ({ viewer }) => ({ removed: await demo.remove(viewer) }),
    }),
  ];
}
