import { AppError } from "../errors/app-error.ts";
import {
  DEFAULT_READINESS_SETTINGS,
  MIN_ANONYMITY_THRESHOLD,
  RELATIONS,
  type CommentSummary,
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

interface GroupResult {
  summary: GroupSummary | null;
  /** Peer and upward: the release the summary shows, whose comments may be shown with it. */
  release: SubmittedRating[] | null;
}

function summarizeGroup(relation: Relation, ratings: SubmittedRating[], k: number): GroupResult {
  if (ratings.length === 0) return { summary: null, release: null };
  if (ANONYMOUS_RELATIONS.has(relation)) return anonymousGroup(relation, ratings, k);
  return { summary: { mean: mean(ratings.map((r) => r.score)), count: ratings.length }, release: null };
}

/**
 * The k a release is judged by: the larger of the k in force when it was released and the k now,
 * so that lowering k never reveals a release made under a higher one (docs/decisions/0001).
 */
export function releaseThreshold(release: SubmittedRating[], k: number): number {
  return Math.max(k, ...release.map((r) => r.releaseK ?? k));
}

/**
 * Peer and upward answers count one release at a time: the latest release (a closed request or
 * cycle) with at least k raters. Mixing releases would let two views differ by fewer than k
 * answers, and the difference would give those answers away.
 */
function anonymousGroup(relation: Relation, ratings: SubmittedRating[], k: number): GroupResult {
  const releases = new Map<number, SubmittedRating[]>();
  for (const rating of ratings) {
    const at = rating.submittedAt.getTime();
    releases.set(at, [...(releases.get(at) ?? []), rating]);
  }
  let heldBack: number | null = null;
  for (const at of [...releases.keys()].sort((a, b) => b - a)) {
    const release = releases.get(at) ?? [];
    const threshold = releaseThreshold(release, k);
    if (release.length >= threshold) {
      return { summary: { mean: mean(release.map((r) => r.score)), count: release.length }, release };
    }
    if (release.length >= k) heldBack ??= threshold;
  }
  const reason =
    heldBack === null
      ? `fewer than ${k} ${relation} raters`
      : `fewer than ${heldBack} ${relation} raters, the k in force when the answers were released`;
  return { summary: { hidden: true, reason }, release: null };
}

/** The comments of the release shown, sorted by their text so that no order points to a writer or a time. */
function commentsOf(relation: Relation, group: GroupResult): CommentSummary | null {
  if (group.summary === null) return null;
  if (group.release === null) {
    const reason = "hidden" in group.summary ? group.summary.reason : `no released ${relation} answers`;
    return { hidden: true, reason: `${reason}: comments show only with the aggregate` };
  }
  const texts = group.release.map((r) => (r.comment ?? "").trim()).filter((text) => text !== "");
  return { texts: texts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
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

/**
 * DESIGN §4 step 6. Where the numbers alone would say ready but a competency rests on the person's
 * own word, the verdict is almost: nobody is ready on their own rating alone.
 */
function verdictOf(score: number, competencies: CompetencyReadiness[]): Verdict {
  const statuses = competencies.map((c) => c.status);
  const hasBelowOrUnknown = statuses.some((s) => s === "below" || s === "unknown");
  const nearOrBelow = statuses.filter((s) => s === "near" || s === "below").length;
  const numbersSayReady = score >= 0.95 - EPSILON && !hasBelowOrUnknown;
  if (numbersSayReady && competencies.every((c) => c.isCorroborated)) return "ready";
  if (numbersSayReady) return "almost";
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
    const results = Object.fromEntries(
      RELATIONS.map((relation) => [
        relation,
        summarizeGroup(
          relation,
          own.filter((r) => r.relation === relation),
          settings.k,
        ),
      ]),
    ) as Record<Relation, GroupResult>;
    const groups = Object.fromEntries(RELATIONS.map((r) => [r, results[r].summary])) as Record<
      Relation,
      GroupSummary | null
    >;
    const observed = observedOf(groups, settings.weights);
    const gap = observed === null ? null : expectation.expected - observed;
    const isCorroborated = isVisible(groups.manager) || isVisible(groups.peer) || isVisible(groups.upward);
    const flags = flagsOf(groups);
    if (observed !== null && !isCorroborated) flags.push("unverified");
    competencies.push({
      competencyId: competency.id,
      expected: expectation.expected,
      weight: expectation.weight,
      observed,
      groups,
      comments: { peer: commentsOf("peer", results.peer), upward: commentsOf("upward", results.upward) },
      isCorroborated,
      gap,
      status: statusOf(gap),
      flags,
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
    .filter((c) => c.status !== "meets" || c.flags.includes("unverified"))
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
