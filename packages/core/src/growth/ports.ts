import type { CareerPlan, CareerPlanContent, CareerPlanReview, PlanCadence } from "./career-plan.ts";
import type { DevelopmentGoal, GoalCheckIn, GoalPatch, NewCheckIn, NewGoal } from "./development-goal.ts";

export interface CareerPlanRepository {
  find(personId: string): Promise<CareerPlan | null>;
  /** Creates the plan or replaces its content and cadence; sharing and review dates are kept. */
  save(personId: string, plan: { content: CareerPlanContent; cadence: PlanCadence }): Promise<CareerPlan>;
  /** Null when the person has no plan. */
  setSharing(personId: string, isSharedWithManager: boolean): Promise<CareerPlan | null>;
  /** Keeps a dated copy of the current content and makes its date the plan's last review, together. */
  recordReview(review: Omit<CareerPlanReview, "id">): Promise<CareerPlanReview>;
  /** Oldest first. */
  listReviews(personId: string): Promise<CareerPlanReview[]>;
}

export interface GoalRepository {
  create(goal: NewGoal): Promise<DevelopmentGoal>;
  findById(id: string): Promise<DevelopmentGoal | null>;
  /** Oldest first, each with its check-ins. */
  listForPerson(personId: string, options?: { sharedOnly?: boolean }): Promise<DevelopmentGoal[]>;
  update(id: string, patch: GoalPatch): Promise<DevelopmentGoal>;
  /** Marks these active goals achieved at this moment; goals no longer active are left alone. */
  markAchieved(ids: readonly string[], at: Date): Promise<void>;
  addCheckIn(checkIn: NewCheckIn): Promise<GoalCheckIn>;
  delete(id: string): Promise<void>;
}
