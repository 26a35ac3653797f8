import type { Viewer } from "../access/viewer.ts";
import { ACTIVE_FRAMEWORK_SLUG } from "../assessments/assessment-service.ts";
import { AssessmentMigration, type AssessmentMigrationSummary } from "../assessments/migrate-assessments.ts";
import { AppError } from "../errors/app-error.ts";
import { FrameworkCatalog } from "../framework/framework-catalog.ts";
import { FrameworkEditor } from "../framework/framework-editor.ts";
import type { FrameworkMigrationMap } from "../framework/migration-map.ts";
import type { FrameworkVersionRecord } from "../framework/ports.ts";
import {
  planFrameworkMigration,
  validateGoalChoices,
  type FrameworkMigrationReport,
  type GoalChoice,
  type MigrationWrites,
} from "./migration-plan.ts";
import type { FrameworkMigrationStores, FrameworkMigrationUnitOfWork } from "./ports.ts";

export interface FrameworkMigrationPorts {
  unitOfWork: FrameworkMigrationUnitOfWork;
  /** Called after the commit with the people whose ratings, goals, evidence or plans moved. */
  onMigrated?: (personIds: string[]) => Promise<void>;
  now?: () => Date;
}

export interface MigrationRequest {
  migrationMap?: FrameworkMigrationMap;
  choices?: GoalChoice[];
}

export interface PublishedMigration {
  version: FrameworkVersionRecord;
  /** Null for a framework's first version: there was nothing to migrate from. */
  report: FrameworkMigrationReport | null;
  /** Null when nothing was carried (a framework other than the ladder in use, or its first version). */
  assessments: AssessmentMigrationSummary | null;
}

function requireAdmin(viewer: Viewer): void {
  if (!viewer.isAdmin) throw new AppError("forbidden", "Only an admin can migrate a framework");
}

function refusal(report: FrameworkMigrationReport): AppError {
  const names = report.unresolved.map((u) => `${u.name} (${u.openGoals} open goal(s))`).join(", ");
  return new AppError(
    "validation_failed",
    `The map removes competencies that open goals still use: ${names}. Choose for each: move, close or keep`,
    report.unresolved.map((u) => ({
      path: "choices",
      message: `"${u.competencyId}" (${u.name}) is removed but ${u.openGoals} open goal(s) of ${u.people} person(s) use it: move them to another competency, close them or keep them as legacy`,
    })),
  );
}

/**
 * Publishing a framework version with everything that refers to its competencies: ratings, development
 * goals, evidence tags and career-plan items follow the map (renamed, merged, removed). The dry run shows
 * what moves where and what has no home; publishing applies exactly that in one transaction and records
 * the report in the audit log. Open goals on a removed competency need an explicit choice, or nothing happens.
 */
export class FrameworkMigration {
  private readonly now: () => Date;

  constructor(private readonly ports: FrameworkMigrationPorts) {
    this.now = ports.now ?? (() => new Date());
  }

  /** The report of publishing the draft with this map and these choices; writes nothing. */
  async preview(viewer: Viewer, ref: string, request: MigrationRequest = {}): Promise<FrameworkMigrationReport> {
    requireAdmin(viewer);
    return this.ports.unitOfWork.run(async (stores) => (await this.plan(stores, ref, request)).report);
  }

  async publish(
    viewer: Viewer,
    ref: string,
    request: MigrationRequest & { note?: string } = {},
  ): Promise<PublishedMigration> {
    requireAdmin(viewer);
    const result = await this.ports.unitOfWork.run(async (stores) => {
      const { report, writes, migrationMap, isActive, isFirst } = await this.plan(stores, ref, request);
      if (report.unresolved.length > 0) throw refusal(report);
      const editor = new FrameworkEditor(stores.frameworks);
      const version = await editor.publish(ref, {
        ...(request.note === undefined ? {} : { note: request.note }),
        ...(migrationMap === undefined ? {} : { migrationMap }),
      });
      const people = new Set(
        [...writes.goalMoves, ...writes.goalsClosed, ...writes.evidenceTags, ...writes.plans].map((w) => w.personId),
      );
      const assessments =
        isActive && migrationMap !== undefined
          ? await new AssessmentMigration({
              assessments: stores.assessments,
              frameworks: new FrameworkCatalog(stores.frameworks),
              onMigrated: async (subjectIds) => subjectIds.forEach((id) => people.add(id)),
              now: this.now,
              audit: stores.audit,
            }).migrate(version.frameworkId)
          : null;
      await applyWrites(stores, writes);
      if (!isFirst) {
        await stores.audit.record({
          kind: "write",
          actorId: viewer.personId,
          action: "framework.migrate",
          targetType: "framework_version",
          targetId: version.id,
          details: { report, assessments } as unknown as Record<string, unknown>,
        });
      }
      return { version, report: isFirst ? null : report, assessments, people: [...people] };
    });
    // Readiness snapshots follow the committed data, so they are refreshed only once it is in.
    if (result.people.length > 0) await this.ports.onMigrated?.(result.people);
    return { version: result.version, report: result.report, assessments: result.assessments };
  }

  private async plan(stores: FrameworkMigrationStores, ref: string, request: MigrationRequest) {
    const editor = new FrameworkEditor(stores.frameworks);
    const { framework, draft, previous, migrationMap } = await editor.prepareMigration(ref, request.migrationMap);
    const map = migrationMap ?? { competencies: [], levels: [] };
    const choices = request.choices ?? [];
    const problems = validateGoalChoices(choices, map, draft.document);
    if (problems.length > 0) {
      throw new AppError("validation_failed", `The goal choices have ${problems.length} problem(s)`, problems);
    }
    const isActive = framework.slug === ACTIVE_FRAMEWORK_SLUG && previous !== undefined;
    const competencyIds = map.competencies.flatMap((entry) =>
      entry.kind === "remove" ? [entry.id] : entry.kind === "rename" ? [entry.from] : entry.from,
    );
    const levelIds = map.levels.flatMap((entry) => (entry.kind === "remove" ? [entry.id] : [entry.from]));
    const { references } = stores;
    // One after another: the reads share the transaction's single connection.
    const goals = isActive ? await references.goalsOn(competencyIds) : [];
    const evidence = isActive ? await references.evidenceTaggedWith(competencyIds) : [];
    const plans = isActive ? await references.plansReferring(competencyIds, levelIds) : [];
    const ratingCounts = isActive
      ? await references.ratingCounts(framework.id, draft.version, competencyIds)
      : new Map<string, number>();
    const { report, writes } = planFrameworkMigration({
      framework: framework.slug,
      fromVersion: previous?.version ?? draft.version,
      toVersion: draft.version,
      carriesData: isActive,
      before: previous?.document ?? draft.document,
      after: draft.document,
      map,
      choices,
      references: { goals, evidence, plans, ratingCounts },
    });
    return { report, writes, migrationMap, isActive, isFirst: previous === undefined };
  }
}

async function applyWrites(stores: FrameworkMigrationStores, writes: MigrationWrites): Promise<void> {
  await stores.references.moveGoals(writes.goalMoves);
  await stores.references.closeGoals(writes.goalsClosed.map((g) => g.id));
  await stores.references.setEvidenceTags(writes.evidenceTags);
  await stores.references.setPlanContents(writes.plans);
}
