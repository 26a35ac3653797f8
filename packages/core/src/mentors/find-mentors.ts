import { AppError } from "../errors/app-error.ts";
import type { Framework, Level } from "../framework/framework.ts";
import type { Person } from "../people/person.ts";

/** A colleague suggested as a mentor: who they are and why, in words. Never a score. */
export interface MentorSuggestion {
  person: Person;
  level: Level;
  reason: string;
}

export interface FindMentorsInput {
  framework: Pick<Framework, "levels" | "competencies" | "expectations">;
  /** The person with the gap. */
  personId: string;
  competencyId: string;
  targetLevelId: string;
  /** Everyone who might mentor; the rule filters them. */
  candidates: readonly Person[];
  /** Each person's observed values per competency, from their readiness snapshot (aggregates only). */
  observed: ReadonlyMap<string, Readonly<Record<string, number | null>>>;
  /** People who would rather not be suggested. */
  optedOut: ReadonlySet<string>;
  /** Left out on request: the person's managers above and reports below. */
  excluded?: ReadonlySet<string>;
  limit?: number;
}

export const DEFAULT_MENTOR_LIMIT = 10;

/** The competency and target level, checked against the framework; unknown ones are a 400. */
export function resolveMentorQuery(
  framework: FindMentorsInput["framework"],
  competencyId: string,
  targetLevelId: string,
): { competencyName: string; target: Level; targetExpected: number } {
  const competency = framework.competencies.find((c) => c.id === competencyId);
  if (!competency) {
    throw new AppError("validation_failed", `Unknown competency "${competencyId}"`, [
      { path: "query.competency", message: "not a competency of the ladder" },
    ]);
  }
  const target = framework.levels.find((l) => l.id === targetLevelId);
  if (!target) {
    throw new AppError("validation_failed", `Unknown target level "${targetLevelId}"`, [
      { path: "query.target", message: "not a level of the ladder" },
    ]);
  }
  const expectation = framework.expectations[target.id]?.[competency.id];
  if (!expectation) {
    throw new AppError("validation_failed", `${target.name} sets no expectation in ${competency.name}`, [
      { path: "query.competency", message: "has no expectation at the target level" },
    ]);
  }
  return { competencyName: competency.name, target, targetExpected: expectation.expected };
}

/**
 * Colleagues who could mentor a person on a gap in one competency, for a target level L:
 * - at or above L by rank, active, not the person, not opted out, not excluded (the chain, when asked);
 * - strong in the competency: their observed value meets the expectation of their OWN level and
 *   the expectation of L.
 * Ranked by how far they clear the higher of the two bars, then by how close their level is to L,
 * then by name. The margin only orders the list: the answer says why in words, never with a number.
 */
export function findMentors(input: FindMentorsInput): MentorSuggestion[] {
  const { framework, competencyId } = input;
  const { competencyName, target, targetExpected } = resolveMentorQuery(framework, competencyId, input.targetLevelId);
  const levels = new Map(framework.levels.map((level) => [level.id, level]));

  const ranked: { suggestion: MentorSuggestion; margin: number; distance: number }[] = [];
  for (const person of input.candidates) {
    if (person.id === input.personId || person.status !== "active") continue;
    if (input.optedOut.has(person.id) || input.excluded?.has(person.id)) continue;
    const level = person.levelId ? levels.get(person.levelId) : undefined;
    if (!level || level.rank < target.rank) continue;
    const ownExpected = framework.expectations[level.id]?.[competencyId]?.expected;
    const observed = input.observed.get(person.id)?.[competencyId];
    if (ownExpected === undefined || observed === undefined || observed === null) continue;
    const bar = Math.max(ownExpected, targetExpected);
    if (observed < bar) continue;
    ranked.push({
      suggestion: { person, level, reason: describeReason(level, target, competencyName) },
      margin: observed - bar,
      distance: level.rank - target.rank,
    });
  }
  ranked.sort(
    (a, b) =>
      b.margin - a.margin ||
      a.distance - b.distance ||
      a.suggestion.person.name.localeCompare(b.suggestion.person.name),
  );
  return ranked.slice(0, input.limit ?? DEFAULT_MENTOR_LIMIT).map((r) => r.suggestion);
}

function describeReason(level: Level, target: Level, competencyName: string): string {
  const meets = `Meets the ${level.name} expectation in ${competencyName}`;
  return level.id === target.id ? meets : `${meets}, above the ${target.name} target`;
}
