import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";
import { ZPlainText } from "./plain-text.ts";
import { ZSaveWarning } from "./plans.ts";

const ZGoalTitle = ZPlainText.min(1).max(LIMITS.shortText).regex(/\S/, "must not be blank");
const ZActionText = ZPlainText.min(1).max(LIMITS.shortText).regex(/\S/, "must not be blank");
const ZScaleValue = z.number().min(0).max(LIMITS.percent).describe("On the ladder's scale (checked by the server)");

export const ZGoalStatus = z.enum(["active", "achieved", "dropped"]);

const ZGoalActionInput = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(LIMITS.id)
    .optional()
    .describe("Keep the id to update an action; leave it out for a new one"),
  text: ZActionText,
  isDone: z.boolean().default(false),
});

export const ZGoal = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    competencyId: z.string(),
    /** The competency's name in the framework in force; the id when it is no longer there. */
    competencyName: z.string(),
    title: z.string(),
    /** The observed value when the goal was set; null when nobody had rated it yet. */
    from: z.number().nullable(),
    target: z.number(),
    due: z.iso.date().nullable(),
    status: ZGoalStatus,
    isSharedWithManager: z.boolean(),
    actions: z.array(z.object({ id: z.string(), text: z.string(), isDone: z.boolean() })),
    checkIns: z.array(
      z.object({ id: z.uuid(), at: z.iso.datetime(), progress: z.number().nullable(), note: z.string() }),
    ),
    createdAt: z.iso.datetime(),
    achievedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "DevelopmentGoal" });

/** One dated moment on the "My growth" timeline. */
export const ZGoalTimelineEntry = z
  .object({
    at: z.iso.datetime(),
    kind: z.enum(["goal-created", "check-in", "goal-achieved"]),
    goalId: z.uuid(),
    competencyId: z.string(),
    /** The goal's title, or the check-in's note. */
    title: z.string(),
    progress: z.number().nullable(),
  })
  .meta({ id: "GoalTimelineEntry" });

export const ZCreateGoalBody = z
  .strictObject({
    competencyId: z.string().min(1).max(LIMITS.id),
    targetLevelId: z
      .string()
      .min(1)
      .max(LIMITS.id)
      .optional()
      .describe("From a gap (no target given): the level whose expectation is the target; default the next level"),
    from: ZScaleValue.nullable().optional().describe("Explicit goals only; default the observed value now"),
    target: ZScaleValue.optional().describe("Leave out to make the goal from the readiness gap"),
    title: ZGoalTitle.optional(),
    due: z.iso.date().nullable().optional().describe("A past date is saved with a warning"),
    actions: z.array(ZGoalActionInput).max(LIMITS.goalActions).optional(),
    isSharedWithManager: z.boolean().default(true),
  })
  .refine((body) => body.target !== undefined || body.from === undefined, {
    message: "give a target with an explicit from",
    path: ["target"],
  });

export const ZUpdateGoalBody = z
  .strictObject({
    title: ZGoalTitle.optional(),
    target: ZScaleValue.optional(),
    due: z.iso.date().nullable().optional(),
    actions: z.array(ZGoalActionInput).max(LIMITS.goalActions).optional(),
    status: z
      .enum(["active", "dropped"])
      .optional()
      .describe("Readiness marks goals achieved; you drop or reopen them"),
    isSharedWithManager: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "send at least one field to change" });

export const ZCheckInBody = z.strictObject({
  progress: z.number().min(0).max(LIMITS.percent).nullable().optional().describe("How far along, 0–100"),
  note: ZPlainText.min(1).max(LIMITS.longText).regex(/\S/, "must not be blank"),
});

const ZGoalParams = z.object({ goalId: z.uuid() });
const ZSavedGoal = z.object({ goal: ZGoal, warnings: z.array(ZSaveWarning) });

export const goalsEndpoints = {
  list: defineEndpoint({
    operationId: "listGoals",
    method: "GET",
    path: "/api/people/:id/goals",
    summary:
      "A person's development goals with their check-ins and a dated timeline: all of them for the owner, the " +
      "shared ones for the managers above (each such read is logged for the owner). Goals whose competency " +
      "now reaches its target are marked achieved",
    tag: "goals",
    params: z.object({ id: z.uuid() }),
    response: z.object({
      goals: z.array(ZGoal),
      scope: z.enum(["all", "shared"]),
      /** Each goal competency's observed value now (null when unrated): progress towards the targets. */
      observed: z.record(z.string(), z.number().nullable()),
      timeline: z.array(ZGoalTimelineEntry),
    }),
  }),
  create: defineEndpoint({
    operationId: "createGoal",
    method: "POST",
    path: "/api/people/:id/goals",
    summary:
      "Set yourself a goal: from a readiness gap in one click ({competencyId, targetLevelId?}: from = observed, " +
      "target = expected), or explicitly with a target",
    tag: "goals",
    params: z.object({ id: z.uuid() }),
    body: ZCreateGoalBody,
    response: ZSavedGoal,
    successStatus: 201,
  }),
  update: defineEndpoint({
    operationId: "updateGoal",
    method: "PATCH",
    path: "/api/goals/:goalId",
    summary: "Change one of your goals: title, target, due date, actions, sharing; drop or reopen it",
    tag: "goals",
    params: ZGoalParams,
    body: ZUpdateGoalBody,
    response: ZSavedGoal,
  }),
  checkIn: defineEndpoint({
    operationId: "checkInGoal",
    method: "POST",
    path: "/api/goals/:goalId/check-ins",
    summary: "Add a dated progress note to one of your active goals",
    tag: "goals",
    params: ZGoalParams,
    body: ZCheckInBody,
    response: ZGoal,
    successStatus: 201,
  }),
  delete: defineEndpoint({
    operationId: "deleteGoal",
    method: "DELETE",
    path: "/api/goals/:goalId",
    summary: "Delete one of your goals; anyone else's answers 404",
    tag: "goals",
    params: ZGoalParams,
    response: z.null(),
    successStatus: 204,
  }),
};

export type TGoal = z.infer<typeof ZGoal>;
export type TGoalTimelineEntry = z.infer<typeof ZGoalTimelineEntry>;
export type TCreateGoalBody = z.input<typeof ZCreateGoalBody>;
export type TUpdateGoalBody = z.input<typeof ZUpdateGoalBody>;
export type TCheckInBody = z.input<typeof ZCheckInBody>;
