import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";

/** The server's release: the `ascent` command compares it with its own before it sends anything. */
export const ZHealth = z.object({ status: z.literal("ok"), version: z.string() });
export const ZReadiness = z.object({
  status: z.literal("ok"),
  database: z.object({ driver: z.enum(["pglite", "postgres"]), latencyMs: z.number() }),
  /** The readiness warm-up: until it is done, team and person reads come from the kept snapshots. */
  warmup: z.object({ state: z.enum(["pending", "warming", "done"]), people: z.number().int() }),
});

export const healthEndpoints = {
  health: defineEndpoint({
    operationId: "health",
    method: "GET",
    path: "/healthz",
    summary: "The process is up, and its version",
    tag: "health",
    response: ZHealth,
  }),
  ready: defineEndpoint({
    operationId: "ready",
    method: "GET",
    path: "/readyz",
    summary: "The database answers, and whether the readiness warm-up is done",
    tag: "health",
    response: ZReadiness,
  }),
};
