import { and, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type {
  CareerPlanContent,
  CompetencyReferenceRepository,
  EvidenceReference,
  FrameworkMigrationStores,
  FrameworkMigrationUnitOfWork,
  GoalReference,
  PlanReference,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { assessments, careerPlans, developmentGoals, evidence, ratings } from "../schema/index.ts";
import { DrizzleAssessmentRepository } from "./assessments.repository.ts";
import { DrizzleAuditRepository } from "./audit.repository.ts";
import { DrizzleFrameworkRepository } from "./frameworks.repository.ts";

const textArray = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::text[]`;

/** What refers to a framework's competencies and levels, read and rewritten by a framework migration. */
export class DrizzleCompetencyReferenceRepository implements CompetencyReferenceRepository {
  constructor(private readonly db: AppDatabase) {}

  async goalsOn(competencyIds: readonly string[]): Promise<GoalReference[]> {
    if (competencyIds.length === 0) return [];
    return this.db
      .select({
        id: developmentGoals.id,
        personId: developmentGoals.personId,
        competencyId: developmentGoals.competencyId,
        status: developmentGoals.status,
      })
      .from(developmentGoals)
      .where(inArray(developmentGoals.competencyId, [...competencyIds]))
      .orderBy(developmentGoals.createdAt, developmentGoals.id);
  }

  async evidenceTaggedWith(competencyIds: readonly string[]): Promise<EvidenceReference[]> {
    if (competencyIds.length === 0) return [];
    return this.db
      .select({ id: evidence.id, personId: evidence.personId, competencyIds: evidence.competencyIds })
      .from(evidence)
      .where(sql`${evidence.competencyIds} ?| ${textArray(competencyIds)}`)
      .orderBy(evidence.createdAt, evidence.id);
  }

  async plansReferring(competencyIds: readonly string[], levelIds: readonly string[]): Promise<PlanReference[]> {
    const conditions = [
      ...(competencyIds.length === 0
        ? []
        : [
            sql`exists (select 1 from jsonb_array_elements(${careerPlans.plan}->'learning') as item
                where item->'competencyIds' ?| ${textArray(competencyIds)})`,
          ]),
      ...(levelIds.length === 0
        ? []
        : [sql`${careerPlans.plan}->'envision'->>'targetLevelId' = any(${textArray(levelIds)})`]),
    ];
    if (conditions.length === 0) return [];
    const rows = await this.db
      .select({ personId: careerPlans.personId, plan: careerPlans.plan })
      .from(careerPlans)
      .where(sql.join(conditions, sql` or `))
      .orderBy(careerPlans.personId);
    return rows.map((row) => ({ personId: row.personId, content: row.plan as CareerPlanContent }));
  }

  async ratingCounts(
    frameworkId: string,
    beforeVersion: number,
    competencyIds: readonly string[],
  ): Promise<Map<string, number>> {
    if (competencyIds.length === 0) return new Map();
    const rows = await this.db
      .select({ competencyId: ratings.competencyId, count: sql<number>`count(*)::int` })
      .from(ratings)
      .innerJoin(assessments, eq(assessments.id, ratings.assessmentId))
      .where(
        and(
          eq(assessments.frameworkId, frameworkId),
          eq(assessments.status, "submitted"),
          lt(assessments.frameworkVersion, beforeVersion),
          isNotNull(ratings.score),
          inArray(ratings.competencyId, [...competencyIds]),
        ),
      )
      .groupBy(ratings.competencyId);
    return new Map(rows.map((row) => [row.competencyId, Number(row.count)]));
  }

  async moveGoals(moves: readonly { id: string; competencyId: string }[]): Promise<void> {
    for (const move of moves) {
      await this.db
        .update(developmentGoals)
        .set({ competencyId: move.competencyId })
        .where(eq(developmentGoals.id, move.id));
    }
  }

  async closeGoals(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .update(developmentGoals)
      .set({ status: "dropped" })
      .where(and(inArray(developmentGoals.id, [...ids]), eq(developmentGoals.status, "active")));
  }

  async setEvidenceTags(updates: readonly { id: string; competencyIds: string[] }[]): Promise<void> {
    for (const update of updates) {
      await this.db
        .update(evidence)
        .set({ competencyIds: update.competencyIds, updatedAt: new Date() })
        .where(eq(evidence.id, update.id));
    }
  }

  async setPlanContents(updates: readonly { personId: string; content: CareerPlanContent }[]): Promise<void> {
    for (const update of updates) {
      await this.db
        .update(careerPlans)
        .set({ plan: update.content, updatedAt: new Date() })
        .where(eq(careerPlans.personId, update.personId));
    }
  }
}

/** Every store a framework migration touches, bound to one transaction of this database. */
export class DrizzleFrameworkMigrationUnitOfWork implements FrameworkMigrationUnitOfWork {
  constructor(private readonly db: AppDatabase) {}

  run<T>(work: (stores: FrameworkMigrationStores) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const bound = tx as unknown as AppDatabase;
      return work({
        frameworks: new DrizzleFrameworkRepository(bound),
        assessments: new DrizzleAssessmentRepository(bound),
        references: new DrizzleCompetencyReferenceRepository(bound),
        audit: new DrizzleAuditRepository(bound),
      });
    });
  }
}
