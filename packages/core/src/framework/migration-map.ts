/**
 * How assessments move from one framework version to the next. Anything the map does not mention carries over
 * under the same id.
 */
export type CompetencyMigration =
  | { kind: "rename"; from: string; to: string }
  | { kind: "merge"; from: string[]; to: string }
  | { kind: "remove"; id: string };

export type LevelMigration =
  | { kind: "move" | "rename"; from: string; to: string }
  /** People at a removed level go to `fallbackTo` when given, and are left unplaced otherwise. */
  | { kind: "remove"; id: string; fallbackTo?: string };

export interface FrameworkMigrationMap {
  competencies: CompetencyMigration[];
  levels: LevelMigration[];
}

export interface MigratableRating {
  competencyId: string;
  score: number;
  evidence: string;
}

export interface MigratedRating<Original extends MigratableRating = MigratableRating> {
  competencyId: string;
  score: number;
  evidence: string;
  /** The old-version ratings this one was made from, unchanged, so the migration can be traced back. */
  carriedFrom: Original[];
}

/** The competency's id in the new version, or undefined when it was removed. */
export function mapCompetencyId(competencyId: string, map: FrameworkMigrationMap): string | undefined {
  for (const entry of map.competencies) {
    if (entry.kind === "remove" && entry.id === competencyId) return undefined;
    if (entry.kind === "rename" && entry.from === competencyId) return entry.to;
    if (entry.kind === "merge" && entry.from.includes(competencyId)) return entry.to;
  }
  return competencyId;
}

/** The level's id in the new version; undefined when it was removed without a fallback. */
export function mapLevelId(levelId: string, map: FrameworkMigrationMap): string | undefined {
  for (const entry of map.levels) {
    if (entry.kind === "remove" && entry.id === levelId) return entry.fallbackTo;
    if (entry.kind !== "remove" && entry.from === levelId) return entry.to;
  }
  return levelId;
}

/**
 * Ratings on the new version: renamed ones carry over, removed ones are dropped, and ratings that land on the same
 * competency (a merge) become one with the mean score and their evidence joined. Output order follows the first
 * rating that lands on each competency.
 */
export function applyMigrationToRatings<Original extends MigratableRating>(
  ratings: readonly Original[],
  map: FrameworkMigrationMap,
): MigratedRating<Original>[] {
  const byTarget = new Map<string, Original[]>();
  for (const rating of ratings) {
    const target = mapCompetencyId(rating.competencyId, map);
    if (target === undefined) continue;
    byTarget.set(target, [...(byTarget.get(target) ?? []), rating]);
  }
  return [...byTarget].map(([competencyId, carriedFrom]) => ({
    competencyId,
    score: carriedFrom.reduce((sum, rating) => sum + rating.score, 0) / carriedFrom.length,
    evidence: carriedFrom
      .map((rating) => rating.evidence)
      .filter((evidence) => evidence.trim() !== "")
      .join("\n\n"),
    carriedFrom,
  }));
}
