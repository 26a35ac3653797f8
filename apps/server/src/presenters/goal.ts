import { goalTimeline, type Competency, type DevelopmentGoal } from "@ascent/core";
import type { TGoal, TGoalTimelineEntry } from "@ascent/contract";

export function presentGoal(goal: DevelopmentGoal, competencies: readonly Competency[]): TGoal {
  return {
    id: goal.id,
    personId: goal.personId,
    competencyId: goal.competencyId,
    competencyName: competencies.find((c) => c.id === goal.competencyId)?.name ?? goal.competencyId,
    title: goal.title,
    from: goal.from,
    target: goal.target,
    due: goal.due,
    status: goal.status,
    isSharedWithManager: goal.isSharedWithManager,
    actions: goal.actions.map((action) => ({ id: action.id, text: action.text, isDone: action.isDone })),
    checkIns: goal.checkIns.map((checkIn) => ({
      id: checkIn.id,
      at: checkIn.at.toISOString(),
      progress: checkIn.progress,
      note: checkIn.note,
    })),
    createdAt: goal.createdAt.toISOString(),
    achievedAt: goal.achievedAt?.toISOString() ?? null,
  };
}

/** The dated moments of the goals shown, for the "My growth" timeline. */
export function presentGoalTimeline(goals: readonly DevelopmentGoal[]): TGoalTimelineEntry[] {
  return goalTimeline(goals).map((entry) => ({
    at: entry.at.toISOString(),
    kind: entry.kind,
    goalId: entry.goalId,
    competencyId: entry.competencyId,
    title: entry.title,
    progress: entry.progress,
  }));
}
