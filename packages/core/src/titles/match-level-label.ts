import type { Level } from "../framework/framework.ts";
import { findFrameworkLevel } from "./find-framework-level.ts";
import { inferStandardLevel } from "./infer-standard-level.ts";
import { normalizeTitle, titleKey, type NormalizedTitle } from "./normalize-title.ts";

/** A level whose name or alias equals the title once both are normalised. */
export interface LevelLabelMatch {
  level: Level;
  label: string;
  isName: boolean;
  /** Other levels carrying the same label, when the framework reuses one. */
  sharedWith: Level[];
}

export function matchLevelLabel(title: NormalizedTitle, levels: readonly Level[]): LevelLabelMatch | null {
  const key = titleKey(title);
  const candidates = [...levels]
    .sort((a, b) => a.rank - b.rank)
    .flatMap((level) => {
      const label = [level.name, ...level.aliases].find((text) => titleKey(normalizeTitle(text)) === key);
      return label === undefined ? [] : [{ level, label }];
    });
  const chosen = chooseAmong(candidates, title);
  if (!chosen) return null;
  return {
    level: chosen.level,
    label: chosen.label,
    isName: chosen.label === chosen.level.name,
    sharedWith: candidates.filter((candidate) => candidate !== chosen).map((candidate) => candidate.level),
  };
}

// A label on several levels (the seeds allow "Senior PM" on the first level too) goes to
// the level the title's own words point at, else to the lowest.
function chooseAmong<T extends { level: Level }>(candidates: readonly T[], title: NormalizedTitle): T | undefined {
  if (candidates.length <= 1) return candidates[0];
  const inferred = inferStandardLevel(title.words);
  const levels = candidates.map((candidate) => candidate.level);
  const pointedAt = inferred ? findFrameworkLevel(levels, inferred.levelId)?.level : undefined;
  return candidates.find((candidate) => candidate.level === pointedAt) ?? candidates[0];
}
