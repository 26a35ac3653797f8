import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";
import { ZPlainText } from "./plain-text.ts";
import { ZPersonLink } from "./people.ts";

/** Notes are stored verbatim and returned as JSON strings; the server checks the same limit. */
const ZNotesText = z.string().max(LIMITS.longText);

export const ZActionItem = z
  .object({ id: z.string(), text: z.string(), ownerId: z.uuid(), isDone: z.boolean() })
  .meta({ id: "OneOnOneActionItem" });

export const ZActionItemInput = z.strictObject({
  id: z.string().min(1).max(LIMITS.id).optional().describe("Keep an existing item's id; leave it out for a new item"),
  text: ZPlainText.min(1).max(LIMITS.shortText).regex(/\S/, "must not be blank"),
  ownerId: z.uuid().describe("One of the two participants"),
  isDone: z.boolean().default(false),
});

export const ZAgendaAspect = z.object({
  id: z.string(),
  name: z.string(),
  /** What the manager brings (the playbook's senior side). */
  leadBrings: z.string(),
  /** What the report brings (the playbook's junior side). */
  reportBrings: z.string(),
  prompts: z.array(z.string()),
});

export const ZAgenda = z
  .object({
    playbook: z
      .object({
        id: z.string(),
        name: z.string(),
        lowerLevelId: z.string(),
        upperLevelId: z.string(),
        /** True when the pair's levels are not this playbook's and it is the nearest pair by rank. */
        isNearestPair: z.boolean(),
      })
      .nullable(),
    /** The playbook's seven aspects in order; empty when a participant's level is unmapped. */
    aspects: z.array(ZAgendaAspect),
    /** The previous 1:1's action items that were still open. */
    carriedOver: z.array(ZActionItem),
  })
  .meta({ id: "OneOnOneAgenda" });

export const ZOneOnOneSide = z.enum(["lead", "report"]);

export const ZOneOnOneSummary = z
  .object({
    id: z.uuid(),
    /** The manager. */
    lead: ZPersonLink,
    report: ZPersonLink,
    viewerSide: ZOneOnOneSide,
    scheduledAt: z.iso.datetime(),
    playbookName: z.string().nullable(),
    openActionItemCount: z.number().int(),
  })
  .meta({ id: "OneOnOneSummary" });

export const ZOneOnOne = z
  .object({
    id: z.uuid(),
    lead: ZPersonLink,
    report: ZPersonLink,
    viewerSide: ZOneOnOneSide,
    scheduledAt: z.iso.datetime(),
    agenda: ZAgenda,
    /** Visible to the two participants only. */
    sharedNotes: z.string(),
    actionItems: z.array(ZActionItem),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "OneOnOne" });

export const ZPrivateNote = z
  .object({
    oneOnOneId: z.uuid(),
    body: z.string(),
    updatedAt: z.iso.datetime().nullable().describe("null until you first save notes on this 1:1"),
  })
  .meta({ id: "OneOnOnePrivateNote" });

const ZHealthRating = z.number().int().min(LIMITS.healthRating.min).max(LIMITS.healthRating.max);

export const ZHealthCheckBody = z.strictObject({
  ratings: z
    .record(z.string().min(1).max(LIMITS.id), ZHealthRating)
    .describe("Every aspect of the 1:1's playbook, by aspect id, rated 1 to 5"),
});

export const ZHealthCheck = z
  .object({
    id: z.uuid(),
    oneOnOneId: z.uuid(),
    raterId: z.uuid(),
    ratings: z.record(z.string(), z.number().int()),
    at: z.iso.datetime(),
  })
  .meta({ id: "HealthCheck" });

export const ZHealthComparison = z
  .object({
    with: ZPersonLink,
    sessions: z.array(
      z.object({
        oneOnOneId: z.uuid(),
        scheduledAt: z.iso.datetime(),
        lead: ZPersonLink,
        report: ZPersonLink,
        aspects: z.array(
          z.object({
            aspectId: z.string(),
            name: z.string(),
            lead: z.number().int().nullable(),
            report: z.number().int().nullable(),
            difference: z.number().int().nullable(),
          }),
        ),
        /** This session's aspects with the largest difference between the two sides. */
        largestDifference: z.array(z.string()),
      }),
    ),
    aspects: z.array(
      z.object({
        aspectId: z.string(),
        name: z.string(),
        meanDifference: z.number().nullable(),
        latestDifference: z.number().int().nullable(),
        comparedSessions: z.number().int(),
      }),
    ),
    /** The aspects the two sides see most differently over time (largest mean difference). */
    highlighted: z.array(z.string()),
  })
  .meta({ id: "HealthComparison" });

const ZOneOnOneParams = z.object({ id: z.uuid() });

export const oneOnOnesEndpoints = {
  create: defineEndpoint({
    operationId: "createOneOnOne",
    method: "POST",
    path: "/api/one-on-ones",
    summary:
      "Schedule a 1:1 with your manager or one of your direct reports. The agenda comes from the playbook of " +
      "your two levels (the nearest pair when they are not adjacent) and the previous 1:1's open action items",
    tag: "one-on-ones",
    body: z.strictObject({ withPersonId: z.uuid(), scheduledAt: z.iso.datetime({ offset: true }) }),
    response: ZOneOnOne,
    successStatus: 201,
  }),
  list: defineEndpoint({
    operationId: "listOneOnOnes",
    method: "GET",
    path: "/api/one-on-ones",
    summary: "Your 1:1s, newest first, optionally only those with one person",
    tag: "one-on-ones",
    query: z.strictObject({ with: z.uuid().optional() }),
    response: z.object({ oneOnOnes: z.array(ZOneOnOneSummary) }),
  }),
  health: defineEndpoint({
    operationId: "getCollaborationHealth",
    method: "GET",
    path: "/api/one-on-ones/health",
    summary:
      "Both sides' health checks over your 1:1s with one person, side by side over time, with the aspects " +
      "you see most differently highlighted",
    tag: "one-on-ones",
    query: z.strictObject({ with: z.uuid() }),
    response: ZHealthComparison,
  }),
  get: defineEndpoint({
    operationId: "getOneOnOne",
    method: "GET",
    path: "/api/one-on-ones/:id",
    summary: "One of your 1:1s with its agenda, shared notes and action items; anyone else's answers 404",
    tag: "one-on-ones",
    params: ZOneOnOneParams,
    response: ZOneOnOne,
  }),
  update: defineEndpoint({
    operationId: "updateOneOnOne",
    method: "PATCH",
    path: "/api/one-on-ones/:id",
    summary: "Change the shared notes or replace the action items of one of your 1:1s",
    tag: "one-on-ones",
    params: ZOneOnOneParams,
    body: z
      .strictObject({
        sharedNotes: ZNotesText.optional(),
        actionItems: z.array(ZActionItemInput).max(LIMITS.actionItems).optional(),
      })
      .refine((body) => Object.keys(body).length > 0, { message: "send at least one field to change" }),
    response: ZOneOnOne,
  }),
  getPrivateNotes: defineEndpoint({
    operationId: "getOneOnOnePrivateNotes",
    method: "GET",
    path: "/api/one-on-ones/:id/private-notes",
    summary:
      "Your own private notes on one of your 1:1s, empty until you write some. Nobody else can read them, " +
      "admins included: the other side reads only their own, and anyone else's answers 404",
    tag: "one-on-ones",
    params: ZOneOnOneParams,
    response: ZPrivateNote,
  }),
  savePrivateNotes: defineEndpoint({
    operationId: "saveOneOnOnePrivateNotes",
    method: "PUT",
    path: "/api/one-on-ones/:id/private-notes",
    summary: "Write your own private notes on one of your 1:1s",
    tag: "one-on-ones",
    params: ZOneOnOneParams,
    body: z.strictObject({ body: ZNotesText }),
    response: ZPrivateNote,
  }),
  recordHealthCheck: defineEndpoint({
    operationId: "recordHealthCheck",
    method: "POST",
    path: "/api/one-on-ones/:id/health-check",
    summary:
      "Rate each of the seven aspects of the 1:1's playbook 1 to 5 from your side; rating again replaces " +
      "your earlier answer for that 1:1",
    tag: "one-on-ones",
    params: ZOneOnOneParams,
    body: ZHealthCheckBody,
    response: ZHealthCheck,
    successStatus: 201,
  }),
  calendar: defineEndpoint({
    operationId: "downloadOneOnOneCalendar",
    method: "GET",
    path: "/api/one-on-ones/:id/calendar.ics",
    summary: "An iCalendar file (RFC 5545) for the 1:1 as a recurring event, with the agenda in its description",
    tag: "one-on-ones",
    params: ZOneOnOneParams,
    query: z.strictObject({
      repeat: z.enum(["weekly", "biweekly", "monthly"]).default("weekly"),
      minutes: z.coerce
        .number()
        .int()
        .min(LIMITS.meetingMinutes.min)
        .max(LIMITS.meetingMinutes.max)
        .default(LIMITS.meetingMinutes.default)
        .describe("How long each 1:1 lasts"),
    }),
    response: z.string().describe("The .ics file"),
    download: true,
  }),
};

export type TOneOnOne = z.infer<typeof ZOneOnOne>;
export type TOneOnOneSummary = z.infer<typeof ZOneOnOneSummary>;
export type TOneOnOneAgenda = z.infer<typeof ZAgenda>;
export type TOneOnOneActionItem = z.infer<typeof ZActionItem>;
export type TOneOnOneActionItemInput = z.input<typeof ZActionItemInput>;
export type TOneOnOnePrivateNote = z.infer<typeof ZPrivateNote>;
export type THealthCheck = z.infer<typeof ZHealthCheck>;
export type THealthComparison = z.infer<typeof ZHealthComparison>;
