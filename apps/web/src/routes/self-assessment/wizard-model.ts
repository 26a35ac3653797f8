import { LIMITS, type TAssessment, type TAssessmentRatingInput, type TFramework } from "@ascent/contract";
import { nextOnTrack } from "../ladder/ladder-model.ts";

export type Competency = TFramework["competencies"][number];
export type Level = TFramework["levels"][number];
export type Expectation = TFramework["expectations"][string][string];

/** One answer as the form holds it; a null score is "not rated yet". */
export interface Answer {
  score: number | null;
  evidence: string;
  evidenceIds: string[];
}

export type Answers = Record<string, Answer>;

export const EMPTY_ANSWER: Answer = { score: null, evidence: "", evidenceIds: [] };

/** The competencies that apply at a level (weight above zero), in the framework's order. */
export function applicableCompetencies(document: TFramework, levelId: string): Competency[] {
  const row = document.expectations[levelId] ?? {};
  return document.competencies.filter((c) => (row[c.id]?.weight ?? 0) > 0);
}

/**
 * What an assessment of someone at this level covers (DESIGN §4, core's assessedCompetencyIds): the
 * competencies that apply at their level or at the next level up, so a competency that first applies
 * there can be rated before the promotion. In the framework's order.
 */
export function assessedCompetencies(document: TFramework, levelId: string): Competency[] {
  const next = nextLevelOf(document, levelId);
  const here = new Set(applicableCompetencies(document, levelId).map((c) => c.id));
  const stretch = new Set(next ? applicableCompetencies(document, next.id).map((c) => c.id) : []);
  return document.competencies.filter((c) => here.has(c.id) || stretch.has(c.id));
}

export function levelById(document: TFramework, levelId: string | null | undefined): Level | undefined {
  return document.levels.find((level) => level.id === levelId);
}

/** The next level up on this level's own track (core's levelAbove); undefined at the top. */
export function nextLevelOf(document: TFramework, levelId: string): Level | undefined {
  const current = levelById(document, levelId);
  return current ? nextOnTrack(document, current) : undefined;
}

export function expectationAt(document: TFramework, levelId: string, competencyId: string): Expectation | undefined {
  return document.expectations[levelId]?.[competencyId];
}

export function scaleLabel(document: TFramework, value: number | null | undefined): string {
  if (value === null || value === undefined) return "Not rated";
  const point = document.scale.points.find((p) => p.value === value);
  return point ? `${value} · ${point.label}` : String(value);
}

export function answersFrom(assessment: TAssessment): Answers {
  const answers: Answers = {};
  for (const rating of assessment.ratings) {
    answers[rating.competencyId] = {
      score: rating.score,
      evidence: rating.evidence,
      evidenceIds: [...rating.evidenceIds],
    };
  }
  return answers;
}

export function isAnswered(answer: Answer | undefined): boolean {
  return answer !== undefined && answer.score !== null;
}

export function isOverLimit(answer: Answer | undefined): boolean {
  return (answer?.evidence.length ?? 0) > LIMITS.evidenceText;
}

/**
 * What autosave sends: every competency with anything in it, in step order, so that an error's
 * `ratings[i]` path leads back to its step.
 */
export function toRatingsPayload(competencies: Competency[], answers: Answers): TAssessmentRatingInput[] {
  return competencies.flatMap((competency) => {
    const answer = answers[competency.id];
    if (!answer) return [];
    const isEmpty = answer.score === null && answer.evidence.trim() === "" && answer.evidenceIds.length === 0;
    if (isEmpty) return [];
    return [
      {
        competencyId: competency.id,
        score: answer.score,
        evidence: answer.evidence,
        evidenceIds: answer.evidenceIds,
      },
    ];
  });
}
