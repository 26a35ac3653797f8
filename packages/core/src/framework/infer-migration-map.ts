import { diffFrameworks } from "./diff-frameworks.ts";
import { normalizeName } from "./field-checks.ts";
import type { Competency, Framework, Level } from "./framework.ts";
import type { CompetencyMigration, FrameworkMigrationMap, LevelMigration } from "./migration-map.ts";

/**
 * A starting point for an admin to review, not a decision: a removed id is paired with an added one that has the
 * same name (or, for competencies, the same description; for levels, a matching alias) and called a rename.
 * Anything left unpaired is removed; removed levels get no fallback, because where their people go is a judgement.
 */
export function inferMigrationMap(before: Framework, after: Framework): FrameworkMigrationMap {
  const diff = diffFrameworks(before, after);
  return {
    competencies: inferCompetencies(diff.competencies.removed, diff.competencies.added),
    levels: inferLevels(diff.levels.removed, diff.levels.added),
  };
}

function inferCompetencies(removed: Competency[], added: Competency[]): CompetencyMigration[] {
  const pairs = pairUp(removed, added, [
    (old, next) => normalizeName(old.name) === normalizeName(next.name),
    (old, next) => old.description.trim() !== "" && normalizeName(old.description) === normalizeName(next.description),
  ]);
  return removed.map((competency) => {
    const to = pairs.get(competency);
    return to === undefined
      ? { kind: "remove", id: competency.id }
      : { kind: "rename", from: competency.id, to: to.id };
  });
}

function inferLevels(removed: Level[], added: Level[]): LevelMigration[] {
  const titlesOf = (level: Level) => [level.name, ...level.aliases].map(normalizeName);
  const pairs = pairUp(removed, added, [
    (old, next) => normalizeName(old.name) === normalizeName(next.name),
    (old, next) => titlesOf(old).some((title) => titlesOf(next).includes(title)),
  ]);
  return removed.map((level) => {
    const to = pairs.get(level);
    return to === undefined ? { kind: "remove", id: level.id } : { kind: "rename", from: level.id, to: to.id };
  });
}

/** Pairs each old item with at most one new item, trying the matchers in order of strength. */
function pairUp<T>(olds: T[], news: T[], matchers: ((old: T, next: T) => boolean)[]): Map<T, T> {
  const pairs = new Map<T, T>();
  const taken = new Set<T>();
  for (const matches of matchers) {
    for (const old of olds) {
      if (pairs.has(old)) continue;
      const next = news.find((candidate) => !taken.has(candidate) && matches(old, candidate));
      if (next === undefined) continue;
      pairs.set(old, next);
      taken.add(next);
    }
  }
  return pairs;
}
