import type { TCompetencyReadiness, TGroupSummary, TPersonReadiness } from "@ascent/contract";

/**
 * Presentation of the readiness numbers the server computed (DESIGN.md §4). Nothing here decides a
 * result: it lays out the server's own inputs so each number on the page can be followed by hand.
 */

export const RELATIONS = ["self", "manager", "peer", "upward"] as const;
export type Relation = (typeof RELATIONS)[number];

export const RELATION_LABELS: Record<Relation, string> = {
  self: "Self",
  manager: "Manager",
  peer: "Peers",
  upward: "Upward",
};

export const VERDICT_LABELS = { ready: "Ready", almost: "Almost", "not-yet": "Not yet" } as const;

export const STATUS_LABELS = { meets: "Meets", near: "Near", below: "Below", unknown: "Unknown" } as const;

export const FLAG_LABELS = {
  "self-perception-gap": "Self-perception gap",
  "rater-disagreement": "Raters disagree",
  unverified: "Self-rating only",
} as const;

export const FLAG_EXPLANATIONS = {
  "self-perception-gap": "The self rating differs from the mean of the other groups by 1 or more.",
  "rater-disagreement": "The highest and lowest group means are 2 or more apart.",
  unverified:
    "Only the person’s own rating backs it. A manager rating, or a released peer or upward result, is needed before it can count toward ready.",
} as const;

/** Up to two decimals, without trailing zeros: 3, 3.5, 3.33. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function formatSigned(value: number): string {
  const text = formatNumber(Math.abs(value));
  if (Math.round(value * 100) === 0) return "0";
  return value > 0 ? `+${text}` : `−${text}`;
}

/** A gap (expected − observed): positive means short of the target, so only the minus sign shows. */
export function formatGap(value: number): string {
  return value < 0 && Math.round(value * 100) !== 0 ? `−${formatNumber(-value)}` : formatNumber(Math.max(value, 0));
}

/** Rounded down to one decimal, so 94.96 % never shows as the 95 % a "ready" needs. */
export function formatPercent(score: number): string {
  return `${(Math.floor(score * 1000 + 1e-6) / 10).toFixed(1)}%`;
}

export type VisibleGroup = { mean: number; count: number };

export function isVisibleGroup(group: TGroupSummary): group is VisibleGroup {
  return group !== null && !("hidden" in group);
}

/** The group means that went into a competency's observed value, with the weight each carried. */
export function observedTerms(
  competency: TCompetencyReadiness,
  weights: TPersonReadiness["settings"]["weights"],
): { relation: Relation; weight: number; mean: number }[] {
  return RELATIONS.flatMap((relation) => {
    const group = competency.groups[relation];
    if (!isVisibleGroup(group) || weights[relation] <= 0) return [];
    return [{ relation, weight: weights[relation], mean: group.mean }];
  });
}

/** "(3 × 4 + 1 × 3) ÷ 4": how the observed value came out of the group means. */
export function observedFormula(
  competency: TCompetencyReadiness,
  weights: TPersonReadiness["settings"]["weights"],
): string | null {
  const terms = observedTerms(competency, weights);
  if (terms.length === 0) return null;
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  const parts = terms.map((t) => `${formatNumber(t.weight)} × ${formatNumber(t.mean)}`);
  return `(${parts.join(" + ")}) ÷ ${formatNumber(total)}`;
}

/** A competency's share of the score: weight × min(observed ÷ expected, 1); unknown counts 0. */
export function scoreContribution(competency: TCompetencyReadiness): number {
  if (competency.observed === null || competency.expected <= 0) return 0;
  return competency.weight * Math.min(competency.observed / competency.expected, 1);
}

export function scoreSums(readiness: TPersonReadiness): { earned: number; possible: number } {
  return {
    earned: readiness.competencies.reduce((sum, c) => sum + scoreContribution(c), 0),
    possible: readiness.competencies.reduce((sum, c) => sum + c.weight, 0),
  };
}

export interface VerdictReason {
  text: string;
  isMet: boolean;
}

/** The conditions of each verdict (DESIGN.md §4, step 6), checked against the server's numbers. */
export function verdictReasons(readiness: TPersonReadiness): {
  ready: VerdictReason[];
  almost: VerdictReason[];
  /** Where the score and statuses alone would say ready, but some competency rests on a self-rating. */
  isHeldBackByUnverified: boolean;
} {
  const statuses = readiness.competencies.map((c) => c.status);
  const belowOrUnknown = statuses.filter((s) => s === "below" || s === "unknown").length;
  const nearOrBelow = statuses.filter((s) => s === "near" || s === "below").length;
  const unverified = readiness.competencies.filter((c) => c.flags.includes("unverified")).length;
  const score = formatPercent(readiness.score);
  const isScoreReady = readiness.score >= 0.95 - 1e-9;
  return {
    isHeldBackByUnverified: isScoreReady && belowOrUnknown === 0 && unverified > 0,
    ready: [
      { text: `score at least 95% (it is ${score})`, isMet: isScoreReady },
      {
        text: `no competency below or unknown (${belowOrUnknown === 0 ? "none" : belowOrUnknown})`,
        isMet: belowOrUnknown === 0,
      },
      {
        text:
          "every competency backed by a manager rating or a released peer or upward result " +
          `(${unverified === 0 ? "all are" : `${unverified} ${unverified === 1 ? "rests" : "rest"} on a self-rating alone`})`,
        isMet: readiness.competencies.every((c) => c.isCorroborated),
      },
    ],
    almost: [
      { text: `score at least 85% (it is ${score})`, isMet: readiness.score >= 0.85 - 1e-9 },
      {
        text: `at most two competencies near or below (${nearOrBelow === 0 ? "none" : nearOrBelow})`,
        isMet: nearOrBelow <= 2,
      },
    ],
  };
}

/** Weight × gap, the order blockers come in. */
export function weightedGap(competency: TCompetencyReadiness): number | null {
  return competency.gap === null ? null : competency.weight * competency.gap;
}

export function hasAnyRating(readiness: TPersonReadiness): boolean {
  return readiness.competencies.some((c) => RELATIONS.some((r) => c.groups[r] !== null));
}
