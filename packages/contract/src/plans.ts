import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";
import { ZPlainText } from "./plain-text.ts";

const ZShortText = ZPlainText.max(LIMITS.shortText);
const ZLongText = ZPlainText.max(LIMITS.longText);
const ZListEntry = ZPlainText.min(1).max(LIMITS.shortText).regex(/\S/, "must not be blank");
const ZItemId = z.string().min(1).max(LIMITS.id);
const ZCompetencyId = z.string().min(1).max(LIMITS.id);

export const ZPlanCadence = z.enum(["monthly", "quarterly", "half-yearly", "yearly"]);
export const ZLearningKind = z.enum(["formal-education", "certification", "mentorship", "hands-on"]);
export const ZLearningStatus = z.enum(["planned", "in-progress", "done"]);

/** A warning returned beside a saved result: the save happened. */
export const ZSaveWarning = z.object({ path: z.string(), message: z.string() }).meta({ id: "SaveWarning" });

const ZEnvision = z.strictObject({
  targetLevelId: z.string().min(1).max(LIMITS.id).nullable().default(null),
  horizonMonths: z
    .number()
    .int()
    .min(LIMITS.horizonMonths.min)
    .max(LIMITS.horizonMonths.max)
    .nullable()
    .default(null)
    .describe("How far ahead, in months"),
  scopeOfInfluence: ZLongText.default(""),
  preferredIndustries: z.array(ZListEntry).max(LIMITS.planIndustries).default([]),
  impact: ZLongText.default(""),
});

const ZSelfAwareness = z.strictObject({
  strengths: z.array(ZListEntry).max(LIMITS.planListEntries).default([]),
  weaknesses: z.array(ZListEntry).max(LIMITS.planListEntries).default([]),
  interests: z.array(ZListEntry).max(LIMITS.planListEntries).default([]),
  values: z.array(ZListEntry).max(LIMITS.planListEntries).default([]),
  motivations: z.array(ZListEntry).max(LIMITS.planListEntries).default([]),
});

const ZLearningItemInput = z.strictObject({
  id: ZItemId.optional().describe("Keep the id to update an item; leave it out for a new one"),
  kind: ZLearningKind,
  title: ZListEntry,
  competencyIds: z.array(ZCompetencyId).max(LIMITS.planCompetencies).default([]),
  status: ZLearningStatus.default("planned"),
});

const ZProactiveStepInput = z.strictObject({
  id: ZItemId.optional().describe("Keep the id to update a step; leave it out for a new one"),
  text: ZListEntry,
  due: z.iso.date().nullable().default(null).describe("A past date on a new step is saved with a warning"),
  isDone: z.boolean().default(false),
});

const ZBeyondTitle = z.strictObject({
  company: ZListEntry,
  title: ZListEntry,
  responsibilities: ZLongText.default(""),
});

export const ZSavePlanBody = z.strictObject({
  envision: ZEnvision.prefault({}),
  selfAwareness: ZSelfAwareness.prefault({}),
  learning: z.array(ZLearningItemInput).max(LIMITS.planLearning).default([]),
  steps: z.array(ZProactiveStepInput).max(LIMITS.planSteps).default([]),
  beyondTitles: z.array(ZBeyondTitle).max(LIMITS.planBeyondTitles).default([]),
  cadence: ZPlanCadence.default("quarterly"),
});

/** The four steps and the titles noted elsewhere, as stored and versioned. */
export const ZPlanContent = z
  .object({
    envision: z.object({
      targetLevelId: z.string().nullable(),
      horizonMonths: z.number().int().nullable(),
      scopeOfInfluence: z.string(),
      preferredIndustries: z.array(z.string()),
      impact: z.string(),
    }),
    selfAwareness: z.object({
      strengths: z.array(z.string()),
      weaknesses: z.array(z.string()),
      interests: z.array(z.string()),
      values: z.array(z.string()),
      motivations: z.array(z.string()),
    }),
    learning: z.array(
      z.object({
        id: z.string(),
        kind: ZLearningKind,
        title: z.string(),
        competencyIds: z.array(z.string()),
        status: ZLearningStatus,
      }),
    ),
    steps: z.array(z.object({ id: z.string(), text: z.string(), due: z.iso.date().nullable(), isDone: z.boolean() })),
    beyondTitles: z.array(z.object({ company: z.string(), title: z.string(), responsibilities: z.string() })),
  })
  .meta({ id: "CareerPlanContent" });

const ZSuggestion = z.object({
  competencyId: z.string(),
  name: z.string(),
  observed: z.number(),
  expected: z.number(),
  margin: z.number().describe("observed − expected"),
});

export const ZCareerPlan = z
  .object({
    personId: z.uuid(),
    /** False for an owner who has not saved a plan yet: the plan is then empty. */
    isSaved: z.boolean(),
    plan: ZPlanContent,
    cadence: ZPlanCadence,
    isSharedWithManager: z.boolean(),
    createdAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable(),
    lastReviewedAt: z.iso.datetime().nullable(),
    nextReviewAt: z.iso.datetime().nullable(),
    isDueForReview: z.boolean(),
    /** "Look beyond titles": each title noted elsewhere, placed on this ladder. */
    beyondTitles: z.array(
      z.object({
        company: z.string(),
        title: z.string(),
        responsibilities: z.string(),
        levelId: z.string().nullable(),
        levelName: z.string().nullable(),
        confidence: z.number(),
        reason: z.string(),
      }),
    ),
    /** Drawn from readiness, for the owner only (null for anyone else): accept or ignore them. */
    suggestions: z
      .object({ targetLevelId: z.string(), strengths: z.array(ZSuggestion), weaknesses: z.array(ZSuggestion) })
      .nullable(),
    /** The four steps as the ladder describes them. */
    guide: z.array(z.object({ id: z.string(), name: z.string(), summary: z.string(), themes: z.array(z.string()) })),
  })
  .meta({ id: "CareerPlan" });

export const ZPlanChange = z
  .object({
    path: z.string().describe('The field; list items by id, e.g. "learning[l-1].status"'),
    kind: z.enum(["added", "removed", "changed"]),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "PlanChange" });

export const ZPlanReview = z
  .object({
    id: z.uuid(),
    reviewedAt: z.iso.datetime(),
    note: z.string(),
    plan: ZPlanContent,
    previousReviewId: z.uuid().nullable(),
    /** Differences from the review before; empty for the first. */
    changes: z.array(ZPlanChange),
  })
  .meta({ id: "CareerPlanReview" });

const ZPersonParams = z.object({ id: z.uuid() });

export const plansEndpoints = {
  get: defineEndpoint({
    operationId: "getCareerPlan",
    method: "GET",
    path: "/api/people/:id/plan",
    summary:
      "A person's long-term career plan. The owner always gets one (empty until saved), with suggestions from " +
      "readiness; the managers above them only once it is shared, else 404 (each such read is logged for the owner)",
    tag: "plans",
    params: ZPersonParams,
    response: ZCareerPlan,
  }),
  save: defineEndpoint({
    operationId: "saveCareerPlan",
    method: "PUT",
    path: "/api/people/:id/plan",
    summary:
      "Replace your own career plan. Unknown levels or competencies answer 400 naming the field; a past due " +
      "date on a new step is saved and reported in warnings",
    tag: "plans",
    params: ZPersonParams,
    body: ZSavePlanBody,
    response: ZCareerPlan.extend({ warnings: z.array(ZSaveWarning) }),
  }),
  review: defineEndpoint({
    operationId: "reviewCareerPlan",
    method: "POST",
    path: "/api/people/:id/plan/review",
    summary: "Mark your plan reviewed: its current content is kept as a dated version",
    tag: "plans",
    params: ZPersonParams,
    body: z.strictObject({ note: ZShortText.default("") }),
    response: ZPlanReview,
    successStatus: 201,
  }),
  listReviews: defineEndpoint({
    operationId: "listCareerPlanReviews",
    method: "GET",
    path: "/api/people/:id/plan/reviews",
    summary:
      "The reviewed versions of a plan, newest first, each with its differences from the one before, and what " +
      "changed since the last review. Same access as the plan itself",
    tag: "plans",
    params: ZPersonParams,
    response: z.object({ reviews: z.array(ZPlanReview), changesSinceLastReview: z.array(ZPlanChange) }),
  }),
  setSharing: defineEndpoint({
    operationId: "setCareerPlanSharing",
    method: "PUT",
    path: "/api/people/:id/plan/sharing",
    summary: "Share your saved plan with the managers above you, or stop sharing it",
    tag: "plans",
    params: ZPersonParams,
    body: z.strictObject({ isSharedWithManager: z.boolean() }),
    response: ZCareerPlan,
  }),
};

export type TCareerPlan = z.infer<typeof ZCareerPlan>;
export type TPlanContent = z.infer<typeof ZPlanContent>;
export type TSavePlanBody = z.input<typeof ZSavePlanBody>;
export type TPlanReview = z.infer<typeof ZPlanReview>;
export type TPlanChange = z.infer<typeof ZPlanChange>;
export type TSaveWarning = z.infer<typeof ZSaveWarning>;
