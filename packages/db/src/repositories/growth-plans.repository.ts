import { and, asc, eq, inArray } from "drizzle-orm";
import type {
  CareerPlan,
  CareerPlanContent,
  CareerPlanRepository,
  CareerPlanReview,
  DevelopmentGoal,
  GoalCheckIn,
  GoalPatch,
  GoalRepository,
  NewCheckIn,
  NewGoal,
  PlanCadence,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { careerPlanReviews, careerPlans, developmentGoals, goalCheckIns } from "../schema/index.ts";

type PlanRow = typeof careerPlans.$inferSelect;
type GoalRow = typeof developmentGoals.$inferSelect;
type CheckInRow = typeof goalCheckIns.$inferSelect;

function toPlan(row: PlanRow): CareerPlan {
  return {
    personId: row.personId,
    content: row.plan as CareerPlanContent,
    cadence: row.cadence,
    lastReviewedAt: row.lastReviewedAt,
    isSharedWithManager: row.isSharedWithManager,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export class DrizzleCareerPlanRepository implements CareerPlanRepository {
  constructor(private readonly db: AppDatabase) {}

  async find(personId: string): Promise<CareerPlan | null> {
    const [row] = await this.db.select().from(careerPlans).where(eq(careerPlans.personId, personId));
    return row ? toPlan(row) : null;
  }

  async save(personId: string, plan: { content: CareerPlanContent; cadence: PlanCadence }): Promise<CareerPlan> {
    const [row] = await this.db
      .insert(careerPlans)
      .values({ personId, plan: plan.content, cadence: plan.cadence })
      .onConflictDoUpdate({
        target: careerPlans.personId,
        set: { plan: plan.content, cadence: plan.cadence, updatedAt: new Date() },
      })
      .returning();
    if (!row) throw new Error("upsert into career_plans returned no row");
    return toPlan(row);
  }

  async setSharing(personId: string, isSharedWithManager: boolean): Promise<CareerPlan | null> {
    const [row] = await this.db
      .update(careerPlans)
      .set({ isSharedWithManager, updatedAt: new Date() })
      .where(eq(careerPlans.personId, personId))
      .returning();
    return row ? toPlan(row) : null;
  }

  async recordReview(review: Omit<CareerPlanReview, "id">): Promise<CareerPlanReview> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(careerPlanReviews)
        .values({ personId: review.personId, reviewedAt: review.reviewedAt, plan: review.content, note: review.note })
        .returning();
      if (!row) throw new Error("insert into career_plan_reviews returned no row");
      await tx
        .update(careerPlans)
        .set({ lastReviewedAt: review.reviewedAt })
        .where(eq(careerPlans.personId, review.personId));
      return { ...review, id: row.id };
    });
  }

  async listReviews(personId: string): Promise<CareerPlanReview[]> {
    const rows = await this.db
      .select()
      .from(careerPlanReviews)
      .where(eq(careerPlanReviews.personId, personId))
      .orderBy(asc(careerPlanReviews.reviewedAt), asc(careerPlanReviews.id));
    return rows.map((row) => ({
      id: row.id,
      personId: row.personId,
      reviewedAt: row.reviewedAt,
      content: row.plan as CareerPlanContent,
      note: row.note,
    }));
  }
}

function toCheckIn(row: CheckInRow): GoalCheckIn {
  return { id: row.id, goalId: row.goalId, at: row.at, progress: row.progress, note: row.note };
}

function toGoal(row: GoalRow, checkIns: GoalCheckIn[]): DevelopmentGoal {
  return {
    id: row.id,
    personId: row.personId,
    competencyId: row.competencyId,
    from: row.fromValue,
    target: row.target,
    title: row.title,
    actions: row.actions,
    due: row.due,
    status: row.status,
    isSharedWithManager: row.isSharedWithManager,
    createdAt: row.createdAt,
    achievedAt: row.achievedAt,
    checkIns,
  };
}

export class DrizzleGoalRepository implements GoalRepository {
  constructor(private readonly db: AppDatabase) {}

  /** The goals of these rows with their check-ins, oldest first, in one extra query. */
  private async withCheckIns(rows: GoalRow[]): Promise<DevelopmentGoal[]> {
    if (rows.length === 0) return [];
    const checkIns = await this.db
      .select()
      .from(goalCheckIns)
      .where(
        inArray(
          goalCheckIns.goalId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(asc(goalCheckIns.at), asc(goalCheckIns.id));
    const byGoal = new Map<string, GoalCheckIn[]>();
    for (const checkIn of checkIns) {
      const list = byGoal.get(checkIn.goalId) ?? [];
      list.push(toCheckIn(checkIn));
      byGoal.set(checkIn.goalId, list);
    }
    return rows.map((row) => toGoal(row, byGoal.get(row.id) ?? []));
  }

  async create(goal: NewGoal): Promise<DevelopmentGoal> {
    const [row] = await this.db
      .insert(developmentGoals)
      .values({
        personId: goal.personId,
        competencyId: goal.competencyId,
        fromValue: goal.from,
        target: goal.target,
        title: goal.title,
        actions: goal.actions,
        due: goal.due,
        isSharedWithManager: goal.isSharedWithManager,
      })
      .returning();
    if (!row) throw new Error("insert into development_goals returned no row");
    return toGoal(row, []);
  }

  async findById(id: string): Promise<DevelopmentGoal | null> {
    const rows = await this.db.select().from(developmentGoals).where(eq(developmentGoals.id, id));
    return (await this.withCheckIns(rows))[0] ?? null;
  }

  async listForPerson(personId: string, options: { sharedOnly?: boolean } = {}): Promise<DevelopmentGoal[]> {
    const where = options.sharedOnly
      ? and(eq(developmentGoals.personId, personId), eq(developmentGoals.isSharedWithManager, true))
      : eq(developmentGoals.personId, personId);
    const rows = await this.db
      .select()
      .from(developmentGoals)
      .where(where)
      .orderBy(asc(developmentGoals.createdAt), asc(developmentGoals.id));
    return this.withCheckIns(rows);
  }

  async update(id: string, patch: GoalPatch): Promise<DevelopmentGoal> {
    const [row] = await this.db.update(developmentGoals).set(patch).where(eq(developmentGoals.id, id)).returning();
    if (!row) throw new Error(`development goal ${id} not found`);
    return (await this.withCheckIns([row]))[0] as DevelopmentGoal;
  }

  async markAchieved(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .update(developmentGoals)
      .set({ status: "achieved", achievedAt: at })
      .where(and(inArray(developmentGoals.id, [...ids]), eq(developmentGoals.status, "active")));
  }

  async addCheckIn(checkIn: NewCheckIn): Promise<GoalCheckIn> {
    const [row] = await this.db.insert(goalCheckIns).values(checkIn).returning();
    if (!row) throw new Error("insert into goal_check_ins returned no row");
    return toCheckIn(row);
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(developmentGoals).where(eq(developmentGoals.id, id));
  }
}
