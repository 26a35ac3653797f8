import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";
import { ZPersonLink } from "./people.ts";

export const ZAssessmentRelation = z.enum(["self", "manager", "peer", "upward"]);

const ZCompetencyId = z.string().min(1).max(LIMITS.id);

/**
 * Evidence text is stored verbatim: HTML or script in it stays text, is returned as a JSON string,
 * and the web app renders it as text.
 */
export const ZEvidenceText = z.string().max(LIMITS.evidenceText);

export const ZAssessmentRatingInput = z.strictObject({
  competencyId: ZCompetencyId,
  score: z.number().nullable().describe("On the framework's scale (checked by the server); null leaves it unanswered"),
  evidence: ZEvidenceText.default(""),
  confidence: z
    .number()
    .int()
    .min(LIMITS.ratingConfidence.min)
    .max(LIMITS.ratingConfidence.max)
    .nullable()
    .optional()
    .describe("How sure the rater is, 1 to 5"),
  evidenceIds: z
    .array(z.uuid())
    .max(LIMITS.evidencePerRating)
    .default([])
    .describe("Evidence entries of the person rated"),
});

export const ZAssessmentRating = z.object({
  competencyId: z.string(),
  score: z.number().nullable(),
  evidence: z.string(),
  confidence: z.number().int().nullable(),
  evidenceIds: z.array(z.string()),
});

export const ZAssessmentOrigin = z.object({
  frameworkVersion: z.number().int(),
  levelId: z.string(),
  ratings: z.array(ZAssessmentRating),
  migrations: z.array(z.object({ fromVersion: z.number().int(), toVersion: z.number().int(), at: z.string() })),
});

export const ZAssessment = z
  .object({
    id: z.uuid(),
    subject: ZPersonLink,
    rater: ZPersonLink,
    relation: ZAssessmentRelation,
    status: z.enum(["draft", "submitted"]),
    frameworkId: z.uuid(),
    /** The framework version the ratings were given on, which may be older than the latest. */
    frameworkVersion: z.number().int(),
    /** The level the person was rated against. */
    levelId: z.string(),
    feedbackRequestId: z.uuid().nullable(),
    /** For a correction: the submitted assessment it replaces. */
    supersedesId: z.uuid().nullable(),
    submittedAt: z.iso.datetime().nullable(),
    /**
     * Set when a framework migration carried this assessment onto a newer version: the version, level
     * and ratings it was given on, and each move since. Null for an assessment on its own version.
     */
    migratedFrom: ZAssessmentOrigin.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    ratings: z.array(ZAssessmentRating),
  })
  .meta({ id: "Assessment" });

/** A submitted self or manager assessment, as the person and the managers above them see it. */
export const ZAttributedAssessment = ZAssessment.extend({
  /** A later submitted correction by the same rater replaces it. */
  isSuperseded: z.boolean(),
}).meta({ id: "AttributedAssessment" });

export const ZStartAssessmentBody = z.strictObject({
  subjectId: z.uuid(),
  relation: ZAssessmentRelation,
  feedbackRequestId: z.uuid().optional().describe("Required for peer and upward feedback"),
});

export const ZSaveRatingsBody = z.strictObject({ ratings: z.array(ZAssessmentRatingInput).max(LIMITS.ratingsPerSave) });

const ZAssessmentParams = z.object({ assessmentId: z.uuid() });

export const assessmentsEndpoints = {
  start: defineEndpoint({
    operationId: "startAssessment",
    method: "POST",
    path: "/api/assessments",
    summary:
      "Start, or resume, your draft assessment of someone: yourself (self), a direct report (manager), or a " +
      "colleague who asked you through a feedback request (peer, upward)",
    tag: "assessments",
    body: ZStartAssessmentBody,
    response: ZAssessment,
  }),
  get: defineEndpoint({
    operationId: "getAssessment",
    method: "GET",
    path: "/api/assessments/:assessmentId",
    summary: "One of your own assessments; anyone else's answers 404",
    tag: "assessments",
    params: ZAssessmentParams,
    response: ZAssessment,
  }),
  saveRatings: defineEndpoint({
    operationId: "saveAssessmentRatings",
    method: "PUT",
    path: "/api/assessments/:assessmentId/ratings",
    summary: "Autosave: replace the ratings of your draft, checked against its framework version",
    tag: "assessments",
    params: ZAssessmentParams,
    body: ZSaveRatingsBody,
    response: ZAssessment,
  }),
  submit: defineEndpoint({
    operationId: "submitAssessment",
    method: "POST",
    path: "/api/assessments/:assessmentId/submit",
    summary: "Submit your draft; it can no longer change (a second submit answers 409 already_submitted)",
    tag: "assessments",
    params: ZAssessmentParams,
    response: ZAssessment,
  }),
  correct: defineEndpoint({
    operationId: "correctAssessment",
    method: "POST",
    path: "/api/assessments/:assessmentId/correction",
    summary: "Start a correction of your submitted self or manager assessment: a new draft that supersedes it",
    tag: "assessments",
    params: ZAssessmentParams,
    response: ZAssessment,
    successStatus: 201,
  }),
  listMine: defineEndpoint({
    operationId: "listMyAssessments",
    method: "GET",
    path: "/api/me/assessments",
    summary: "Your own drafts and submitted assessments, with the names of the people rated",
    tag: "assessments",
    response: z.object({ assessments: z.array(ZAssessment) }),
  }),
  listAbout: defineEndpoint({
    operationId: "listAssessmentsAbout",
    method: "GET",
    path: "/api/people/:id/assessments",
    summary:
      "Submitted self and manager assessments about a person, for them and the managers above them. Peer and " +
      "upward answers are never listed: they show only as aggregates in readiness",
    tag: "assessments",
    params: z.object({ id: z.uuid() }),
    response: z.object({ assessments: z.array(ZAttributedAssessment) }),
  }),
};

export type TAssessmentRelation = z.infer<typeof ZAssessmentRelation>;
export type TAssessmentRating = z.infer<typeof ZAssessmentRating>;
export type TAssessmentRatingInput = z.input<typeof ZAssessmentRatingInput>;
export type TAssessment = z.infer<typeof ZAssessment>;
export type TAttributedAssessment = z.infer<typeof ZAttributedAssessment>;
