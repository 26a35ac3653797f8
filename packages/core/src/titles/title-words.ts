/** The vocabulary titles are read with: words that name a function and words that name a level. */

export type TitleFunction =
  | "product"
  | "design"
  | "marketing"
  | "project-management"
  | "program-management"
  | "engineering"
  | "production"
  | "sales"
  | "analytics"
  | "operations"
  | "research"
  | "general-management";

// A Map, not an object literal, so that words like "constructor" never hit a prototype key.
export const FUNCTION_BY_WORD: ReadonlyMap<string, TitleFunction> = new Map([
  ["product", "product"],
  ["design", "design"],
  ["designer", "design"],
  ["ux", "design"],
  ["ui", "design"],
  ["creative", "design"],
  ["marketing", "marketing"],
  ["marketer", "marketing"],
  ["project", "project-management"],
  ["program", "program-management"],
  ["engineering", "engineering"],
  ["engineer", "engineering"],
  ["developer", "engineering"],
  ["technology", "engineering"],
  ["production", "production"],
  ["sales", "sales"],
  ["analyst", "analytics"],
  ["analytics", "analytics"],
  ["operations", "operations"],
  ["operating", "operations"],
  ["ops", "operations"],
  ["research", "research"],
  ["researcher", "research"],
  ["general", "general-management"],
  ["account", "sales"],
  ["recruiter", "operations"],
]);

/** Words that place a title on a ladder without naming a function ("Senior Director"). */
export const LEVEL_WORDS: ReadonlySet<string> = new Set([
  "manager",
  "lead",
  "leader",
  "head",
  "director",
  "vp",
  "svp",
  "evp",
  "avp",
  "chief",
  "officer",
  "senior",
  "junior",
  "associate",
  "assistant",
  "deputy",
  "graduate",
  "group",
  "principal",
  "staff",
  "and",
]);

const QUALIFIER_WORDS: ReadonlySet<string> = new Set([
  "owner",
  "technical",
  "management",
  "vice",
  "president",
  "managing",
  "md",
  "executive",
  "intern",
]);

export const INTERN_WORDS: ReadonlySet<string> = new Set(["intern", "internship", "trainee"]);

/** True for any word that belongs to a job title rather than to a team, region or employer. */
export function isTitleWord(word: string): boolean {
  return FUNCTION_BY_WORD.has(word) || LEVEL_WORDS.has(word) || QUALIFIER_WORDS.has(word);
}
