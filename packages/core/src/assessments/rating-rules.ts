import { AppError, type ErrorDetail } from "../errors/app-error.ts";
import type { Framework } from "../framework/framework.ts";
import type { Rating } from "./assessment.ts";

/** Competencies that apply at a level: those with a weight above zero. */
export function applicableCompetencyIds(framework: Framework, levelId: string): string[] {
  const row = framework.expectations[levelId] ?? {};
  return framework.competencies.filter((c) => (row[c.id]?.weight ?? 0) > 0).map((c) => c.id);
}

/**
 * Checks ratings against the framework version an assessment records; throws naming each bad field. Lengths
 * and the confidence range are the contract's (LIMITS), checked at every edge before this runs.
 */
export function assertValidRatings(ratings: Rating[], framework: Framework, levelId: string): void {
  const applicable = new Set(applicableCompetencyIds(framework, levelId));
  const known = new Set(framework.competencies.map((c) => c.id));
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  ratings.forEach((rating, index) => {
    const at = `ratings[${index}]`;
    if (!known.has(rating.competencyId)) {
      details.push({
        path: `${at}.competencyId`,
        message: `"${rating.competencyId}" is not a competency of this framework version`,
      });
    } else if (!applicable.has(rating.competencyId)) {
      details.push({ path: `${at}.competencyId`, message: `"${rating.competencyId}" does not apply at this level` });
    }
    if (seen.has(rating.competencyId)) details.push({ path: `${at}.competencyId`, message: "rated twice" });
    seen.add(rating.competencyId);
    const { min, max } = framework.scale;
    if (rating.score !== null && (!Number.isFinite(rating.score) || rating.score < min || rating.score > max)) {
      details.push({ path: `${at}.score`, message: `must be between ${min} and ${max}` });
    }
  });
  if (details.length > 0) {
    throw new AppError("validation_failed", `Invalid ratings: ${details[0]?.path} ${details[0]?.message}`, details);
  }
}
