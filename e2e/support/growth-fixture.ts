import { ApiError, endpoints } from "@ascent/contract";
import type { HttpSession } from "./http-session.ts";

/**
 * Submits one assessment of `subjectId` by the session's person, with these scores, through the
 * assessments API: start (or resume) a draft, save the ratings, submit.
 */
export async function submitRatings(
  rater: HttpSession,
  subjectId: string,
  relation: "self" | "manager",
  scores: Record<string, number>,
): Promise<void> {
  const call = rater.client.call;
  const draft = await call(endpoints.assessments.start, { body: { subjectId, relation } });
  await call(endpoints.assessments.saveRatings, {
    params: { assessmentId: draft.id },
    body: { ratings: Object.entries(scores).map(([competencyId, score]) => ({ competencyId, score })) },
  });
  await call(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
}

/** The observed value the readiness rule gives one self and one manager score (weights self 1, manager 3). */
export const observedOf = (self: number, manager: number) => (self * 1 + manager * 3) / 4;

/** A calendar day this many days from today (UTC), yyyy-mm-dd. */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The ApiError a call fails with; fails the test when the call succeeds. */
export async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}
