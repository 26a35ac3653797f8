import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";
import { AppError } from "../errors/app-error.ts";
import { ANY_CHANGE, NO_MEMO, type Memo } from "../caching/memo.ts";
import { fitRaterEffects, type RaterEffect, type RaterRating, type RaterEffectsOptions } from "./fit-rater-effects.ts";
import type { CycleRating, RaterEffectsRepository } from "./ports.ts";

export interface RaterEffectsServiceDeps {
  ratings: RaterEffectsRepository;
  /** The anonymity threshold k in force (DESIGN §4). */
  anonymityThreshold: () => Promise<number>;
  options?: RaterEffectsOptions;
  /** Keeps a cycle's fit until any rating, request, person or setting changes. */
  memo?: Memo;
  now?: () => Date;
}

/**
 * How long a kept fit holds without any change in the data: a feedback request that falls due releases
 * its answers without a write, so the fit is made again at least this often.
 */
const FIT_KEPT_MS = 60_000;

/** What an admin sees of a cycle's rater effects: managers only, never a peer or an upward rater. */
export interface CycleRaterEffects {
  raters: RaterEffect[];
}

const MANAGER_UNIT = "manager:";
/** The one rater that stands for every released aggregate of a relation. */
const GROUP_UNIT = "aggregate";

/**
 * The ratings the model is fitted on. A manager's ratings are their own rater: a person's leniency as a
 * manager is estimated from their manager ratings alone. Peer and upward answers only serve as the common
 * ground that makes managers comparable, and enter as the aggregate they would be released as (DESIGN §5):
 * per subject, release (feedback request) and competency, the mean of the answers (weighing as many ratings
 * as there are answers), and only where at least k raters gave one, k being the larger of the k in force
 * at the release and now. All the aggregates of one relation form one rater ("the peers"), so a manager's
 * offset depends on nothing an individual peer or upward answer adds beyond the mean: swapping two peers'
 * answers changes nothing, and one or two named colleagues' answers never count.
 */
export function ratingsToFit(rows: readonly CycleRating[], k: number): RaterRating[] {
  const managers: RaterRating[] = [];
  const groups = new Map<
    string,
    { relation: string; subjectId: string; competencyId: string; threshold: number; scores: Map<string, number> }
  >();
  for (const row of rows) {
    if (row.relation === "manager") {
      managers.push({
        raterId: `${MANAGER_UNIT}${row.raterId}`,
        subjectId: row.subjectId,
        competencyId: row.competencyId,
        score: row.score,
      });
      continue;
    }
    // One aggregate per release: a request's answers are never mixed with another's.
    const key = JSON.stringify([row.relation, row.subjectId, row.requestId ?? null, row.competencyId]);
    const group = groups.get(key) ?? { ...row, threshold: k, scores: new Map<string, number>() };
    group.scores.set(row.raterId, row.score);
    // A release is judged by the larger of the k in force then and the k in force now.
    group.threshold = Math.max(group.threshold, row.releaseK ?? k);
    groups.set(key, group);
  }
  const aggregates: RaterRating[] = [];
  for (const { relation, subjectId, competencyId, scores, threshold } of groups.values()) {
    if (scores.size < threshold) continue;
    let sum = 0;
    for (const score of scores.values()) sum += score;
    // The mean of n answers weighs as n ratings: the same fit as the answers themselves under one rater,
    // less the spread among them, which is exactly what the aggregate does not release.
    const aggregate = { raterId: `${relation}:${GROUP_UNIT}`, subjectId, competencyId, score: sum / scores.size };
    for (let i = 0; i < scores.size; i++) aggregates.push(aggregate);
  }
  return [...managers, ...aggregates];
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
    // A 10,000-person cycle takes seconds to fit; calibration shows it on every load of a session.
    return (this.deps.memo ?? NO_MEMO).remember(`rater-effects:${cycleId}`, async () => ({
      value: await this.fitManagers(cycleId),
      dependsOn: [ANY_CHANGE],
      validUntil: new Date((this.deps.now ?? (() => new Date()))().getTime() + FIT_KEPT_MS),
    }));
  }

  private async fitManagers(cycleId: string): Promise<CycleRaterEffects> {
    const [rows, k] = await Promise.all([this.deps.ratings.cycleRatings(cycleId), this.deps.anonymityThreshold()]);
    const effects = fitRaterEffects(ratingsToFit(rows, k), this.deps.options);
    const raters = effects
      .filter((effect) => effect.raterId.startsWith(MANAGER_UNIT))
      .map((effect) => ({ ...effect, raterId: effect.raterId.slice(MANAGER_UNIT.length) }))
      .sort((a, b) => b.offset - a.offset || a.raterId.localeCompare(b.raterId));
    return { raters };
  }
}
