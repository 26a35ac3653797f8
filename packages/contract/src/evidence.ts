import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";
import { ZPlainText } from "./plain-text.ts";
import { ZEvidenceText } from "./assessments.ts";

const ZEvidenceTitle = ZPlainText.min(1).max(LIMITS.shortText).regex(/\S/, "must not be blank");
/** Links are shown as links: only http and https, never javascript: or data:. */
const ZEvidenceLink = z.url({ protocol: /^https?$/ }).max(LIMITS.url);
const ZCompetencyIds = z.array(z.string().min(1).max(LIMITS.id)).max(LIMITS.evidenceCompetencies);

export const ZEvidence = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    /** The day of the achievement, yyyy-mm-dd. */
    date: z.iso.date(),
    title: z.string(),
    /** Stored verbatim: HTML in it is text, returned as a JSON string. */
    body: z.string(),
    competencyIds: z.array(z.string()),
    links: z.array(z.string()),
    isSharedWithManager: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Evidence" });

export const ZCreateEvidenceBody = z.strictObject({
  date: z.iso.date(),
  title: ZEvidenceTitle,
  body: ZEvidenceText.default(""),
  competencyIds: ZCompetencyIds.default([]).describe("Confirmed tags; suggestEvidenceTags only proposes them"),
  links: z.array(ZEvidenceLink).max(LIMITS.evidenceLinks).default([]),
  isSharedWithManager: z.boolean().default(false),
});

export const ZUpdateEvidenceBody = z
  .strictObject({
    date: z.iso.date().optional(),
    title: ZEvidenceTitle.optional(),
    body: ZEvidenceText.optional(),
    competencyIds: ZCompetencyIds.optional(),
    links: z.array(ZEvidenceLink).max(LIMITS.evidenceLinks).optional(),
    isSharedWithManager: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "send at least one field to change" });

export const ZTagSuggestions = z
  .object({
    /** The level whose descriptors were matched (the viewer's); null when they have none. */
    levelId: z.string().nullable(),
    frameworkVersion: z.number().int(),
    suggestions: z.array(
      z.object({
        competencyId: z.string(),
        name: z.string(),
        score: z.number().min(0).max(1),
        matchedWords: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: "TagSuggestions" });

const ZEvidenceParams = z.object({ evidenceId: z.uuid() });

export const evidenceEndpoints = {
  list: defineEndpoint({
    operationId: "listEvidence",
    method: "GET",
    path: "/api/people/:id/evidence",
    summary:
      "A person's evidence log, newest first: all of it for the owner, the entries shared with the manager for " +
      "the managers above them (each such read is logged for the owner)",
    tag: "evidence",
    params: z.object({ id: z.uuid() }),
    response: z.object({ evidence: z.array(ZEvidence), scope: z.enum(["all", "shared"]) }),
  }),
  create: defineEndpoint({
    operationId: "createEvidence",
    method: "POST",
    path: "/api/people/:id/evidence",
    summary: "Log an achievement in your own evidence log",
    tag: "evidence",
    params: z.object({ id: z.uuid() }),
    body: ZCreateEvidenceBody,
    response: ZEvidence,
    successStatus: 201,
  }),
  update: defineEndpoint({
    operationId: "updateEvidence",
    method: "PATCH",
    path: "/api/evidence/:evidenceId",
    summary: "Change one of your evidence entries; anyone else's answers 404",
    tag: "evidence",
    params: ZEvidenceParams,
    body: ZUpdateEvidenceBody,
    response: ZEvidence,
  }),
  delete: defineEndpoint({
    operationId: "deleteEvidence",
    method: "DELETE",
    path: "/api/evidence/:evidenceId",
    summary: "Delete one of your evidence entries; anyone else's answers 404",
    tag: "evidence",
    params: ZEvidenceParams,
    response: z.null(),
    successStatus: 204,
  }),
  suggestTags: defineEndpoint({
    operationId: "suggestEvidenceTags",
    method: "POST",
    path: "/api/evidence/suggest-tags",
    summary:
      "Up to three competencies an achievement may show, by an offline match against the competencies' wording " +
      "at your level. Suggestions only: saving keeps the tags you send",
    tag: "evidence",
    body: z.strictObject({ title: z.string().max(LIMITS.shortText), body: ZEvidenceText.default("") }),
    response: ZTagSuggestions,
  }),
};

export type TEvidence = z.infer<typeof ZEvidence>;
export type TCreateEvidenceBody = z.input<typeof ZCreateEvidenceBody>;
export type TUpdateEvidenceBody = z.input<typeof ZUpdateEvidenceBody>;
export type TTagSuggestions = z.infer<typeof ZTagSuggestions>;
