import type { HealthCheck, OneOnOne } from "./one-on-one.ts";

export interface AspectRatings {
  aspectId: string;
  name: string;
  lead: number | null;
  report: number | null;
  /** |lead − report| when both sides rated the aspect. */
  difference: number | null;
}

/** Both sides' latest ratings at one 1:1. */
export interface HealthSession {
  oneOnOneId: string;
  scheduledAt: Date;
  leadId: string;
  reportId: string;
  aspects: AspectRatings[];
  /** The aspects with this session's largest difference (none when the two sides agree everywhere). */
  largestDifference: string[];
}

export interface AspectTrend {
  aspectId: string;
  name: string;
  /** Mean |lead − report| over the sessions where both sides rated the aspect. */
  meanDifference: number | null;
  /** The difference at the most recent such session. */
  latestDifference: number | null;
  comparedSessions: number;
}

export interface HealthComparison {
  /** Oldest first; 1:1s nobody rated are left out. */
  sessions: HealthSession[];
  aspects: AspectTrend[];
  /**
   * The aspects the two sides see most differently over time: those tied at the largest mean
   * difference. Empty when they agree everywhere or nothing was compared yet.
   */
  highlighted: string[];
}

type SessionSource = Pick<OneOnOne, "id" | "leadId" | "reportId" | "scheduledAt" | "agenda">;

/** Each rater's latest check at one 1:1: a side that rates again replaces their earlier answer. */
function latestByRater(checks: readonly HealthCheck[]): Map<string, HealthCheck> {
  const latest = new Map<string, HealthCheck>();
  for (const check of checks) {
    const kept = latest.get(check.raterId);
    if (!kept || check.at.getTime() >= kept.at.getTime()) latest.set(check.raterId, check);
  }
  return latest;
}

function tiedAtMax(values: { id: string; value: number | null }[]): string[] {
  const max = Math.max(0, ...values.map((v) => v.value ?? 0));
  return max > 0 ? values.filter((v) => v.value === max).map((v) => v.id) : [];
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The two sides' health checks side by side over a pair's 1:1s, with the aspects they see most
 * differently highlighted (DESIGN §1.6, issue #6 §3).
 */
export function compareHealthChecks(
  oneOnOnes: readonly SessionSource[],
  checks: readonly HealthCheck[],
): HealthComparison {
  const checksByOneOnOne = new Map<string, HealthCheck[]>();
  for (const check of checks) {
    const list = checksByOneOnOne.get(check.oneOnOneId) ?? [];
    list.push(check);
    checksByOneOnOne.set(check.oneOnOneId, list);
  }

  const sessions: HealthSession[] = [];
  for (const oneOnOne of [...oneOnOnes].sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())) {
    const latest = latestByRater(checksByOneOnOne.get(oneOnOne.id) ?? []);
    if (latest.size === 0) continue;
    const lead = latest.get(oneOnOne.leadId)?.ratings;
    const report = latest.get(oneOnOne.reportId)?.ratings;
    const aspects = oneOnOne.agenda.aspects.map((aspect): AspectRatings => {
      const leadValue = lead?.[aspect.id] ?? null;
      const reportValue = report?.[aspect.id] ?? null;
      return {
        aspectId: aspect.id,
        name: aspect.name,
        lead: leadValue,
        report: reportValue,
        difference: leadValue !== null && reportValue !== null ? Math.abs(leadValue - reportValue) : null,
      };
    });
    sessions.push({
      oneOnOneId: oneOnOne.id,
      scheduledAt: oneOnOne.scheduledAt,
      leadId: oneOnOne.leadId,
      reportId: oneOnOne.reportId,
      aspects,
      largestDifference: tiedAtMax(aspects.map((a) => ({ id: a.aspectId, value: a.difference }))),
    });
  }

  // Aspects in the order of the most recent playbook, then any only older sessions had.
  const names = new Map<string, string>();
  for (const session of [...sessions].reverse()) {
    for (const aspect of session.aspects) if (!names.has(aspect.aspectId)) names.set(aspect.aspectId, aspect.name);
  }
  const aspects: AspectTrend[] = [...names].map(([aspectId, name]) => {
    const differences = sessions
      .map((s) => s.aspects.find((a) => a.aspectId === aspectId)?.difference ?? null)
      .filter((d): d is number => d !== null);
    return {
      aspectId,
      name,
      meanDifference: differences.length ? round(differences.reduce((a, b) => a + b, 0) / differences.length) : null,
      latestDifference: differences.at(-1) ?? null,
      comparedSessions: differences.length,
    };
  });

  return {
    sessions,
    aspects,
    highlighted: tiedAtMax(aspects.map((a) => ({ id: a.aspectId, value: a.meanDifference }))),
  };
}
