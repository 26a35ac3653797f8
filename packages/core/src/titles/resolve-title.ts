import type { Framework } from "../framework/framework.ts";
import { detectFunction, joinedFunctions } from "./detect-function.ts";
import { findFrameworkLevel } from "./find-framework-level.ts";
import { inferStandardLevel, type LevelInference } from "./infer-standard-level.ts";
import { matchLevelLabel } from "./match-level-label.ts";
import { normalizeTitle, titleKey, type NormalizedTitle } from "./normalize-title.ts";
import { findStandardLevel, type StandardLevelId } from "./standard-levels.ts";
import { INTERN_WORDS, LEVEL_WORDS, type TitleFunction } from "./title-words.ts";

/** An organisation's own decision that a title sits at a level. */
export interface TitleOverride {
  title: string;
  levelId: string;
}

/** Which of the mapping rules decided a title; each family of titles has its own. */
export type TitleRule =
  | "empty"
  | "not-a-title"
  | "override"
  | "level-label"
  | "other-function"
  | "internship"
  | "chief-of-staff"
  | "corporate-rank"
  | "combined-role"
  | "seniority-words"
  | "no-product-role"
  | "level-missing";

export interface TitleResolveOptions {
  /**
   * The organisation uses "Vice President", "AVP" and "Director" as corporate ranks, as banks and
   * insurers do; a title mentioning a bank or insurer is read that way too.
   */
  corporateRanks?: boolean;
}

export interface TitleResolution {
  levelId: string | null;
  /** The rule that decided the result. */
  rule: TitleRule;
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
  options: TitleResolveOptions = {},
): TitleResolution {
  const normalized = normalizeTitle(title);
  if (title.trim() === "") return unresolved(normalized, "empty", "empty title");
  if (normalized.words.length === 0) {
    return unresolved(normalized, "not-a-title", `nothing in "${title.trim()}" reads as a job title`);
  }
  const resolution =
    resolveByOverride(normalized, framework, orgOverrides) ??
    resolveByCorporateRank(normalized, framework, options) ??
    resolveByLabel(normalized, framework) ??
    resolveByWords(normalized, title.trim(), framework);
  return withTranslation(resolution, normalized);
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
      "override",
      `organisation override for "${override.title}" points to level "${override.levelId}", which this framework does not have`,
    );
  }
  return resolved(
    normalized,
    "override",
    level.id,
    1,
    `organisation override maps "${override.title}" to ${level.name}`,
  );
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
  return withGrades(resolved(normalized, "level-label", match.level.id, confidence, matched, notes), normalized);
}

function resolveByWords(normalized: NormalizedTitle, title: string, framework: FrameworkLevels): TitleResolution {
  const { words } = normalized;
  const named = detectFunction(words);
  if (named !== null && named !== "product") {
    return unresolved(normalized, "other-function", `"${title}" is ${OTHER_FUNCTIONS[named]}, not product management`);
  }
  if (words.some((word) => INTERN_WORDS.has(word))) {
    return unresolved(normalized, "internship", `"${title}" is an internship, below the ladder's first level`);
  }
  if (words.some((word, i) => word === "chief" && words[i + 1] === "staff")) {
    return unresolved(
      normalized,
      "chief-of-staff",
      `"${title}" is a chief-of-staff role, an adviser to a leader rather than a ladder level`,
    );
  }
  const inference = inferStandardLevel(words);
  const roleOnly = named === null;
  if (!inference || (roleOnly && !isBareSeniority(words, inference))) {
    const missing = roleOnly ? "a product-management role" : "a role or seniority";
    return unresolved(normalized, "no-product-role", `"${title}" does not name ${missing}`);
  }
  const match = findFrameworkLevel(framework.levels, inference.levelId);
  const standard = findStandardLevel(inference.levelId);
  if (!match) {
    return unresolved(
      normalized,
      "level-missing",
      `"${title}" reads as ${standard.name}, but this framework has no such level`,
    );
  }
  const notes: string[] = [];
  const combined = joinedFunctions(words);
  const rule: TitleRule = combined.length > 1 ? "combined-role" : "seniority-words";
  if (rule === "combined-role") {
    notes.push(`a combined role (${combined.join(" and ")}) whose product side places it on the ladder`);
  }
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
  return withGrades(resolved(normalized, rule, match.level.id, confidence, reason, notes), normalized);
}

const RANK_WORDS: ReadonlySet<string> = new Set(["vp", "avp", "svp", "evp", "md", "director"]);
const ROLE_NOUNS: ReadonlySet<string> = new Set(["manager", "owner", "lead", "leader", "head"]);
const RANK_NAMES: Record<string, string> = {
  vp: "Vice President",
  avp: "Assistant Vice President",
  svp: "Senior Vice President",
  evp: "Executive Vice President",
  md: "Managing Director",
  director: "Director",
};
// Words that place a title in a bank or an insurer, where VP and Director are ranks that most staff hold.
const RANKED_INDUSTRY_WORDS: ReadonlySet<string> = new Set([
  "bank",
  "banking",
  "banque",
  "banco",
  "bancaria",
  "insurance",
  "insurer",
  "reinsurance",
  "assurance",
  "versicherung",
  "seguros",
  "securities",
  "investment",
  "wealth",
  "markets",
  "treasury",
  "underwriting",
  "claims",
  "jpmorgan",
  "citi",
  "citigroup",
  "barclays",
  "hsbc",
  "goldman",
  "ubs",
  "santander",
  "bnp",
  "allianz",
  "axa",
  "prudential",
  "metlife",
]);
// Where a bank's or insurer's rank sits among product people when the title names no role of its own.
const RANK_LEVEL: Record<string, StandardLevelId> = {
  avp: "pm",
  vp: "senior-pm",
  director: "director",
  svp: "director",
  evp: "director",
};
const CORPORATE_RANK_CONFIDENCE = 0.55;
const RANK_WITH_ROLE_PENALTY = 0.15;

/**
 * "Vice President, Product Manager" or "AVP - Product Owner": the VP is a corporate rank, as in
 * banks and insurers, and the role after it decides the level. In a bank or insurer (named in the
 * title, or declared by the organisation), a bare "VP, Product" is a rank too and not the VP-of-Product role.
 */
function resolveByCorporateRank(
  normalized: NormalizedTitle,
  framework: FrameworkLevels,
  options: TitleResolveOptions,
): TitleResolution | null {
  const { words } = normalized;
  // A dropped segment may carry the function too: "Vice President, Digital Product (Investment Bank)".
  if (detectFunction([...words, ...normalized.context]) !== "product") return null;
  const rank = words.find((word) => RANK_WORDS.has(word));
  if (rank === undefined) return null;
  const roleWords = words.filter((word) => !RANK_WORDS.has(word));
  const rankName = RANK_NAMES[rank] ?? rank;
  if (roleWords.some((word) => ROLE_NOUNS.has(word))) {
    const inference = inferStandardLevel(roleWords);
    const match = inference ? findFrameworkLevel(framework.levels, inference.levelId) : null;
    if (!inference || !match) return null;
    const role = roleWords.join(" ");
    const reason = `"${rankName}" is a corporate rank here and the role "${role}" decides: ${inference.explain(match.level.name)}`;
    const confidence = inference.confidence - RANK_WITH_ROLE_PENALTY;
    return withGrades(resolved(normalized, "corporate-rank", match.level.id, confidence, reason), normalized);
  }
  const industryWord = [...words, ...normalized.context].find((word) => RANKED_INDUSTRY_WORDS.has(word));
  const levelId = RANK_LEVEL[rank];
  if ((!options.corporateRanks && industryWord === undefined) || levelId === undefined) return null;
  const match = findFrameworkLevel(framework.levels, levelId);
  if (!match) return null;
  const why =
    industryWord === undefined
      ? "the organisation uses it as a rank"
      : `"${industryWord}" places the title in a bank or insurer`;
  const reason = `"${rankName}" is a corporate rank, not the VP-of-Product role (${why}); the rank usually sits at ${match.level.name}`;
  return withGrades(
    resolved(normalized, "corporate-rank", match.level.id, CORPORATE_RANK_CONFIDENCE, reason),
    normalized,
  );
}

// A translated title is read the same way, with the words that were translated named in the reason.
function withTranslation(resolution: TitleResolution, normalized: NormalizedTitle): TitleResolution {
  if (normalized.translated.length === 0) return resolution;
  const words = [...new Set(normalized.translated)].map((word) => `"${word}"`).join(", ");
  return { ...resolution, reason: `${resolution.reason}; read ${words} as English title words` };
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
  rule: TitleRule,
  levelId: string,
  confidence: number,
  reason: string,
  notes: readonly string[] = [],
): TitleResolution {
  return {
    levelId,
    rule,
    confidence: roundConfidence(confidence),
    reason: [reason, ...notes].join("; "),
    normalized: normalized.text,
  };
}

function unresolved(normalized: NormalizedTitle, rule: TitleRule, reason: string): TitleResolution {
  return { levelId: null, rule, confidence: 0, reason, normalized: normalized.text };
}

function roundConfidence(confidence: number): number {
  return Math.min(1, Math.max(0, Math.round(confidence * 100) / 100));
}
