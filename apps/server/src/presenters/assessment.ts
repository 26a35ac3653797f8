import type { Assessment, AssessmentMigrationRecord, Person, Rating } from "@ascent/core";
import type { TAssessment, TAssessmentRating, TAttributedAssessment } from "@ascent/contract";

/** People named by the assessments, by id. */
export type PeopleIndex = ReadonlyMap<string, Person>;

function presentPersonLink(id: string, people: PeopleIndex) {
  return { id, name: people.get(id)?.name ?? "(removed)" };
}

function presentRating(rating: Rating): TAssessmentRating {
  return {
    competencyId: rating.competencyId,
    score: rating.score,
    evidence: rating.evidence,
    confidence: rating.confidence,
    evidenceIds: rating.evidenceIds,
  };
}

/** The record a framework migration keeps of the original (stored as JSON); null when it never moved. */
function presentMigratedFrom(stored: unknown): TAssessment["migratedFrom"] {
  const record = stored as Partial<AssessmentMigrationRecord> | null;
  if (!record || typeof record.frameworkVersion !== "number" || !Array.isArray(record.migrations)) return null;
  return {
    frameworkVersion: record.frameworkVersion,
    levelId: record.levelId ?? "",
    ratings: (record.ratings ?? []).map(presentRating),
    migrations: record.migrations.map((m) => ({ fromVersion: m.fromVersion, toVersion: m.toVersion, at: m.at })),
  };
}

/** An assessment for its own rater, or a self or manager assessment for the person and their managers. */
export function presentAssessment(assessment: Assessment, people: PeopleIndex): TAssessment {
  return {
    id: assessment.id,
    subject: presentPersonLink(assessment.subjectId, people),
    rater: presentPersonLink(assessment.raterId, people),
    relation: assessment.relation,
    status: assessment.status,
    frameworkId: assessment.frameworkId,
    frameworkVersion: assessment.frameworkVersion,
    levelId: assessment.levelId,
    feedbackRequestId: assessment.feedbackRequestId,
    supersedesId: assessment.supersedesId,
    submittedAt: assessment.submittedAt?.toISOString() ?? null,
    migratedFrom: presentMigratedFrom(assessment.migratedFrom),
    createdAt: assessment.createdAt.toISOString(),
    updatedAt: assessment.updatedAt.toISOString(),
    ratings: assessment.ratings.map(presentRating),
  };
}

/**
 * Submitted assessments about a person. Only self and manager ones may come through here: a peer or
 * upward answer reaching this presenter is a bug, and it refuses to show it rather than leak it.
 */
export function presentAttributedAssessments(assessments: Assessment[], people: PeopleIndex): TAttributedAssessment[] {
  const superseded = new Set(
    assessments.filter((a) => a.status === "submitted" && a.supersedesId).map((a) => a.supersedesId),
  );
  return assessments.map((assessment) => {
    if (assessment.relation !== "self" && assessment.relation !== "manager") {
      throw new Error(`refusing to present a ${assessment.relation} assessment as attributed`);
    }
    return { ...presentAssessment(assessment, people), isSuperseded: superseded.has(assessment.id) };
  });
}
