import { AppError, type ErrorDetail } from "../errors/app-error.ts";
import type { VpRoleProfile } from "../framework/framework.ts";

/** reflectionId → rating, 1 (not like me) to 5 (very like me). */
export type VpFitAnswers = Record<string, number>;

export const VP_FIT_MIN = 1;
export const VP_FIT_MAX = 5;
/** A trait whose mean rating is at least this is a strength. */
export const STRENGTH_AT = 4;
/** A trait whose mean rating is at most this is a watch-out. */
export const WATCH_OUT_AT = 2;

export type TraitBand = "strength" | "watch-out" | "middle" | "unanswered";

export interface TraitFit {
  traitId: string;
  name: string;
  description: string;
  /** Mean of the answered reflections of this trait; null when none was answered. */
  mean: number | null;
  answered: number;
  band: TraitBand;
}

export interface VpFitProfile {
  traits: TraitFit[];
  strengths: string[];
  watchOuts: string[];
  /** Mean over every answered reflection; null when none was. */
  overallMean: number | null;
}

/** A stored self-check: the person's own, readable by nobody else. */
export interface VpFitCheck {
  id: string;
  personId: string;
  answers: VpFitAnswers;
  at: Date;
}

export interface VpFitCheckRepository {
  create(personId: string, answers: VpFitAnswers): Promise<VpFitCheck>;
  /** The person's checks, newest first. */
  listForPerson(personId: string): Promise<VpFitCheck[]>;
}

/** A submission must rate every reflection of the role profile, 1–5, and nothing else. */
export function validateVpFitAnswers(role: VpRoleProfile, answers: VpFitAnswers): void {
  const known = new Set(role.reflections.map((r) => r.id));
  const details: ErrorDetail[] = [];
  for (const [id, value] of Object.entries(answers)) {
    if (!known.has(id)) details.push({ path: `answers.${id}`, message: "is not a reflection of the VP self-check" });
    else if (!Number.isInteger(value) || value < VP_FIT_MIN || value > VP_FIT_MAX) {
      details.push({ path: `answers.${id}`, message: `must be a whole number from ${VP_FIT_MIN} to ${VP_FIT_MAX}` });
    }
  }
  for (const reflection of role.reflections) {
    if (!(reflection.id in answers)) details.push({ path: `answers.${reflection.id}`, message: "is not answered" });
  }
  const [first] = details;
  if (first) throw new AppError("validation_failed", `Invalid ${first.path}: ${first.message}`, details);
}

function bandOf(mean: number | null): TraitBand {
  if (mean === null) return "unanswered";
  if (mean >= STRENGTH_AT) return "strength";
  if (mean <= WATCH_OUT_AT) return "watch-out";
  return "middle";
}

const meanOf = (values: number[]): number | null =>
  values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;

/**
 * Per trait, the mean of its reflections' ratings, banded into strengths and watch-outs. Answers to
 * reflections the role no longer has are ignored, so a check stored under an older framework still
 * reads against the current one.
 */
export function scoreVpFit(role: VpRoleProfile, answers: VpFitAnswers): VpFitProfile {
  const known = role.reflections.filter((r) => typeof answers[r.id] === "number");
  const traits = role.traits.map((trait): TraitFit => {
    const values = known.filter((r) => r.traitId === trait.id).map((r) => answers[r.id] as number);
    const mean = meanOf(values);
    return {
      traitId: trait.id,
      name: trait.name,
      description: trait.description,
      mean,
      answered: values.length,
      band: bandOf(mean),
    };
  });
  return {
    traits,
    strengths: traits.filter((t) => t.band === "strength").map((t) => t.traitId),
    watchOuts: traits.filter((t) => t.band === "watch-out").map((t) => t.traitId),
    overallMean: meanOf(known.map((r) => answers[r.id] as number)),
  };
}
