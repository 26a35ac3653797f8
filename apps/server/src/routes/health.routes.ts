import { AppError, PUBLIC } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route } from "../route-table.ts";
import { APP_VERSION } from "../version.ts";
import type { DatabaseProbe } from "../composition-root.ts";
import type { WarmupStatus } from "../readiness-warmer.ts";

/** Longer than any healthy round trip, shorter than a load balancer's probe timeout. */
const PROBE_DEADLINE_MS = 3000;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** The kind of failure only: a driver's message may name the host, never a query's parameters. */
function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : error instanceof Error ? error.name : "unknown error";
}

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
        const pending = await withDeadline(database.pendingMigrations(), PROBE_DEADLINE_MS).catch((error: unknown) => {
          throw new AppError("database_unreachable", `The database does not answer: ${describe(error)}`);
        });
        if (pending > 0) {
          throw new AppError("not_ready", `The database is being migrated: ${pending} migration(s) still to apply`);
        }
        return {
          status: "ok" as const,
          database: { driver: database.driver, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
          warmup: { state: warmup.state, people: warmup.people },
        };
      },
    }),
  ];
}
