import type { FrameworkSummaryRecord, FrameworkVersionRecord } from "@ascent/core";
import type { TFrameworkSummary, TFrameworkVersion } from "@ascent/contract";

export function presentFrameworkSummary(record: FrameworkSummaryRecord): TFrameworkSummary {
  return {
    id: record.id,
    slug: record.slug,
    name: record.name,
    isBuiltin: record.isBuiltin,
    latestPublishedVersion: record.latestPublishedVersion,
    draftVersion: record.draftVersion,
    levelCount: record.levelCount,
    competencyCount: record.competencyCount,
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function presentVersionSummary(record: FrameworkVersionRecord) {
  return {
    version: record.version,
    status: record.status,
    note: record.note,
    createdAt: record.createdAt.toISOString(),
    publishedAt: record.publishedAt?.toISOString() ?? null,
  };
}

export function presentFrameworkVersion(record: FrameworkVersionRecord): TFrameworkVersion {
  return { ...presentVersionSummary(record), frameworkId: record.frameworkId, document: record.document };
}
