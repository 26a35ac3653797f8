import { AppError, type ErrorDetail } from "../errors/app-error.ts";
import type { Framework } from "../framework/framework.ts";
import type { CompetencyReadiness } from "../readiness/readiness.ts";
import { isCalendarDate, type SaveWarning } from "./career-plan.ts";

export type GoalStatus = "active" | "achieved" | "dropped";
export const GOAL_STATUSES: readonly GoalStatus[] = ["active", "achieved", "dropped"];

export interface GoalAction {
  id: string;
  text: string;
  isDone: boolean;
}

export interface GoalCheckIn {
  id: string;
  goalId: string;
  at: Date;
  /** How far along the owner feels, 0–100; null when the check-in is a note only. */
  progress: number | null;
  note: string;
}

/** Growing one competency from where it is observed to a target on the ladder's scale. */
export interface DevelopmentGoal {
  id: string;
  personId: string;
  competencyId: string;
  /** The observed value when the goal was set; null when nobody had rated the competency yet. */
  from: number | null;
  target: number;
  title: string;
  actions: GoalAction[];
  /** yyyy-mm-dd */
  due: string | null;
  status: GoalStatus;
  isSharedWithManager: boolean;
  createdAt: Date;
  achievedAt: Date | null;
  /** Oldest first. */
  checkIns: GoalCheckIn[];
}

export type NewGoal = Pick<
  DevelopmentGoal,
  "personId" | "competencyId" | "from" | "target" | "title" | "actions" | "due" | "isSharedWithManager"
>;

export type GoalPatch = Partial<
  Pick<DevelopmentGoal, "title" | "target" | "actions" | "due" | "status" | "isSharedWithManager" | "achievedAt">
>;

export type NewCheckIn = Pick<GoalCheckIn, "goalId" | "at" | "progress" | "note">;

/**
 * Who moves a goal where: the owner drops and reopens goals; only readiness marks one achieved
 * (see goalsReachingTarget), and an achieved goal stays achieved.
 */
export const GOAL_TRANSITIONS: Record<GoalStatus, readonly GoalStatus[]> = {
  active: ["achieved", "dropped"],
  dropped: ["active"],
  achieved: [],
};

export function canTransition(from: GoalStatus, to: GoalStatus): boolean {
  return from === to || GOAL_TRANSITIONS[from].includes(to);
}

export function assertGoalTransition(from: GoalStatus, to: GoalStatus): void {
  if (!canTransition(from, to)) {
    const reason = from === "achieved" ? "an achieved goal is closed; set a new goal to go further" : "not allowed";
    throw new AppError("conflict", `A goal cannot go from ${from} to ${to}: ${reason}`, [
      { path: "body.status", message: reason },
    ]);
  }
}

/** A goal is achieved once the competency's observed value reaches the target. */
export function isAchieved(goal: Pick<DevelopmentGoal, "target">, observed: number | null | undefined): boolean {
  return observed !== null && observed !== undefined && observed >= goal.target;
}

/** The active goals that readiness now shows as reached, given the observed value per competency. */
export function goalsReachingTarget(
  goals: readonly DevelopmentGoal[],
  observed: Readonly<Record<string, number | null>>,
): DevelopmentGoal[] {
  return goals.filter((goal) => goal.status === "active" && isAchieved(goal, observed[goal.competencyId]));
}

/**
 * A goal from a readiness gap, in one click: from = the observed value, target = what the target
 * level expects. A competency already at or above the expectation has no gap to close.
 */
export function goalFromGap(
  gap: CompetencyReadiness | undefined,
  context: { competencyName: string; levelName: string },
): Pick<NewGoal, "competencyId" | "from" | "target" | "title"> {
  if (!gap) {
    throw new AppError(
      "validation_failed",
      `Invalid body.competencyId: ${context.competencyName} does not apply at ${context.levelName}`,
      [{ path: "body.competencyId", message: `does not apply at ${context.levelName}` }],
    );
  }
  if (gap.observed !== null && gap.observed >= gap.expected) {
    throw new AppError(
      "validation_failed",
      `Invalid body.competencyId: ${context.competencyName} already meets the ${context.levelName} expectation`,
      [{ path: "body.competencyId", message: `no gap: already meets the ${context.levelName} expectation` }],
    );
  }
  return {
    competencyId: gap.competencyId,
    from: gap.observed,
    target: gap.expected,
    title: `Grow ${context.competencyName} to the ${context.levelName} expectation`,
  };
}

/** The fields of a goal the ladder must accept: a known competency, values on its scale, calendar dates. */
export function validateGoalFields(
  fields: Partial<Pick<DevelopmentGoal, "competencyId" | "from" | "target" | "due" | "actions">>,
  ladder: Pick<Framework, "competencies" | "scale">,
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const { min, max } = ladder.scale;
  if (fields.competencyId !== undefined && !ladder.competencies.some((c) => c.id === fields.competencyId)) {
    details.push({ path: "body.competencyId", message: `"${fields.competencyId}" is not a competency of the ladder` });
  }
  for (const field of ["from", "target"] as const) {
    const value = fields[field];
    if (value !== undefined && value !== null && (value < min || value > max)) {
      details.push({ path: `body.${field}`, message: `must be on the ladder's scale, ${min} to ${max}` });
    }
  }
  if (fields.due !== undefined && fields.due !== null && !isCalendarDate(fields.due)) {
    details.push({ path: "body.due", message: "must be a calendar date, yyyy-mm-dd" });
  }
  const seen = new Set<string>();
  fields.actions?.forEach((action, index) => {
    if (seen.has(action.id))
      details.push({ path: `body.actions[${index}].id`, message: `"${action.id}" appears twice` });
    seen.add(action.id);
  });
  return details;
}

/** A due date newly set in the past is saved, with a warning. */
export function dueDateWarnings(
  due: string | null | undefined,
  previousDue: string | null,
  today: string,
): SaveWarning[] {
  if (due === undefined || due === null || due === previousDue || due >= today) return [];
  return [{ path: "body.due", message: `${due} is already past (today is ${today}); saved anyway` }];
}

/** One dated point on the "My growth" timeline. */
export interface GoalTimelineEntry {
  at: Date;
  kind: "goal-created" | "check-in" | "goal-achieved";
  goalId: string;
  competencyId: string;
  title: string;
  progress: number | null;
}

/** Every dated moment of these goals, oldest first, for plotting beside readiness history. */
export function goalTimeline(goals: readonly DevelopmentGoal[]): GoalTimelineEntry[] {
  const entries = goals.flatMap((goal): GoalTimelineEntry[] => {
    const base = { goalId: goal.id, competencyId: goal.competencyId };
    return [
      { ...base, at: goal.createdAt, kind: "goal-created", title: goal.title, progress: null },
      ...goal.checkIns.map((checkIn): GoalTimelineEntry => ({
        ...base,
        at: checkIn.at,
        kind: "check-in",
        title: checkIn.note,
        progress: checkIn.progress,
      })),
      ...(goal.achievedAt
        ? [{ ...base, at: goal.achievedAt, kind: "goal-achieved" as const, title: goal.title, progress: null }]
        : []),
    ];
  });
  const order: Record<GoalTimelineEntry["kind"], number> = { "goal-created": 0, "check-in": 1, "goal-achieved": 2 };
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || order[a.kind] - order[b.kind]);
}
