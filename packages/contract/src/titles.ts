import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";

export const ZTitleResolution = z
  .object({
    title: z.string(),
    levelId: z.string().nullable(),
    levelName: z.string().nullable(),
    rule: z.string().describe("The mapping rule that decided the result, e.g. corporate-rank or other-function"),
    confidence: z.number().min(0).max(1),
    reason: z.string(),
    normalized: z.string(),
  })
  .meta({ id: "TitleResolution" });

export const titleEndpoints = {
  resolve: defineEndpoint({
    operationId: "resolveTitle",
    method: "GET",
    path: "/api/titles/resolve",
    summary: "Where a company job title sits on the ladder, with a confidence and the reason",
    tag: "titles",
    query: z.strictObject({
      title: z.string().min(1).max(LIMITS.shortText),
      framework: z.string().optional().describe("Framework id or slug (default: the built-in ladder)"),
    }),
    response: ZTitleResolution,
  }),
};

export type TTitleResolution = z.infer<typeof ZTitleResolution>;
