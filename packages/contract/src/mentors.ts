import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { ZLevelRef } from "./people.ts";
import { LIMITS } from "./limits.ts";

/** A suggested mentor: who they are and why, in words. Deliberately no score of any kind. */
export const ZMentor = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The company's own title. */
    title: z.string(),
    level: ZLevelRef,
    team: z.string(),
    /** Why they are suggested, e.g. "Meets the Director of Product expectation in Data analysis". */
    reason: z.string(),
  })
  .meta({ id: "Mentor" });

export const ZMentorSuggestions = z
  .object({
    personId: z.uuid(),
    competency: z.object({ id: z.string(), name: z.string() }),
    target: ZLevelRef,
    outsideChain: z.boolean(),
    /** Best match first. */
    mentors: z.array(ZMentor),
  })
  .meta({ id: "MentorSuggestions" });

export const ZMentoringAvailability = z.object({ isAvailable: z.boolean() }).meta({ id: "MentoringAvailability" });

export const mentorsEndpoints = {
  suggest: defineEndpoint({
    operationId: "suggestMentors",
    method: "GET",
    path: "/api/people/:id/mentors",
    summary:
      "Colleagues who could mentor a person on a gap in one competency: at or above the target level (default: " +
      "the next one), meeting their own level's and the target's expectation in it, not opted out, and outside " +
      "the person's management chain when asked. Built from readiness aggregates only; no scores are shown",
    tag: "mentors",
    params: z.object({ id: z.uuid() }),
    query: z.strictObject({
      competency: z.string().min(1).max(LIMITS.id),
      target: z.string().min(1).max(LIMITS.id).optional(),
      outsideChain: z
        .enum(["true", "false"])
        .optional()
        .transform((v) => v === "true")
        .describe("true: leave out the person's managers above and reports below"),
    }),
    response: ZMentorSuggestions,
  }),
  getMyAvailability: defineEndpoint({
    operationId: "getMyMentoringAvailability",
    method: "GET",
    path: "/api/me/mentoring",
    summary: "Whether you may be suggested as a mentor",
    tag: "mentors",
    response: ZMentoringAvailability,
  }),
  setMyAvailability: defineEndpoint({
    operationId: "setMyMentoringAvailability",
    method: "PUT",
    path: "/api/me/mentoring",
    summary: "Opt out of (or back into) being suggested as a mentor",
    tag: "mentors",
    body: z.strictObject({ isAvailable: z.boolean() }),
    response: ZMentoringAvailability,
  }),
};

export type TMentor = z.infer<typeof ZMentor>;
export type TMentorSuggestions = z.infer<typeof ZMentorSuggestions>;
export type TMentoringAvailability = z.infer<typeof ZMentoringAvailability>;
