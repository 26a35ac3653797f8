import type { TCycleTask, TPersonProgress } from "@ascent/contract";

type State = NonNullable<TPersonProgress["phases"]["self"]>;

export const STATE_LABELS: Record<State, string> = {
  done: "Done",
  "in-progress": "In progress",
  "not-started": "Not started",
  late: "Late",
};

export const PHASE_LABELS: Record<string, string> = {
  self: "Self-assessment",
  nomination: "Peer and upward nominations",
  manager: "Manager assessment",
  calibration: "Calibration",
  release: "Release",
};

export const TASK_LABELS: Record<TCycleTask["kind"], string> = {
  "self-assessment": "Assess yourself",
  nominate: "Nominate peers and reports to give feedback",
  "answer-request": "Give feedback",
  "approve-nominations": "Approve nominations",
  "manager-assessment": "Assess as their manager",
  acknowledge: "Acknowledge your results",
};

const dayFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });

export function formatDay(iso: string | null): string {
  return iso ? dayFormat.format(new Date(iso)) : "—";
}
