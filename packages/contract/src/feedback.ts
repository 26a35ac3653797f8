import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";
import { ZPlainText } from "./plain-text.ts";
import { ZLevelRef, ZPersonLink } from "./people.ts";

export const ZFeedbackRelation = z.enum(["peer", "upward"]);

/**
 * A request as the person and their managers see it: who was asked, by name, and how many have
 * answered, but never who answered nor any score.
 */
export const ZFeedbackRequest = z
  .object({
    id: z.uuid(),
    subject: ZPersonLink,
    relation: ZFeedbackRelation,
    message: z.string(),
    dueAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    /** Closed by hand or by reaching the due date: only then are the answers released, as aggregates. */
    status: z.enum(["open", "closed"]),
    requestedBy: ZPersonLink.nullable(),
    /** The colleagues asked, by name only, in alphabetical order (not the order they answered in). */
    invited: z.array(z.object({ name: z.string() })),
    answeredCount: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "FeedbackRequest" });

/** A request asking the viewer, for the feedback form. Level descriptors come from the framework API. */
export const ZFeedbackInvitation = z
  .object({
    id: z.uuid(),
    subject: ZPersonLink.extend({ level: ZLevelRef.nullable() }),
    relation: ZFeedbackRelation,
    message: z.string(),
    dueAt: z.iso.datetime(),
    requestedBy: ZPersonLink.nullable(),
  })
  .meta({ id: "FeedbackInvitation" });

export const ZCreateFeedbackRequestBody = z.strictObject({
  relation: ZFeedbackRelation,
  raterIds: z.array(z.uuid()).min(1).max(LIMITS.feedbackRaters),
  dueAt: z.iso.datetime({ offset: true }).describe("When the request closes by itself; in the future"),
  message: ZPlainText.max(LIMITS.longText).default(""),
});

const ZPersonParams = z.object({ id: z.uuid() });

export const feedbackEndpoints = {
  create: defineEndpoint({
    operationId: "createFeedbackRequest",
    method: "POST",
    path: "/api/people/:id/feedback-requests",
    summary:
      "Ask named colleagues for peer (or, from direct reports, upward) feedback about a person, with a due " +
      "date; the person themself or a manager above them asks",
    tag: "feedback",
    params: ZPersonParams,
    body: ZCreateFeedbackRequestBody,
    response: ZFeedbackRequest,
    successStatus: 201,
  }),
  listAbout: defineEndpoint({
    operationId: "listFeedbackRequestsAbout",
    method: "GET",
    path: "/api/people/:id/feedback-requests",
    summary: "Feedback requests about a person: who was asked and how many answered, never who answered or how",
    tag: "feedback",
    params: ZPersonParams,
    response: z.object({ requests: z.array(ZFeedbackRequest) }),
  }),
  close: defineEndpoint({
    operationId: "closeFeedbackRequest",
    method: "POST",
    path: "/api/feedback-requests/:requestId/close",
    summary: "Close a request before its due date, releasing the answers given so far as one aggregate",
    tag: "feedback",
    params: z.object({ requestId: z.uuid() }),
    response: ZFeedbackRequest,
  }),
  listMine: defineEndpoint({
    operationId: "listMyFeedbackRequests",
    method: "GET",
    path: "/api/me/feedback-requests",
    summary: "Open requests asking you for feedback that you have not answered yet",
    tag: "feedback",
    response: z.object({ requests: z.array(ZFeedbackInvitation) }),
  }),
};

export type TFeedbackRequest = z.infer<typeof ZFeedbackRequest>;
export type TFeedbackInvitation = z.infer<typeof ZFeedbackInvitation>;
export type TCreateFeedbackRequestBody = z.input<typeof ZCreateFeedbackRequestBody>;
