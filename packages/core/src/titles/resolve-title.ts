import type { Framework } from "../framework/framework.ts";
import { detectFunction } from "./detect-function.ts";
import { findFrameworkLevel } from "./find-framework-level.ts";
import { inferStandardLevel, type LevelInference } from "./infer-standard-level.ts";
import { matchLevelLabel } from "./match-level-label.ts";
import { normalizeTitle, titleKey, type NormalizedTitle } from "./normalize-title.ts";
import { findStandardLevel } from "./standard-levels.ts";
import { INTERN_WORDS, LEVEL_WORDS, type TitleFunction } from "./title-words.ts";

/** An organisation's own decision that a title sits at a level. */
export interface TitleOverride {
  title: string;
  levelId: string;
}

export interface TitleResolution {
  levelId: string | null;
  /** 1 for an override, about 0.95 for a level's own name or alias, less when inferred, 0 when unresolved. */
  confidence: number;
  reason: string;
  /** The cleaned title that matching ran on. */
  normalized: string;
}

type FrameworkLevels = Pick<Framework, "levels">;

const LABEL_CONFIDENCE = 0.95;
const SHARED_LABEL_CONFIDENCE = 0.85;
const ROLE_ONLY_CONFIDENCE = 0.6;
const GRADE_PENALTY = 0.1;
const RANK_FALLBACK_PENALTY = 0.1;

const OTHER_FUNCTIONS: Record<Exclude<TitleFunction, "product">, string> = {
  design: "a design title",
  marketing: "a marketing title",
  "project-management": "a project-management title",
  "program-management": "a program-management title",
  engineering: "an engineering title",
  production: "a production title",
  sales: "a sales title",
  analytics: "an analytics title",
  operations: "an operations title",
  research: "a research title",
  "general-management": "a general-management title",
};

/** Places a company's job title on the framework's ladder, saying how sure it is and why. */
export function resolveTitle(
  title: string,
  framework: FrameworkLevels,
  orgOverrides: readonly TitleOverride[] = [],
): TitleResolution {
  const normalized = normalizeTitle(title);
  if (title.trim() === "") return unresolved(normalized, "empty title");
  if (normalized.words.length === 0) return unresolved(normalized, `nothing in "${title.trim()}" reads as a job title`);
  return (
    resolveByOverride(normalized, framework, orgOverrides) ??
    resolveByLabel(normalized, framework) ??
    resolveByWords(normalized, title.trim(), framework)
  );
}

function resolveByOverride(
  normalized: NormalizedTitle,
  framework: FrameworkLevels,
  overrides: readonly TitleOverride[],
): TitleResolution | null {
  const key = titleKey(normalized);
  const override = overrides.find((candidate) => titleKey(normalizeTitle(candidate.title)) === key);
  if (!override) return null;
  const level = framework.levels.find((candidate) => candidate.id === override.levelId);
  if (!level) {
    return unresolved(
      normalized,
      `organisation override for "${override.title}" points to level "${override.levelId}", which this framework does not have`,
    );
  }
  return resolved(normalized, level.id, 1, `organisation override maps "${override.title}" to ${level.name}`);
}

function resolveByLabel(normalized: NormalizedTitle, framework: FrameworkLevels): TitleResolution | null {
  const match = matchLevelLabel(normalized, framework.levels);
  if (!match) return null;
  const matched = match.isName
    ? `matched level name "${match.label}"`
    : `matched alias "${match.label}" of ${match.level.name}`;
  const shared = match.sharedWith.length > 0;
  const notes = shared ? [`also a label of ${match.sharedWith.map((level) => level.name).join(", ")}`] : [];
  const confidence = shared ? SHARED_LABEL_CONFIDENCE : LABEL_CONFIDENCE;
  return withGrades(resolved(normalized, match.level.id, confidence, matched, notes), normalized);
}

function resolveByWords(normalized: NormalizedTitle, title: string, framework: FrameworkLevels): TitleResolution {
  const { words } = normalized;
  const named = detectFunction(words);
  if (named !== null && named !== "product") {
    return unresolved(normalized, `"${title}" is ${OTHER_FUNCTIONS[named]}, not product management`);
  }
  if (words.some((word) => INTERN_WORDS.has(word))) {
    return unresolved(normalized, `"${title}" is an internship, below the ladder's first level`);
  }
  if (words.some((word, i) => word === "chief" && words[i + 1] === "staff")) {
    return unresolved(
      normalized,
      `"${title}" is a chief-of-staff role, an adviser to a leader rather than a ladder level`,
    );
  }
  const inference = inferStandardLevel(words);
  const roleOnly = named === null;
  if (!inference || (roleOnly && !isBareSeniority(words, inference))) {
    const missing = roleOnly ? "a product-management role" : "a role or seniority";
    return unresolved(normalized, `"${title}" does not name ${missing}`);
  }
  const match = findFrameworkLevel(framework.levels, inference.levelId);
  const standard = findStandardLevel(inference.levelId);
  if (!match) {
    return unresolved(normalized, `"${title}" reads as ${standard.name}, but this framework has no such level`);
  }
  const notes: string[] = [];
  let confidence = inference.confidence;
  if (roleOnly) {
    confidence = ROLE_ONLY_CONFIDENCE;
    notes.push("the title names no function, so product is assumed");
  }
  if (match.via === "rank") {
    confidence -= RANK_FALLBACK_PENALTY;
    notes.push(`found by rank, as the framework's level ${match.level.rank} stands for ${standard.name}`);
  }
  const reason = inference.explain(match.level.name);
  return withGrades(resolved(normalized, match.level.id, confidence, reason, notes), normalized);
}

// Without a function, only a bare seniority ("Senior Director") is assumed to be product;
// "Chief of Staff" or "Customer Success Manager" are not, and a lone "Chief" is another C-level.
function isBareSeniority(words: readonly string[], inference: LevelInference): boolean {
  return inference.levelId !== "cpo" && words.every((word) => LEVEL_WORDS.has(word));
}

// A company grade ("II", "L5") is a band inside a level whose meaning varies by company,
// so it is dropped for matching but lowers confidence.
function withGrades(resolution: TitleResolution, normalized: NormalizedTitle): TitleResolution {
  if (normalized.grades.length === 0) return resolution;
  const grades = normalized.grades.map((grade) => `"${grade.toUpperCase()}"`).join(", ");
  return {
    ...resolution,
    confidence: roundConfidence(resolution.confidence - GRADE_PENALTY),
    reason: `${resolution.reason}; grade ${grades} ignored`,
  };
}

function resolved(
  normalized: NormalizedTitle,
  levelId: string,
  confidence: number,
  reason: string,
  notes: readonly string[] = [],
): TitleResolution {
  return {
    levelId,
    confidence: roundConfidence(confidence),
    reason: [reason, ...notes].join("; "),
    normalized: normalized.text,
  };
}

function unresolved(normalized: NormalizedTitle, reason: string): TitleResolution {
  return { levelId: null, confidence: 0, reason, normalized: normalized.text };
}

function roundConfidence(confidence: number): number {
  return Math.min(1, Math.max(0, Math.round(confidence * 100) / 100));
}
