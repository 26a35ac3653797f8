import { AppError } from "../errors/app-error.ts";
import {
  DEFAULT_READINESS_SETTINGS,
  MIN_ANONYMITY_THRESHOLD,
  RELATIONS,
  type CompetencyReadiness,
  type CompetencyStatus,
  type GroupSummary,
  type Readiness,
  type ReadinessFlag,
  type ReadinessInput,
  type ReadinessSettings,
  type Relation,
  type SubmittedRating,
  type Verdict,
} from "./readiness.ts";

const EPSILON = 1e-9;
const ANONYMOUS_RELATIONS: ReadonlySet<Relation> = new Set(["peer", "upward"]);

/**
 * The latest rating of each rater for each competency, inside the window (DESIGN.md §4, step 1).
 * Peer and upward ratings carry their release time, and each release is kept whole: see anonymousGroup.
 */
export function latestRatingsPerRater(ratings: SubmittedRating[], window: { from: Date; to: Date }): SubmittedRating[] {
  const latest = new Map<string, SubmittedRating>();
  for (const rating of ratings) {
    if (rating.submittedAt < window.from || rating.submittedAt > window.to) continue;
    const release = ANONYMOUS_RELATIONS.has(rating.relation) ? `\u0000${rating.submittedAt.getTime()}` : "";
    const key = `${rating.competencyId}\u0000${rating.raterId}\u0000${rating.relation}${release}`;
    const current = latest.get(key);
    if (!current || rating.submittedAt > current.submittedAt) latest.set(key, rating);
  }
  return [...latest.values()];
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function summarizeGroup(relation: Relation, ratings: SubmittedRating[], k: number): GroupSummary | null {
  if (ratings.length === 0) return null;
  if (ANONYMOUS_RELATIONS.has(relation)) return anonymousGroup(relation, ratings, k);
  return { mean: mean(ratings.map((r) => r.score)), count: ratings.length };
}

/**
 * Peer and upward answers count one release at a time: the latest release (a closed request or
 * cycle) with at least k raters. Mixing releases would let two views differ by fewer than k
 * answers, and the difference would give those answers away.
 */
function anonymousGroup(relation: Relation, ratings: SubmittedRating[], k: number): GroupSummary {
  const releases = new Map<number, SubmittedRating[]>();
  for (const rating of ratings) {
    const at = rating.submittedAt.getTime();
    releases.set(at, [...(releases.get(at) ?? []), rating]);
  }
  for (const at of [...releases.keys()].sort((a, b) => b - a)) {
    const release = releases.get(at) ?? [];
    if (release.length >= k) return { mean: mean(release.map((r) => r.score)), count: release.length };
  }
  return { hidden: true, reason: `fewer than ${k} ${relation} raters` };
}

function isVisible(group: GroupSummary | null): group is { mean: number; count: number } {
  return group !== null && !("hidden" in group);
}

function statusOf(gap: number | null): CompetencyStatus {
  if (gap === null) return "unknown";
  if (gap <= EPSILON) return "meets";
  if (gap <= 0.5 + EPSILON) return "near";
  return "below";
}

function flagsOf(groups: Record<Relation, GroupSummary | null>): ReadinessFlag[] {
  const flags: ReadinessFlag[] = [];
  const visible = RELATIONS.flatMap((r) => {
    const group = groups[r];
    return isVisible(group) ? [{ relation: r, mean: group.mean }] : [];
  });
  const self = visible.find((g) => g.relation === "self");
  const others = visible.filter((g) => g.relation !== "self");
  if (self && others.length > 0 && Math.abs(self.mean - mean(others.map((g) => g.mean))) >= 1 - EPSILON) {
    flags.push("self-perception-gap");
  }
  const means = visible.map((g) => g.mean);
  if (means.length >= 2 && Math.max(...means) - Math.min(...means) >= 2 - EPSILON) flags.push("rater-disagreement");
  return flags;
}

function observedOf(
  groups: Record<Relation, GroupSummary | null>,
  weights: ReadinessSettings["weights"],
): number | null {
  let weighted = 0;
  let total = 0;
  for (const relation of RELATIONS) {
    const group = groups[relation];
    if (!isVisible(group) || weights[relation] <= 0) continue;
    weighted += weights[relation] * group.mean;
    total += weights[relation];
  }
  return total > 0 ? weighted / total : null;
}

function verdictOf(score: number, competencies: CompetencyReadiness[]): Verdict {
  const statuses = competencies.map((c) => c.status);
  const hasBelowOrUnknown = statuses.some((s) => s === "below" || s === "unknown");
  const nearOrBelow = statuses.filter((s) => s === "near" || s === "below").length;
  if (score >= 0.95 - EPSILON && !hasBelowOrUnknown) return "ready";
  if (score >= 0.85 - EPSILON && nearOrBelow <= 2) return "almost";
  return "not-yet";
}

export function assertValidSettings(settings: ReadinessSettings): void {
  if (!Number.isInteger(settings.k) || settings.k < MIN_ANONYMITY_THRESHOLD) {
    throw new AppError(
      "validation_failed",
      `The anonymity threshold k must be an integer ≥ ${MIN_ANONYMITY_THRESHOLD}`,
      [{ path: "k", message: `got ${settings.k}` }],
    );
  }
  for (const relation of RELATIONS) {
    const weight = settings.weights[relation];
    if (!Number.isFinite(weight) || weight < 0) {
      throw new AppError("validation_failed", `The weight of ${relation} ratings must be a number ≥ 0`, [
        { path: `weights.${relation}`, message: `got ${weight}` },
      ]);
    }
  }
}

/**
 * Readiness of one person for one level, exactly as DESIGN.md §4 states it, with every
 * intermediate number kept so the answer can be explained.
 */
export function computeReadiness(input: ReadinessInput): Readiness {
  const settings = input.settings ?? DEFAULT_READINESS_SETTINGS;
  assertValidSettings(settings);
  const level = input.framework.levels.find((l) => l.id === input.targetLevelId);
  if (!level) throw new AppError("not_found", `The framework has no level "${input.targetLevelId}"`);
  const row = input.framework.expectations[level.id] ?? {};
  const ratings = latestRatingsPerRater(input.ratings, input.window);

  const competencies: CompetencyReadiness[] = [];
  for (const competency of input.framework.competencies) {
    const expectation = row[competency.id];
    if (!expectation || expectation.weight <= 0) continue;
    const own = ratings.filter((r) => r.competencyId === competency.id);
    const groups = Object.fromEntries(
      RELATIONS.map((relation) => [
        relation,
        summarizeGroup(
          relation,
          own.filter((r) => r.relation === relation),
          settings.k,
        ),
      ]),
    ) as Record<Relation, GroupSummary | null>;
    const observed = observedOf(groups, settings.weights);
    const gap = observed === null ? null : expectation.expected - observed;
    competencies.push({
      competencyId: competency.id,
      expected: expectation.expected,
      weight: expectation.weight,
      observed,
      groups,
      gap,
      status: statusOf(gap),
      flags: flagsOf(groups),
      evidence: input.evidence?.[competency.id] ?? [],
    });
  }

  const totalWeight = competencies.reduce((sum, c) => sum + c.weight, 0);
  const earned = competencies.reduce(
    (sum, c) => sum + (c.observed === null ? 0 : c.weight * Math.min(c.observed / c.expected, 1)),
    0,
  );
  const score = totalWeight > 0 ? earned / totalWeight : 0;
  const blockers = competencies
    .filter((c) => c.status !== "meets")
    .map((c) => ({ id: c.competencyId, weightedGap: c.weight * (c.gap ?? c.expected) }))
    .sort((a, b) => b.weightedGap - a.weightedGap)
    .map((b) => b.id);

  return { targetLevelId: level.id, competencies, score, verdict: verdictOf(score, competencies), blockers };
}

/** The default window: the last closed cycle onwards when there is one, else the last 12 months. */
export function readinessWindow(now: Date, lastClosedCycleStart?: Date): { from: Date; to: Date } {
  if (lastClosedCycleStart) return { from: lastClosedCycleStart, to: now };
  const from = new Date(now);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  return { from, to: now };
}
