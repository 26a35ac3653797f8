import { FOREIGN_STOP_WORDS, FOREIGN_WORDS } from "./foreign-title-words.ts";
import { isTitleWord } from "./title-words.ts";

/** A job title cleaned down to the words that decide its function and level. */
export interface NormalizedTitle {
  /** The kept words joined by single spaces. */
  text: string;
  words: string[];
  /** Company grade markers that were dropped, such as "ii", "3" or "l5". */
  grades: string[];
  /** Words of the segments that were dropped as a team, region or employer ("payments", "bank"). */
  context: string[];
  /** German, French or Spanish words that were read as English ones ("produktmanager"). */
  translated: string[];
}

// A bracket is read like a segment of its own: "(Senior)" counts, "(EMEA)" or "(m/w/d)" does not.
const BRACKETED = /\(([^)]*)\)?|\[([^\]]*)\]?/g;
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
  ["cpto", "chief product and technology officer"],
  ["ctpo", "chief technology and product officer"],
]);

const PHRASES: readonly (readonly [string[], string])[] = [
  [["vice", "president"], "vp"],
  [["senior", "vp"], "svp"],
  [["executive", "vp"], "evp"],
  [["assistant", "vp"], "avp"],
  [["associate", "vp"], "avp"],
  [["product", "management"], "product"],
  [["managing", "director"], "md"],
  [["director", "ejecutivo"], "chief executive officer"],
];

const STOP_WORDS: ReadonlySet<string> = new Set(["of", "the", "for", "a", "an", "in", "on", "level", "grade", "band"]);
const ROMAN_GRADES: ReadonlySet<string> = new Set(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]);
const PREFIXED_GRADE = /^(?:l|ic|m|p|e|g)\d+$/;
const TRAILING_DIGITS = /^([a-z]+)(\d+)$/;

export function normalizeTitle(title: string): NormalizedTitle {
  const [head = "", ...tail] = prepare(title).split(SEGMENT_SEPARATOR);
  const reading: Reading = { grades: [], translated: [] };
  const context: string[] = [];
  const words = readSegment(head, reading);
  for (const segment of tail) {
    const segmentReading: Reading = { grades: [], translated: [] };
    const segmentWords = readSegment(segment, segmentReading);
    if (segmentWords.every(isTitleWord)) {
      words.push(...segmentWords);
      reading.grades.push(...segmentReading.grades);
      reading.translated.push(...segmentReading.translated);
    } else {
      context.push(...segmentWords);
    }
  }
  const canonical = trimConjunctions(joinPhrases(words));
  return {
    text: canonical.join(" "),
    words: canonical,
    grades: reading.grades,
    context,
    translated: reading.translated,
  };
}

interface Reading {
  grades: string[];
  translated: string[];
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
    .replace(BRACKETED, (_match, round?: string, square?: string) => ` | ${round ?? square ?? ""} | `)
    .replace(DOTTED_ACRONYM, "$1");
}

function readSegment(segment: string, reading: Reading): string[] {
  const tokens = segment
    .replace(/['’]/g, "")
    .replace(/[&+/]/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== "");
  return tokens.flatMap((token) => readToken(token, reading));
}

function readToken(token: string, reading: Reading): string[] {
  if (isGrade(token)) {
    reading.grades.push(token);
    return [];
  }
  const withDigits = TRAILING_DIGITS.exec(token);
  if (withDigits?.[1] && withDigits[2]) {
    reading.grades.push(withDigits[2]);
    return readToken(withDigits[1], reading);
  }
  if (STOP_WORDS.has(token) || FOREIGN_STOP_WORDS.has(token)) return [];
  const english = ABBREVIATIONS.get(token);
  if (english) return english.split(" ");
  const translated = FOREIGN_WORDS.get(token);
  if (translated === undefined) return [token];
  if (translated !== token && !["and", "y", "et", "und"].includes(token)) reading.translated.push(token);
  return translated.split(" ");
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
        next.push(...replacement.split(" "));
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
