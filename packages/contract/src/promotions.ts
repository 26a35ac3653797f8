import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";
import { ZPlainText } from "./plain-text.ts";
import { ZGroupSummary } from "./readiness.ts";

const ZCaseStatus = z.enum(["draft", "submitted", "in-review", "decided"]);
const ZOutcome = z.enum(["approved", "deferred", "declined"]);
const ZVote = z.enum(["approve", "defer", "decline"]);
const ZCaseParams = z.object({ id: z.uuid() });
const ZReason = ZPlainText.min(1).max(LIMITS.longText).regex(/\S/, "must not be blank");

const ZSection = z.object({ competencyId: z.string().min(1).max(LIMITS.id), text: z.string() });

export const ZPromotionCase = z
  .object({
    id: z.uuid(),
    person: z.object({ id: z.uuid(), name: z.string() }),
    fromLevelId: z.string().nullable(),
    toLevelId: z.string(),
    nominatedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    cycleId: z.uuid().nullable(),
    status: ZCaseStatus,
    managerCase: z.array(ZSection),
    committeeId: z.uuid().nullable(),
    submittedAt: z.iso.datetime({ offset: true }).nullable(),
    decision: z
      .object({
        outcome: ZOutcome,
        rationale: z.string(),
        effectiveDate: z.iso.date().nullable(),
        decidedAt: z.iso.datetime({ offset: true }),
        isApplied: z.boolean(),
      })
      .nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "PromotionCase" });

export const ZCommittee = z
  .object({
    id: z.uuid(),
    name: z.string(),
    minRank: z.number().int().nullable(),
    maxRank: z.number().int().nullable(),
    team: z.string().nullable(),
    chair: z.object({ id: z.uuid(), name: z.string() }),
    members: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: "PromotionCommittee" });

export const ZCaseView = z
  .object({
    case: ZPromotionCase,
    roles: z.array(z.enum(["admin", "candidate", "nominator", "committee"])),
    committee: ZCommittee.nullable(),
    votes: z
      .array(
        z.object({
          member: z.object({ id: z.uuid(), name: z.string() }),
          vote: ZVote,
          reason: z.string(),
          at: z.iso.datetime({ offset: true }),
        }),
      )
      .nullable()
      .describe("For the committee and admins only; null for the candidate and the nominator"),
    comments: z
      .array(z.object({ id: z.uuid(), author: z.string(), body: z.string(), at: z.iso.datetime({ offset: true }) }))
      .nullable(),
  })
  .meta({ id: "PromotionCaseView" });

export const ZPromotionPacket = z
  .object({
    assembledAt: z.iso.datetime({ offset: true }),
    candidate: z.object({ id: z.uuid(), name: z.string(), title: z.string(), team: z.string() }),
    fromLevel: z.object({ id: z.string(), name: z.string() }).nullable(),
    toLevel: z.object({ id: z.string(), name: z.string() }),
    frameworkVersion: z.number().int(),
    readiness: z.object({
      score: z.number(),
      verdict: z.enum(["ready", "almost", "not-yet"]),
      blockers: z.array(z.string()),
      k: z.number().int(),
    }),
    competencies: z.array(
      z.object({
        competencyId: z.string(),
        name: z.string(),
        expected: z.number(),
        weight: z.number(),
        observed: z.number().nullable(),
        status: z.enum(["meets", "near", "below", "unknown"]),
        isCorroborated: z.boolean(),
        gap: z.number().nullable(),
        groups: z.object({ self: ZGroupSummary, manager: ZGroupSummary, peer: ZGroupSummary, upward: ZGroupSummary }),
        evidence: z.array(z.object({ id: z.string(), title: z.string(), date: z.string() })),
        managerCase: z.string(),
      }),
    ),
    achievedGoals: z.array(
      z.object({ title: z.string(), competencyId: z.string(), achievedAt: z.string().nullable() }),
    ),
    planSteps: z
      .array(z.object({ text: z.string(), due: z.string().nullable(), isDone: z.boolean() }))
      .describe("The career plan's proactive steps, only when the person shares the plan with their manager"),
    calibrationNotes: z.array(z.object({ at: z.string(), change: z.string(), reason: z.string() })),
  })
  .meta({ id: "PromotionPacket" });

export const ZPipelineStats = z.object({
  nominations: z.number().int(),
  decided: z.number().int(),
  approved: z.number().int(),
  medianDaysToDecision: z.number().nullable(),
  byLevel: z.array(
    z.object({
      levelId: z.string(),
      nominations: z.number().int(),
      approved: z.number().int(),
      decided: z.number().int(),
    }),
  ),
  equity: z
    .array(z.object({ team: z.string(), decided: z.number().int(), approvalRate: z.number() }))
    .describe("Approval rate per team, only for teams with at least k decided cases"),
  hiddenTeams: z.number().int().describe("Teams left out of the equity view for having fewer than k decided cases"),
  k: z.number().int(),
});

const ZCaseFilter = z.strictObject({
  status: ZCaseStatus.optional(),
  cycleId: z.uuid().optional(),
  toLevelId: z.string().max(LIMITS.id).optional(),
  team: z.string().max(LIMITS.shortText).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
});

const TAG = "promotions";

export const promotionsEndpoints = {
  list: defineEndpoint({
    operationId: "listPromotionCases",
    method: "GET",
    path: "/api/promotions",
    summary:
      "The pipeline: every case for admins; otherwise the cases you are the candidate, nominator or committee of",
    tag: TAG,
    query: ZCaseFilter,
    response: z.object({ cases: z.array(ZPromotionCase) }),
  }),
  nominate: defineEndpoint({
    operationId: "nominateForPromotion",
    method: "POST",
    path: "/api/promotions",
    summary: "A manager nominates a direct report for a higher level (any track); one open case per person",
    tag: TAG,
    body: z.strictObject({
      personId: z.uuid(),
      toLevelId: z.string().min(1).max(LIMITS.id),
      cycleId: z.uuid().nullable().optional(),
    }),
    response: ZCaseView,
    successStatus: 201,
  }),
  requestNomination: defineEndpoint({
    operationId: "requestPromotionNomination",
    method: "POST",
    path: "/api/promotions/requests",
    summary: "Ask your manager to nominate you for a higher level; they are told, nothing is opened until they do",
    tag: TAG,
    body: z.strictObject({
      toLevelId: z.string().min(1).max(LIMITS.id),
      note: ZPlainText.max(LIMITS.longText).default(""),
    }),
    response: z.object({ requested: z.literal(true) }),
    successStatus: 202,
  }),
  get: defineEndpoint({
    operationId: "getPromotionCase",
    method: "GET",
    path: "/api/promotions/:id",
    summary: "A case: its stage and decision; votes and comments only for the committee and admins",
    tag: TAG,
    params: ZCaseParams,
    response: ZCaseView,
  }),
  writeCase: defineEndpoint({
    operationId: "writePromotionCase",
    method: "PUT",
    path: "/api/promotions/:id/case",
    summary: "The nominator writes the case, one section per competency of the target level, while it is a draft",
    tag: TAG,
    params: ZCaseParams,
    body: z.strictObject({
      sections: z
        .array(
          z.strictObject({ competencyId: z.string().min(1).max(LIMITS.id), text: ZPlainText.max(LIMITS.longText) }),
        )
        .max(LIMITS.promotionCaseSections),
    }),
    response: ZCaseView,
  }),
  submit: defineEndpoint({
    operationId: "submitPromotionCase",
    method: "POST",
    path: "/api/promotions/:id/submit",
    summary: "The nominator submits the case to a committee; the packet is frozen from then on",
    tag: TAG,
    params: ZCaseParams,
    body: z.strictObject({ committeeId: z.uuid() }),
    response: ZCaseView,
  }),
  packet: defineEndpoint({
    operationId: "getPromotionPacket",
    method: "GET",
    path: "/api/promotions/:id/packet",
    summary: "The packet (frozen at submission); each read by someone other than the candidate is logged for them",
    tag: TAG,
    params: ZCaseParams,
    response: z.object({ packet: ZPromotionPacket }),
  }),
  packetPdf: defineEndpoint({
    operationId: "downloadPromotionPacketPdf",
    method: "GET",
    path: "/api/promotions/:id/packet.pdf",
    summary: "The packet as a PDF",
    tag: TAG,
    params: ZCaseParams,
    response: z.string().describe("application/pdf"),
    download: true,
  }),
  packetMarkdown: defineEndpoint({
    operationId: "downloadPromotionPacketMarkdown",
    method: "GET",
    path: "/api/promotions/:id/packet.md",
    summary: "The packet as Markdown",
    tag: TAG,
    params: ZCaseParams,
    response: z.string().describe("text/markdown"),
    download: true,
  }),
  comment: defineEndpoint({
    operationId: "commentOnPromotionCase",
    method: "POST",
    path: "/api/promotions/:id/comments",
    summary: "A committee member comments on a submitted case",
    tag: TAG,
    params: ZCaseParams,
    body: z.strictObject({ body: ZReason }),
    response: ZCaseView,
    successStatus: 201,
  }),
  vote: defineEndpoint({
    operationId: "voteOnPromotionCase",
    method: "POST",
    path: "/api/promotions/:id/votes",
    summary: "A committee member votes (approve, defer, decline) with a reason; a second vote replaces the first",
    tag: TAG,
    params: ZCaseParams,
    body: z.strictObject({ vote: ZVote, reason: ZReason }),
    response: ZCaseView,
  }),
  declareConflict: defineEndpoint({
    operationId: "declarePromotionConflict",
    method: "POST",
    path: "/api/promotions/:id/conflicts",
    summary: "A committee member declares a conflict of interest; it is recorded and they take no further part",
    tag: TAG,
    params: ZCaseParams,
    body: z.strictObject({ note: ZReason }),
    response: ZCaseView,
  }),
  decide: defineEndpoint({
    operationId: "decidePromotionCase",
    method: "POST",
    path: "/api/promotions/:id/decision",
    summary:
      "The chair records the decision with its rationale; an approval names the day the new level takes effect " +
      "(at most a year back)",
    tag: TAG,
    params: ZCaseParams,
    body: z.strictObject({ outcome: ZOutcome, rationale: ZReason, effectiveDate: z.iso.date().nullable().optional() }),
    response: ZCaseView,
  }),
  stats: defineEndpoint({
    operationId: "getPromotionStats",
    method: "GET",
    path: "/api/promotions/stats",
    summary:
      "Admin: nominations, approvals by level, time to decision, and approval rates by team where each has ≥ k cases",
    tag: TAG,
    query: z.strictObject({ cycleId: z.uuid().optional() }),
    response: ZPipelineStats,
  }),
  committees: defineEndpoint({
    operationId: "listPromotionCommittees",
    method: "GET",
    path: "/api/promotion-committees",
    summary: "The promotion committees, with their chairs and members",
    tag: TAG,
    response: z.object({ committees: z.array(ZCommittee) }),
  }),
  createCommittee: defineEndpoint({
    operationId: "createPromotionCommittee",
    method: "POST",
    path: "/api/promotion-committees",
    summary: "Admin: set up a committee for a band of target levels or a team",
    tag: TAG,
    body: z.strictObject({
      name: ZPlainText.min(1).max(LIMITS.shortText).regex(/\S/, "must not be blank"),
      minRank: z.number().int().min(1).max(100).nullable().default(null),
      maxRank: z.number().int().min(1).max(100).nullable().default(null),
      team: ZPlainText.max(LIMITS.shortText).nullable().default(null),
      chairId: z.uuid(),
      memberIds: z.array(z.uuid()).max(LIMITS.committeeMembers),
    }),
    response: ZCommittee,
    successStatus: 201,
  }),
};

export type TPromotionCase = z.infer<typeof ZPromotionCase>;
export type TPromotionCaseView = z.infer<typeof ZCaseView>;
export type TPromotionPacket = z.infer<typeof ZPromotionPacket>;
export type TPromotionCommittee = z.infer<typeof ZCommittee>;
export type TPipelineStats = z.infer<typeof ZPipelineStats>;
