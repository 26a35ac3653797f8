import type { TGoal } from "@ascent/contract";

export function formatScore(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** Today as yyyy-mm-dd in the browser's own time zone, the way a date input shows it. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isOverdue(goal: TGoal): boolean {
  return goal.status === "active" && goal.due !== null && goal.due < todayIso();
}

/**
 * How far the observed value has moved from where the goal started towards its target, 0 to 1.
 * A goal set before anyone rated the competency starts from the bottom of the scale.
 */
export function progressOf(goal: TGoal, observed: number | null, scaleMin: number): number {
  if (goal.status === "achieved") return 1;
  if (observed === null) return 0;
  const start = goal.from ?? scaleMin;
  if (goal.target <= start) return observed >= goal.target ? 1 : 0;
  return Math.min(1, Math.max(0, (observed - start) / (goal.target - start)));
}
