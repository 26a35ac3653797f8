import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";

export const ZRaterEffect = z
  .object({
    /** The manager's person id. Peer and upward raters are never listed. */
    raterId: z.uuid(),
    /** Leniency (> 0) or severity (< 0) in scale points, against the cycle's average rating. */
    offset: z.number(),
    /** The offset's standard error in scale points (docs/decisions/0006). */
    standardError: z.number().nonnegative(),
    /** How many scores the manager gave in the cycle. */
    ratings: z.number().int().nonnegative(),
    /** False when no other rater scored the same people on the same competencies: the offset is then 0 by default. */
    identifiable: z.boolean(),
  })
  .meta({ id: "RaterEffect" });

export const ZCycleRaterEffects = z
  .object({
    /** Managers (attributed raters) only, the most lenient first. */
    raters: z.array(ZRaterEffect),
  })
  .meta({ id: "CycleRaterEffects" });

export const raterEffectsEndpoints = {
  getCycleRaterEffects: defineEndpoint({
    operationId: "getCycleRaterEffects",
    method: "GET",
    path: "/api/cycles/:id/rater-effects",
    summary:
      "Each manager's estimated leniency or severity in a review cycle (admins): an additive offset with its " +
      "standard error, the number of ratings and whether overlap with other raters makes it identifiable",
    tag: "cycles",
    params: z.object({ id: z.uuid() }),
    response: ZCycleRaterEffects,
  }),
};

export type TRaterEffect = z.infer<typeof ZRaterEffect>;
export type TCycleRaterEffects = z.infer<typeof ZCycleRaterEffects>;
