import { AppError } from "../errors/app-error.ts";
import type { GroupSummary, Verdict } from "../readiness/readiness.ts";

/**
 * Who a session calibrates: active people matching every filter given. `managerId` selects a
 * department: everyone below that manager in the reporting chain.
 */
export interface CalibrationScope {
  levelIds?: string[];
  teams?: string[];
  managerId?: string;
}

export type Band = "low" | "medium" | "high";
export const BANDS: readonly Band[] = ["low", "medium", "high"];

/** The share of people expected in each band, from 0 to 1, summing to 1. A guideline, never enforced. */
export type CalibrationGuideline = Record<Band, number>;

/** Which readiness score a histogram counts: at the person's level (performance) or the next (potential). */
export type CalibrationMeasure = "performance" | "potential";

export type SessionStatus = "open" | "closed";

export interface CalibrationSession {
  id: string;
  cycleId: string;
  name: string;
  scope: CalibrationScope;
  facilitatorId: string | null;
  participantIds: string[];
  status: SessionStatus;
  guideline: CalibrationGuideline | null;
  createdBy: string | null;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
}

/** Where a person sits in the 9-box. */
export interface NineBoxPlacement {
  performance: Band;
  potential: Band;
}

export type AdjustmentKind = "rating" | "box";

export interface CalibrationAdjustment {
  id: number;
  sessionId: string;
  subjectId: string;
  /** Set for a rating adjustment; null for a move in the 9-box. */
  competencyId: string | null;
  kind: AdjustmentKind;
  from: number | NineBoxPlacement | null;
  to: number | NineBoxPlacement;
  reason: string;
  by: string | null;
  at: Date;
}

export type NewCalibrationAdjustment = Omit<CalibrationAdjustment, "id">;

/** A calibrated box entered by hand, and, once the session closes, the scores it was frozen with. */
export interface StoredPlacement {
  subjectId: string;
  performance: number | null;
  potential: number | null;
  calibrated: NineBoxPlacement | null;
  reason: string | null;
  isFrozen: boolean;
}

/** Band edges on a readiness score (0 to 1): at or above `medium` is medium, at or above `high` is high. */
export interface BandThresholds {
  medium: number;
  high: number;
}

export interface NineBoxThresholds {
  performance: BandThresholds;
  potential: BandThresholds;
}

export const NINE_BOX_SETTINGS_KEY = "calibration.nine-box";

export const DEFAULT_NINE_BOX_THRESHOLDS: NineBoxThresholds = {
  performance: { medium: 0.8, high: 0.95 },
  potential: { medium: 0.6, high: 0.85 },
};

/** Same tolerance as the readiness rule, so floating-point noise never flips a band. */
const EPSILON = 1e-9;

export function bandOf(score: number | null, thresholds: BandThresholds): Band {
  if (score === null) return "low";
  if (score >= thresholds.high - EPSILON) return "high";
  if (score >= thresholds.medium - EPSILON) return "medium";
  return "low";
}

export function assertValidThresholds(thresholds: NineBoxThresholds): void {
  const details = (["performance", "potential"] as const).flatMap((axis) => {
    const { medium, high } = thresholds[axis];
    return medium > 0 && high <= 1 && medium < high
      ? []
      : [{ path: `${axis}`, message: "needs 0 < medium < high ≤ 1" }];
  });
  if (details.length > 0) throw new AppError("validation_failed", "The 9-box thresholds are out of order", details);
}

export function assertValidGuideline(guideline: CalibrationGuideline): void {
  const total = BANDS.reduce((sum, band) => sum + guideline[band], 0);
  if (BANDS.some((band) => guideline[band] < 0) || Math.abs(total - 1) > 1e-6) {
    throw new AppError("validation_failed", "The guideline's shares must be between 0 and 1 and add up to 1", [
      { path: "guideline", message: `adds up to ${total}` },
    ]);
  }
}

/** A reason is what makes an adjustment more than a silent change: it must say something. */
export function requireReason(reason: string | undefined): string {
  const trimmed = reason?.trim() ?? "";
  if (trimmed.length === 0) {
    throw new AppError("validation_failed", "An adjustment needs a reason", [{ path: "reason", message: "required" }]);
  }
  return trimmed;
}

/** One competency of one person as the session shows it: attributed ratings, and aggregates only. */
export interface CalibrationCompetency {
  competencyId: string;
  /** The manager's submitted rating in the cycle; null when they did not rate it. */
  managerRating: number | null;
  /** The manager's rating after the session's adjustments. */
  calibratedRating: number | null;
  selfRating: number | null;
  /** The released peer and upward groups under the k rule (readiness's own), never one answer. */
  peer: GroupSummary | null;
  upward: GroupSummary | null;
}

export interface ReadinessFigure {
  targetLevelId: string;
  score: number;
  verdict: Verdict;
}

/**
 * Filled by the rater-effects model (issue 15, rater effects): the estimated leniency of the person's
 * manager in this cycle. Null until that module provides it.
 */
export interface ManagerRaterEffect {
  offset: number;
  standardError: number;
  ratings: number;
  identifiable: boolean;
}

export interface CalibrationPerson {
  personId: string;
  name: string;
  title: string;
  team: string;
  levelId: string | null;
  managerId: string | null;
  competencies: CalibrationCompetency[];
  /** Readiness at their own level, with calibrated manager ratings. */
  performance: ReadinessFigure;
  /** Readiness for the next level, with calibrated manager ratings. */
  potential: ReadinessFigure;
  box: NineBoxPlacement;
  /** The box the numbers give, before any move by hand. */
  proposedBox: NineBoxPlacement;
  boxReason: string | null;
  managerRaterEffect: ManagerRaterEffect | null;
}

export interface LoadedSession {
  session: CalibrationSession;
  thresholds: NineBoxThresholds;
  people: CalibrationPerson[];
  /** True once closed: the scores and boxes are those frozen at closing. */
  isFrozen: boolean;
  /**
   * Names of the facilitator, the participants, the managers of the people in scope and the authors of
   * adjustments, by id: a participant may not read these people's profiles, yet the page names them.
   */
  names: Record<string, string>;
}

export interface DistributionRow {
  levelId: string | null;
  total: number;
  counts: Record<Band, number>;
  /** The guideline's share of this level's people per band, when the session has one. */
  expected: Record<Band, number> | null;
}

/** A histogram per level of the chosen measure, banded, beside the guideline. Never forces anything. */
export function distributionOf(
  people: CalibrationPerson[],
  measure: CalibrationMeasure,
  guideline: CalibrationGuideline | null,
): DistributionRow[] {
  const byLevel = new Map<string | null, Record<Band, number>>();
  for (const person of people) {
    const counts = byLevel.get(person.levelId) ?? { low: 0, medium: 0, high: 0 };
    counts[person.box[measure]] += 1;
    byLevel.set(person.levelId, counts);
  }
  return [...byLevel.entries()]
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
    .map(([levelId, counts]) => {
      const total = counts.low + counts.medium + counts.high;
      return {
        levelId,
        total,
        counts,
        expected: guideline
          ? { low: guideline.low * total, medium: guideline.medium * total, high: guideline.high * total }
          : null,
      };
    });
}

export interface NineBoxCell extends NineBoxPlacement {
  personIds: string[];
}

/** The nine cells, high potential and high performance first, each with the people in it. */
export function nineBoxOf(people: CalibrationPerson[]): NineBoxCell[] {
  const order = [...BANDS].reverse();
  return order.flatMap((potential) =>
    BANDS.map((performance) => ({
      performance,
      potential,
      personIds: people
        .filter((p) => p.box.performance === performance && p.box.potential === potential)
        .map((p) => p.personId),
    })),
  );
}

/** An adjustment in words, for a promotion packet's calibration notes. */
export function describeAdjustment(adjustment: CalibrationAdjustment): string {
  const box = (value: NineBoxPlacement | number | null) =>
    value === null
      ? "none"
      : typeof value === "number"
        ? String(value)
        : `${value.performance} performance, ${value.potential} potential`;
  return adjustment.kind === "rating"
    ? `Manager rating of ${adjustment.competencyId ?? "a competency"} calibrated from ${box(adjustment.from)} to ${box(adjustment.to)}`
    : `9-box placement moved from ${box(adjustment.from)} to ${box(adjustment.to)}`;
}
