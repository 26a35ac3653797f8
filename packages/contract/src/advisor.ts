import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { ZLevelRef } from "./people.ts";
import { LIMITS } from "./limits.ts";

export const ZOrgStage = z.enum(["startup", "medium", "large"]);
export const ZProductReportsTo = z.enum(["CEO", "Engineering", "Marketing", "CPO"]);
export const ZBusinessModel = z.enum(["B2B", "B2C"]);

export const ZOrgProfile = z
  .strictObject({
    stage: ZOrgStage.describe("start-up, medium or large product organisation"),
    pmCount: z.number().int().min(0).max(LIMITS.pmCount).describe("How many product managers the organisation has"),
    productReportsTo: ZProductReportsTo,
    businessModel: ZBusinessModel,
  })
  .meta({ id: "OrgProfile" });

export const ZOrgProfileView = z.object({
  /** null until an admin describes the organisation. */
  profile: ZOrgProfile.nullable(),
});

export const ZVpTrait = z.object({ id: z.string(), name: z.string(), description: z.string() });

export const ZVpRole = z
  .object({
    summary: z.string(),
    traits: z.array(ZVpTrait),
    /** Where the role leads, and a word of caution before aiming at it. */
    beyond: z.string(),
  })
  .meta({ id: "VpRole" });

export const ZAdvisedPath = z
  .object({
    id: z.string(),
    kind: z.enum(["up", "lateral", "startup-trade", "power-role"]),
    name: z.string(),
    reason: z.string(),
    /** "limited": the path exists in this shape, and the reason says why it is narrow. */
    outlook: z.enum(["open", "limited"]),
    /** "elsewhere": taking it means moving to another company. */
    setting: z.enum(["here", "elsewhere"]),
  })
  .meta({ id: "AdvisedPath" });

export const ZOrgShapeView = z.object({ id: ZOrgStage, name: z.string(), description: z.string(), advice: z.string() });

export const ZNextStep = z
  .object({
    /** Null for the step beyond the ladder (a CMO or CEO candidacy). */
    level: ZLevelRef.nullable(),
    name: z.string(),
    description: z.string(),
  })
  .meta({ id: "NextStep" });

export const ZAdvisedNote = z
  .object({
    id: z.string(),
    name: z.string(),
    text: z.string(),
    /** "step-to-vp": about reaching the VP role; "vp-role": about holding it. */
    concerns: z.enum(["step-to-vp", "vp-role"]),
    /** The source the point comes from, as "author, title". */
    citation: z.string(),
  })
  .meta({ id: "AdvisedNote" });

export const ZChartShape = z
  .object({
    pmCount: z.number().int(),
    hasProductVp: z.boolean(),
    hasCpo: z.boolean(),
    /** Null when the org chart does not show whom product reports to. */
    productReportsTo: ZProductReportsTo.nullable(),
  })
  .meta({ id: "ChartShape" });

const ZLevelAdvice = {
  /** The next levels up to and including the next executive one; from an executive, the step beyond. */
  nextSteps: z.array(ZNextStep),
  notes: z.array(ZAdvisedNote),
  /** What the org chart shows about the organisation's shape. */
  chart: ZChartShape.nullable(),
};

export const ZAdvancement = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("advised"),
      level: ZLevelRef,
      profile: ZOrgProfile,
      shape: ZOrgShapeView,
      /** The paths to a VP title; empty from the VP level up. */
      paths: z.array(ZAdvisedPath),
      /** Where the admin's profile and the org chart differ; the advice uses the chart. */
      disagreements: z.array(
        z.object({
          field: z.enum(["pmCount", "productReportsTo"]),
          profile: z.union([z.string(), z.number()]),
          chart: z.union([z.string(), z.number()]),
        }),
      ),
      vpRole: ZVpRole,
      ...ZLevelAdvice,
    }),
    z.object({
      status: z.literal("no-profile"),
      level: ZLevelRef,
      explanation: z.string(),
      vpRole: ZVpRole,
      ...ZLevelAdvice,
    }),
    z.object({
      status: z.literal("below-director"),
      /** null while the person's title is not placed on the ladder. */
      level: ZLevelRef.nullable(),
      explanation: z.string(),
      directorLevel: ZLevelRef,
      nextLevel: ZLevelRef.nullable(),
      vpRole: ZVpRole,
    }),
  ])
  .meta({ id: "Advancement" });

export const ZVpProfile = ZVpRole.extend({
  reflections: z.array(z.object({ id: z.string(), statement: z.string(), traitId: z.string() })),
  scale: z.object({ min: z.number().int(), max: z.number().int() }),
  thresholds: z.object({ strengthAt: z.number(), watchOutAt: z.number() }),
}).meta({ id: "VpProfile" });

export const ZVpFitAnswers = z.record(
  z.string().min(1).max(LIMITS.id),
  z.number().int().min(LIMITS.vpFitAnswer.min).max(LIMITS.vpFitAnswer.max),
);

export const ZSubmitVpFitBody = z.strictObject({
  answers: ZVpFitAnswers.describe("Every reflection of the VP self-check, rated 1 (not like me) to 5 (very like me)"),
});

export const ZVpFitCheck = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    answers: z.record(z.string(), z.number()),
    traits: z.array(
      z.object({
        traitId: z.string(),
        name: z.string(),
        description: z.string(),
        /** Mean rating of the trait's statements; null when none was answered. */
        mean: z.number().nullable(),
        answered: z.number().int(),
        band: z.enum(["strength", "watch-out", "middle", "unanswered"]),
      }),
    ),
    strengths: z.array(z.string()),
    watchOuts: z.array(z.string()),
    overallMean: z.number().nullable(),
  })
  .meta({ id: "VpFitCheck" });

export const advisorEndpoints = {
  getOrgProfile: defineEndpoint({
    operationId: "getOrgProfile",
    method: "GET",
    path: "/api/org/profile",
    summary: "The organisation's shape for the advancement advisor: stage, PMs, reporting line, business model",
    tag: "advisor",
    response: ZOrgProfileView,
  }),
  setOrgProfile: defineEndpoint({
    operationId: "setOrgProfile",
    method: "PUT",
    path: "/api/org/profile",
    summary: "Describe the organisation's shape (admins)",
    tag: "advisor",
    body: ZOrgProfile,
    response: ZOrgProfileView,
  }),
  getAdvancement: defineEndpoint({
    operationId: "getAdvancement",
    method: "GET",
    path: "/api/people/:id/advancement",
    summary:
      "The advancement paths open to a Director or above in the organisation's shape, each with its reason, " +
      "and the VP of Product role; below Director, where the person's next step is instead",
    tag: "advisor",
    params: z.object({ id: z.uuid() }),
    response: ZAdvancement,
  }),
  getVpProfile: defineEndpoint({
    operationId: "getVpProfile",
    method: "GET",
    path: "/api/advisor/vp-profile",
    summary: "The VP of Product role profile and the statements of the VP-fit self-check",
    tag: "advisor",
    response: ZVpProfile,
  }),
  submitVpFit: defineEndpoint({
    operationId: "submitVpFit",
    method: "POST",
    path: "/api/me/vp-fit",
    summary: "Take the VP-fit self-check: stored privately, returned as strengths and watch-outs",
    tag: "advisor",
    body: ZSubmitVpFitBody,
    response: ZVpFitCheck,
    successStatus: 201,
  }),
  listMyVpFit: defineEndpoint({
    operationId: "listMyVpFit",
    method: "GET",
    path: "/api/me/vp-fit",
    summary: "Your own VP-fit self-checks, newest first. Nobody else can read them",
    tag: "advisor",
    response: z.object({ checks: z.array(ZVpFitCheck) }),
  }),
};

export type TOrgProfile = z.infer<typeof ZOrgProfile>;
export type TAdvancement = z.infer<typeof ZAdvancement>;
export type TAdvisedPath = z.infer<typeof ZAdvisedPath>;
export type TNextStep = z.infer<typeof ZNextStep>;
export type TAdvisedNote = z.infer<typeof ZAdvisedNote>;
export type TVpRole = z.infer<typeof ZVpRole>;
export type TVpProfile = z.infer<typeof ZVpProfile>;
export type TVpFitCheck = z.infer<typeof ZVpFitCheck>;
