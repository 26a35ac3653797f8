import { AppError } from "../errors/app-error.ts";
import type { Framework } from "../framework/framework.ts";
import type { FrameworkCatalog } from "../framework/framework-catalog.ts";
import {
  applyMigrationToRatings,
  mapCompetencyId,
  mapLevelId,
  type FrameworkMigrationMap,
} from "../framework/migration-map.ts";
import type { FrameworkVersionRecord } from "../framework/ports.ts";
import type { Assessment, Rating } from "./assessment.ts";
import type { AssessmentRepository, CarriedAssessment } from "./ports.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";

/** What `migrated_from` keeps: the assessment as it was first submitted, and each move since. */
export interface AssessmentMigrationRecord {
  frameworkVersion: number;
  levelId: string;
  ratings: Rating[];
  migrations: { fromVersion: number; toVersion: number; at: string }[];
}

export interface AssessmentMigrationSummary {
  framework: string;
  fromVersion: number;
  toVersion: number;
  /** Submitted assessments carried onto `toVersion`. */
  assessments: number;
  /** Distinct people those assessments are about; their readiness snapshots were refreshed. */
  people: number;
  ratings: {
    /** Ratings now under another competency id (a rename), one for one. */
    renamed: number;
    /** Ratings folded into another one (a merge): the mean of their scores counts once. */
    merged: number;
    /** Ratings of removed competencies: kept only in the record of the original. */
    dropped: number;
  };
  /** Assessments whose level was removed without a fallback: they keep their old level id. */
  levelsUnplaced: number;
}

export interface AssessmentMigrationPorts {
  assessments: Pick<AssessmentRepository, "carrySubmittedForward">;
  frameworks: FrameworkCatalog;
  /** Called with the people whose assessments moved, to refresh what readiness stored about them. */
  onMigrated?: (subjectIds: string[]) => Promise<void>;
  /** A migration an admin asks for is written to the audit log. */
  audit: Pick<AuditRepository, "record">;
  now?: () => Date;
}

/** A rating on its way through the steps, with the original competency ids it stands for. */
interface Moving {
  competencyId: string;
  score: number;
  evidence: string;
  confidence: number | null;
  evidenceIds: string[];
  origins: string[];
}

export interface CarryCounts {
  renamed: number;
  merged: number;
  dropped: number;
  isLevelUnplaced: boolean;
}

const REFRESH_CHUNK = 500;

function asMigrationMap(stored: unknown): FrameworkMigrationMap {
  const map = stored as Partial<FrameworkMigrationMap> | null;
  // Versions published before maps were stored carry none: nothing moved then.
  return {
    competencies: Array.isArray(map?.competencies) ? map.competencies : [],
    levels: Array.isArray(map?.levels) ? map.levels : [],
  };
}

function isMigrationRecord(value: unknown): value is AssessmentMigrationRecord {
  return typeof value === "object" && value !== null && Array.isArray((value as AssessmentMigrationRecord).migrations);
}

/** One step: ratings through one version's map; merged ratings keep the most cautious confidence. */
function step(ratings: Moving[], map: FrameworkMigrationMap): Moving[] {
  return applyMigrationToRatings(ratings, map).map((rating) => {
    const confidences = rating.carriedFrom.flatMap((r) => (r.confidence === null ? [] : [r.confidence]));
    return {
      competencyId: rating.competencyId,
      score: rating.score,
      evidence: rating.evidence,
      confidence: confidences.length ? Math.min(...confidences) : null,
      evidenceIds: [...new Set(rating.carriedFrom.flatMap((r) => r.evidenceIds))],
      origins: rating.carriedFrom.flatMap((r) => r.origins),
    };
  });
}

/**
 * One submitted assessment carried through the maps of every version after its own, in order. Scored
 * ratings follow applyMigrationToRatings; unanswered ones follow their competency's new id and give way
 * to a scored rating that lands on the same one. Anything the target version does not know is dropped.
 */
export function carryAssessment(
  assessment: Assessment,
  steps: { version: number; map: FrameworkMigrationMap }[],
  target: { version: number; document: Framework },
  at: Date,
): { carried: CarriedAssessment; counts: CarryCounts } {
  let scored: Moving[] = assessment.ratings.flatMap((r) =>
    r.score === null ? [] : [{ ...r, score: r.score, origins: [r.competencyId] }],
  );
  let unanswered = assessment.ratings.filter((r) => r.score === null);
  let levelId: string | undefined = assessment.levelId;
  for (const { map } of steps) {
    scored = step(scored, map);
    unanswered = unanswered.flatMap((r) => {
      const competencyId = mapCompetencyId(r.competencyId, map);
      return competencyId === undefined ? [] : [{ ...r, competencyId }];
    });
    levelId = levelId === undefined ? undefined : mapLevelId(levelId, map);
  }
  const known = new Set(target.document.competencies.map((c) => c.id));
  const kept = scored.filter((r) => known.has(r.competencyId));
  const keptIds = new Set(kept.map((r) => r.competencyId));
  const placeholders = unanswered.filter((r, index) => {
    const isFirst = unanswered.findIndex((other) => other.competencyId === r.competencyId) === index;
    return isFirst && known.has(r.competencyId) && !keptIds.has(r.competencyId);
  });

  const originalScored = assessment.ratings.filter((r) => r.score !== null).length;
  const keptOrigins = kept.reduce((sum, r) => sum + r.origins.length, 0);
  const counts: CarryCounts = {
    renamed: kept.filter((r) => r.origins.length === 1 && r.origins[0] !== r.competencyId).length,
    merged: keptOrigins - kept.length,
    dropped: originalScored - keptOrigins,
    isLevelUnplaced: levelId === undefined,
  };

  const move = { fromVersion: assessment.frameworkVersion, toVersion: target.version, at: at.toISOString() };
  const previous = isMigrationRecord(assessment.migratedFrom) ? assessment.migratedFrom : null;
  const migratedFrom: AssessmentMigrationRecord = previous
    ? { ...previous, migrations: [...previous.migrations, move] }
    : {
        frameworkVersion: assessment.frameworkVersion,
        levelId: assessment.levelId,
        ratings: assessment.ratings,
        migrations: [move],
      };
  const carriedRatings: Rating[] = kept.map((r) => ({
    competencyId: r.competencyId,
    score: r.score,
    evidence: r.evidence,
    confidence: r.confidence,
    evidenceIds: r.evidenceIds,
  }));
  return {
    carried: {
      frameworkVersion: target.version,
      levelId: levelId ?? assessment.levelId,
      ratings: [...carriedRatings, ...placeholders],
      migratedFrom,
    },
    counts,
  };
}

/**
 * Carries past submitted assessments onto the framework's newest published version, through the
 * migration map stored with each version in between (DESIGN.md §3: renamed, merged or removed
 * competencies, moved levels). Each keeps a record of its original in `migrated_from`. Running it
 * again moves nothing twice.
 */
export class AssessmentMigration {
  private readonly now: () => Date;

  constructor(private readonly ports: AssessmentMigrationPorts) {
    this.now = ports.now ?? (() => new Date());
  }

  /**
   * Carries submitted assessments onto the latest version. An admin asking for it (`by`) is checked
   * and written to the audit log; without `by` it is the follow-on of a publish the admin already made.
   */
  async migrate(
    frameworkRef: string,
    options: { fromVersion?: number; by?: Viewer } = {},
  ): Promise<AssessmentMigrationSummary> {
    if (options.by !== undefined) assertAdmin(options.by);
    const detail = await this.ports.frameworks.detail(frameworkRef);
    const publishedVersions = detail.versions.filter((v) => v.status === "published").map((v) => v.version);
    const latest = publishedVersions.at(-1);
    if (latest === undefined) throw new AppError("conflict", `Framework "${detail.slug}" has no published version yet`);
    const fromVersion = options.fromVersion ?? publishedVersions[0] ?? latest;
    if (!Number.isInteger(fromVersion) || fromVersion < 1 || fromVersion > latest) {
      throw new AppError("validation_failed", `fromVersion must be a version from 1 to ${latest}`, [
        { path: "body.fromVersion", message: `got ${fromVersion}` },
      ]);
    }
    // One by one: inside a framework migration these reads share one transaction's connection.
    const records: FrameworkVersionRecord[] = [];
    for (const version of publishedVersions.filter((v) => v > fromVersion)) {
      records.push(await this.ports.frameworks.version(detail.id, version));
    }
    const target = await this.ports.frameworks.version(detail.id, latest);
    const at = this.now();
    // Counted for the assessments actually rewritten, not every one read.
    const countsById = new Map<string, CarryCounts>();
    const changed =
      fromVersion === latest
        ? []
        : await this.ports.assessments.carrySubmittedForward(detail.id, { from: fromVersion, to: latest }, (a) => {
            const { carried, counts } = carryAssessment(a, stepsAfter(a.frameworkVersion, records), target, at);
            countsById.set(a.id, counts);
            return carried;
          });
    const counted = changed.flatMap((c) => countsById.get(c.id) ?? []);
    const sum = (pick: (counts: CarryCounts) => number) => counted.reduce((total, c) => total + pick(c), 0);
    const subjectIds = [...new Set(changed.map((c) => c.subjectId))];
    for (let i = 0; i < subjectIds.length; i += REFRESH_CHUNK) {
      await this.ports.onMigrated?.(subjectIds.slice(i, i + REFRESH_CHUNK));
    }
    const summary: AssessmentMigrationSummary = {
      framework: detail.slug,
      fromVersion,
      toVersion: latest,
      assessments: changed.length,
      people: subjectIds.length,
      ratings: { renamed: sum((c) => c.renamed), merged: sum((c) => c.merged), dropped: sum((c) => c.dropped) },
      levelsUnplaced: sum((c) => (c.isLevelUnplaced ? 1 : 0)),
    };
    if (options.by !== undefined && summary.assessments > 0) {
      await this.ports.audit.record({
        kind: "write",
        actorId: options.by.personId,
        action: "assessments.migrate",
        targetType: "framework",
        targetId: summary.framework,
        details: { ...summary },
      });
    }
    return summary;
  }
}

/** The maps of the published versions after `version`, oldest first: each maps its predecessor onto it. */
function stepsAfter(version: number, records: FrameworkVersionRecord[]) {
  return records
    .filter((record) => record.version > version)
    .sort((a, b) => a.version - b.version)
    .map((record) => ({ version: record.version, map: asMigrationMap(record.migrationMap) }));
}
