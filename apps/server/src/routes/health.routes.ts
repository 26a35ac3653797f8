import { PUBLIC } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route } from "../route-table.ts";
import { APP_VERSION } from "../version.ts";
import type { DatabaseProbe } from "../composition-root.ts";
import type { WarmupStatus } from "../readiness-warmer.ts";

export function healthRoutes(database: DatabaseProbe, warmup: WarmupStatus) {
  return [
    route({
      endpoint: endpoints.health.health,
      policy: PUBLIC,
      handler: async () => ({ status: "ok" as const, version: APP_VERSION }),
    }),
    route({
      endpoint: endpoints.health.ready,
      policy: PUBLIC,
      handler: async () => {
        const started = performance.now();
        await database.ping();
        return {
          status: "ok" as const,
          database: { driver: database.driver, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
          warmup: { state: warmup.state, people: warmup.people },
        };
      },
    }),
  ];
}
