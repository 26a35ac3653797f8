import type { AssessmentRepository } from "../assessments/ports.ts";
import type { AuditRepository } from "../audit/audit.ts";
import type { FrameworkRepository } from "../framework/ports.ts";
import type { CareerPlanContent } from "../growth/career-plan.ts";
import type { DevelopmentGoal } from "../growth/development-goal.ts";

export type GoalReference = Pick<DevelopmentGoal, "id" | "personId" | "competencyId" | "status">;
export interface EvidenceReference {
  id: string;
  personId: string;
  competencyIds: string[];
}
export interface PlanReference {
  personId: string;
  content: CareerPlanContent;
}

/** What refers to the competencies and levels of a framework, and the narrow writes a migration makes. */
export interface CompetencyReferenceRepository {
  /** Goals on any of these competency ids, open or closed. */
  goalsOn(competencyIds: readonly string[]): Promise<GoalReference[]>;
  /** Evidence tagged with any of these competency ids. */
  evidenceTaggedWith(competencyIds: readonly string[]): Promise<EvidenceReference[]>;
  /** Career plans with a target level or a learning item tag among these ids. */
  plansReferring(competencyIds: readonly string[], levelIds: readonly string[]): Promise<PlanReference[]>;
  /** Submitted scored ratings per competency id on the framework's versions below `beforeVersion`. */
  ratingCounts(
    frameworkId: string,
    beforeVersion: number,
    competencyIds: readonly string[],
  ): Promise<Map<string, number>>;
  moveGoals(moves: readonly { id: string; competencyId: string }[]): Promise<void>;
  /** Marks these goals dropped: their competency is gone and the admin chose to close them. */
  closeGoals(ids: readonly string[]): Promise<void>;
  setEvidenceTags(updates: readonly { id: string; competencyIds: string[] }[]): Promise<void>;
  setPlanContents(updates: readonly { personId: string; content: CareerPlanContent }[]): Promise<void>;
}

/** The repositories a migration reads and writes, all bound to one database transaction. */
export interface FrameworkMigrationStores {
  frameworks: FrameworkRepository;
  assessments: Pick<AssessmentRepository, "carrySubmittedForward">;
  references: CompetencyReferenceRepository;
  audit: Pick<AuditRepository, "record">;
}

export interface FrameworkMigrationUnitOfWork {
  /** Runs `work` in one transaction: everything it writes commits together, or nothing does when it throws. */
  run<T>(work: (stores: FrameworkMigrationStores) => Promise<T>): Promise<T>;
}
