import type { FrameworkSummaryRecord, FrameworkVersionRecord } from "@ascent/core";
import type { TFrameworkAbout, TFrameworkSummary, TFrameworkVersion } from "@ascent/contract";

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

export function presentFrameworkAbout(record: FrameworkVersionRecord): TFrameworkAbout {
  const { document } = record;
  const expectations = Object.entries(document.expectations).flatMap(([levelId, row]) =>
    Object.values(row).map((expectation) => ({ levelId, expectation })),
  );
  const interpolated = expectations.filter((e) => e.expectation.interpolated);
  const isWhollyInterpolated = (levelId: string) =>
    expectations.filter((e) => e.levelId === levelId).every((e) => e.expectation.interpolated);
  const levelName = new Map(document.levels.map((l) => [l.id, l.name]));
  const competencyName = new Map(document.competencies.map((c) => [c.id, c.name]));
  return {
    slug: document.slug,
    name: document.name,
    description: document.description,
    version: record.version,
    sources: document.sources,
    levels: [...document.levels]
      .sort((a, b) => a.rank - b.rank)
      .map(({ id, rank, name, track, scope, aliases }) => ({ id, rank, name, track, scope, aliases })),
    competencyCount: document.competencies.length,
    descriptors: {
      total: expectations.length,
      interpolated: interpolated.length,
      interpolatedLevels: document.levels
        .filter((l) => expectations.some((e) => e.levelId === l.id) && isWhollyInterpolated(l.id))
        .map((l) => l.name),
      interpolatedAtSourcedLevels: Object.entries(document.expectations).flatMap(([levelId, row]) =>
        isWhollyInterpolated(levelId)
          ? []
          : Object.entries(row)
              .filter(([, expectation]) => expectation.interpolated)
              .map(([competencyId]) => ({
                level: levelName.get(levelId) ?? levelId,
                competency: competencyName.get(competencyId) ?? competencyId,
              })),
      ),
    },
    ...(document.guidance ? { guidance: document.guidance } : {}),
  };
}
