import type { Level } from "../framework/framework.ts";
import { detectFunction } from "./detect-function.ts";
import { inferStandardLevel } from "./infer-standard-level.ts";
import { normalizeTitle } from "./normalize-title.ts";
import { STANDARD_LEVELS, type StandardLevelId } from "./standard-levels.ts";

/** A framework level standing in for a standard level, and how it was found. */
export interface FrameworkLevelMatch {
  level: Level;
  via: "name" | "id" | "alias" | "rank";
}

/**
 * Finds the framework's level for a standard level: by what its name reads as, then by id,
 * then by an alias, and last by position when the framework has as many levels as the standard ladder.
 */
export function findFrameworkLevel(levels: readonly Level[], standardId: StandardLevelId): FrameworkLevelMatch | null {
  const byRank = [...levels].sort((a, b) => a.rank - b.rank);
  const named = byRank.find((level) => readsAs(level.name, standardId));
  if (named) return { level: named, via: "name" };
  const sameId = byRank.find((level) => level.id === standardId);
  if (sameId) return { level: sameId, via: "id" };
  const aliased = byRank.find((level) => level.aliases.some((alias) => readsAs(alias, standardId)));
  if (aliased) return { level: aliased, via: "alias" };
  if (byRank.length !== STANDARD_LEVELS.length) return null;
  const position = STANDARD_LEVELS.findIndex((standard) => standard.id === standardId);
  const positioned = byRank[position];
  return positioned ? { level: positioned, via: "rank" } : null;
}

function readsAs(label: string, standardId: StandardLevelId): boolean {
  const { words } = normalizeTitle(label);
  const named = detectFunction(words);
  return (named === null || named === "product") && inferStandardLevel(words)?.levelId === standardId;
}
