import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { ZLevelRef, ZPersonLink } from "./people.ts";

export const ZBenchStatus = z.enum(["ready", "almost", "not-yet", "no-candidates", "too-small"]);

export const ZOrgInsights = z
  .object({
    /** The whole organisation (admins) or the caller and everyone below them. */
    scope: z.enum(["organisation", "team"]),
    /** The anonymity threshold the bench respects. */
    k: z.number().int(),
    headcount: z.object({
      total: z.number().int(),
      /** Every level of the ladder, in order, with zero where nobody sits. */
      byLevel: z.array(z.object({ level: ZLevelRef, count: z.number().int() })),
      /** People whose title is not placed on the ladder. */
      unplaced: z.number().int(),
    }),
    spans: z.object({
      managers: z.array(
        z.object({ manager: ZPersonLink, level: ZLevelRef.nullable(), directReports: z.number().int() }),
      ),
      /** null when nobody in scope manages anyone. */
      summary: z
        .object({
          managers: z.number().int(),
          min: z.number(),
          median: z.number(),
          max: z.number(),
          mean: z.number(),
        })
        .nullable(),
    }),
    /** Depth of the reporting tree, the top being layer 1. */
    layers: z.number().int(),
    pmsPerDirector: z.object({
      /** Everyone on the ladder's manager track, with the individual contributors below them. */
      directors: z.array(z.object({ director: ZPersonLink, level: ZLevelRef, pmCount: z.number().int() })),
      pmTotal: z.number().int(),
      /** null when nobody in scope is on the manager track. */
      ratio: z.number().nullable(),
    }),
    bench: z.object({
      /**
       * Each role at Director level or above and how ready the people on the level just below it are for
       * it, as counts only. Counts are null when the role is too small to show.
       */
      roles: z.array(
        z.object({
          holder: ZPersonLink,
          level: ZLevelRef,
          status: ZBenchStatus,
          candidates: z.number().int().nullable(),
          ready: z.number().int().nullable(),
          almost: z.number().int().nullable(),
        }),
      ),
      summary: z.object({
        roles: z.number().int(),
        withReadySuccessor: z.number().int(),
        withAlmostSuccessor: z.number().int(),
        withoutSuccessor: z.number().int(),
        tooSmall: z.number().int(),
      }),
    }),
  })
  .meta({ id: "OrgInsights" });

export const insightsEndpoints = {
  getOrgInsights: defineEndpoint({
    operationId: "getOrgInsights",
    method: "GET",
    path: "/api/org/insights",
    summary:
      "Organisation insights (admins): headcount per level, spans of control, layers, PMs per director and the " +
      "bench behind each leadership role, never below the anonymity threshold",
    tag: "insights",
    response: ZOrgInsights,
  }),
  getTeamInsights: defineEndpoint({
    operationId: "getTeamInsights",
    method: "GET",
    path: "/api/team/insights",
    summary: "The same insights over the caller and everyone below them",
    tag: "insights",
    response: ZOrgInsights,
  }),
};

export type TOrgInsights = z.infer<typeof ZOrgInsights>;
