import { AppError, type ErrorDetail } from "../errors/app-error.ts";
import type { Framework } from "../framework/framework.ts";
import { nextOnTrack } from "../framework/tracks.ts";
import type { Rating } from "./assessment.ts";

/** Competencies that apply at a level: those with a weight above zero. */
export function applicableCompetencyIds(framework: Framework, levelId: string): string[] {
  const row = framework.expectations[levelId] ?? {};
  return framework.competencies.filter((c) => (row[c.id]?.weight ?? 0) > 0).map((c) => c.id);
}

/**
 * The next level up on this level's own track (where the track ends, its first declared move), or null at
 * the top (or for an unknown level).
 */
export function levelAbove(framework: Framework, levelId: string): string | null {
  const current = framework.levels.find((l) => l.id === levelId);
  return current ? (nextOnTrack(framework, current)?.id ?? null) : null;
}

/**
 * What an assessment of someone at this level covers (DESIGN §4): every competency with a weight above
 * zero at their level or at the next level up, so that a competency that first applies there (for a
 * PM, strategic partnerships) can be rated before the promotion. In the framework's order.
 */
export function assessedCompetencyIds(framework: Framework, levelId: string): string[] {
  const here = new Set(applicableCompetencyIds(framework, levelId));
  const next = levelAbove(framework, levelId);
  const stretch = new Set(next ? applicableCompetencyIds(framework, next) : []);
  return framework.competencies.filter((c) => here.has(c.id) || stretch.has(c.id)).map((c) => c.id);
}

/**
 * Checks ratings against the framework version an assessment records; throws naming each bad field. Lengths
 * and the confidence range are the contract's (LIMITS), checked at every edge before this runs.
 */
export function assertValidRatings(ratings: Rating[], framework: Framework, levelId: string): void {
  const applicable = new Set(assessedCompetencyIds(framework, levelId));
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
      details.push({
        path: `${at}.competencyId`,
        message: `"${rating.competencyId}" applies neither at this level nor at the next`,
      });
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
