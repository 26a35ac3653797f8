import { isTitleWord } from "./title-words.ts";

/** A job title cleaned down to the words that decide its function and level. */
export interface NormalizedTitle {
  /** The kept words joined by single spaces. */
  text: string;
  words: string[];
  /** Company grade markers that were dropped, such as "ii", "3" or "l5". */
  grades: string[];
}

const BRACKETED = /\([^)]*\)?|\[[^\]]*\]?/g;
// Only a single letter between dots, so "V.P." collapses but "Sr.PM" still splits.
const DOTTED_ACRONYM = /\b([a-z])\.(?=[a-z]\b)/g;
// What usually introduces a team, region or employer: "— Payments", "| Search", ", Platform", " at Acme".
const SEGMENT_SEPARATOR = /\s+-+\s*|\s*-+\s+|\s*[–—|,;:@]\s*|\s+at\s+/;

const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["sr", "senior"],
  ["snr", "senior"],
  ["jr", "junior"],
  ["jnr", "junior"],
  ["assoc", "associate"],
  ["dir", "director"],
  ["mgr", "manager"],
  ["mngr", "manager"],
  ["mgmt", "management"],
  ["mktg", "marketing"],
  ["eng", "engineering"],
  ["products", "product"],
  ["programme", "program"],
  ["pm", "product manager"],
  ["apm", "associate product manager"],
  ["spm", "senior product manager"],
  ["gpm", "group product manager"],
  ["po", "product owner"],
  ["tpm", "technical program manager"],
  ["cpo", "chief product officer"],
  ["cmo", "chief marketing officer"],
  ["cto", "chief technology officer"],
  ["ceo", "chief executive officer"],
  ["coo", "chief operating officer"],
  ["swe", "software engineer"],
  ["sde", "software engineer"],
]);

const PHRASES: readonly (readonly [string[], string])[] = [
  [["vice", "president"], "vp"],
  [["senior", "vp"], "svp"],
  [["executive", "vp"], "evp"],
  [["product", "management"], "product"],
];

const STOP_WORDS: ReadonlySet<string> = new Set(["of", "the", "for", "a", "an", "in", "on", "level", "grade", "band"]);
const ROMAN_GRADES: ReadonlySet<string> = new Set(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]);
const PREFIXED_GRADE = /^(?:l|ic|m|p|e|g)\d+$/;
const TRAILING_DIGITS = /^([a-z]+)(\d+)$/;

export function normalizeTitle(title: string): NormalizedTitle {
  const [head = "", ...tail] = prepare(title).split(SEGMENT_SEPARATOR);
  const grades: string[] = [];
  const words = readSegment(head, grades);
  for (const segment of tail) {
    const segmentGrades: string[] = [];
    const segmentWords = readSegment(segment, segmentGrades);
    if (segmentWords.every(isTitleWord)) {
      words.push(...segmentWords);
      grades.push(...segmentGrades);
    }
  }
  const canonical = trimConjunctions(joinPhrases(words));
  return { text: canonical.join(" "), words: canonical, grades };
}

/** Order-insensitive key, so "Product Director" matches "Director of Product". */
export function titleKey(title: NormalizedTitle): string {
  return [...title.words].sort().join(" ");
}

function prepare(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(BRACKETED, " ")
    .replace(DOTTED_ACRONYM, "$1");
}

function readSegment(segment: string, grades: string[]): string[] {
  const tokens = segment
    .replace(/['’]/g, "")
    .replace(/[&+/]/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== "");
  return tokens.flatMap((token) => readToken(token, grades));
}

function readToken(token: string, grades: string[]): string[] {
  if (isGrade(token)) {
    grades.push(token);
    return [];
  }
  const withDigits = TRAILING_DIGITS.exec(token);
  if (withDigits?.[1] && withDigits[2]) {
    grades.push(withDigits[2]);
    return readToken(withDigits[1], grades);
  }
  if (STOP_WORDS.has(token)) return [];
  return (ABBREVIATIONS.get(token) ?? token).split(" ");
}

function isGrade(token: string): boolean {
  return /^\d+$/.test(token) || ROMAN_GRADES.has(token) || PREFIXED_GRADE.test(token);
}

function joinPhrases(words: readonly string[]): string[] {
  let joined = [...words];
  for (const [phrase, replacement] of PHRASES) {
    const next: string[] = [];
    for (let i = 0; i < joined.length; i++) {
      if (phrase.every((word, offset) => joined[i + offset] === word)) {
        next.push(replacement);
        i += phrase.length - 1;
      } else {
        next.push(joined[i] as string);
      }
    }
    joined = next;
  }
  return joined;
}

function trimConjunctions(words: readonly string[]): string[] {
  const kept = words.filter((word, i) => word !== "and" || (i > 0 && words[i - 1] !== "and"));
  while (kept[0] === "and") kept.shift();
  while (kept.at(-1) === "and") kept.pop();
  return kept;
}
