import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";
import { AppError } from "../errors/app-error.ts";
import { fitRaterEffects, type RaterEffect, type RaterRating, type RaterEffectsOptions } from "./fit-rater-effects.ts";
import type { CycleRating, RaterEffectsRepository } from "./ports.ts";

export interface RaterEffectsServiceDeps {
  ratings: RaterEffectsRepository;
  /** The anonymity threshold k in force (DESIGN §4). */
  anonymityThreshold: () => Promise<number>;
  options?: RaterEffectsOptions;
}

/** What an admin sees of a cycle's rater effects: managers only, never a peer or an upward rater. */
export interface CycleRaterEffects {
  raters: RaterEffect[];
}

const MANAGER_UNIT = "manager:";

/**
 * The ratings the model is fitted on. Each (rater, relation) pair is its own rater: a person's
 * leniency as a manager is estimated from their manager ratings alone. Peer and upward scores only
 * serve as the common ground that makes managers comparable, and only where the subject has at least
 * k raters in that relation in the cycle, the threshold their aggregate would need (DESIGN §5): a
 * manager's offset never rests on one or two named colleagues' answers.
 */
export function ratingsToFit(rows: readonly CycleRating[], k: number): RaterRating[] {
  const ratersOf = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.relation === "manager") continue;
    const key = `${row.relation}|${row.subjectId}`;
    const raters = ratersOf.get(key) ?? new Set<string>();
    raters.add(row.raterId);
    ratersOf.set(key, raters);
  }
  const isCountable = (row: CycleRating) =>
    row.relation === "manager" || (ratersOf.get(`${row.relation}|${row.subjectId}`)?.size ?? 0) >= k;
  return rows.filter(isCountable).map((row) => ({
    raterId: `${row.relation}:${row.raterId}`,
    subjectId: row.subjectId,
    competencyId: row.competencyId,
    score: row.score,
  }));
}

/** Leniency and severity per manager in a review cycle (issue 15, docs/decisions/0006). */
export class RaterEffectsService {
  constructor(private readonly deps: RaterEffectsServiceDeps) {}

  /**
   * Fits the cycle's manager, peer and upward ratings and returns the managers' offsets, ordered from
   * the most lenient. Admins only. Not audited: like the other organisation-wide reads, it shows no
   * one's private content, and it changes nothing.
   */
  async raterEffectsForCycle(viewer: Viewer, cycleId: string): Promise<CycleRaterEffects> {
    assertAdmin(viewer);
    if (!(await this.deps.ratings.cycleExists(cycleId))) {
      throw new AppError("not_found", `No review cycle with id "${cycleId}"`);
    }
    return this.managerEffects(cycleId);
  }

  /**
   * The managers' offsets in a cycle. Not a use case: it checks nobody's permission, so it is for use cases
   * that authorised their caller already (calibration shows each person's manager's offset to its participants).
   */
  async managerEffects(cycleId: string): Promise<CycleRaterEffects> {
    const [rows, k] = await Promise.all([this.deps.ratings.cycleRatings(cycleId), this.deps.anonymityThreshold()]);
    const effects = fitRaterEffects(ratingsToFit(rows, k), this.deps.options);
    const raters = effects
      .filter((effect) => effect.raterId.startsWith(MANAGER_UNIT))
      .map((effect) => ({ ...effect, raterId: effect.raterId.slice(MANAGER_UNIT.length) }))
      .sort((a, b) => b.offset - a.offset || a.raterId.localeCompare(b.raterId));
    return { raters };
  }
}
