import { FUNCTION_BY_WORD, type TitleFunction } from "./title-words.ts";

interface FunctionMention {
  function: TitleFunction;
  start: number;
  end: number;
}

// After "product", these keep the title in product management ("Data Product Manager"),
// whereas a function word turns it into that function ("Product Designer").
const PRODUCT_ROLE_WORDS: ReadonlySet<string> = new Set([
  "manager",
  "owner",
  "lead",
  "leader",
  "director",
  "head",
  "vp",
  "officer",
]);

/**
 * The function a title belongs to, or null when it names none ("Senior Director").
 * The first function named is primary, except that product wins in a combined
 * title such as "Head of Design and Product".
 */
export function detectFunction(words: readonly string[]): TitleFunction | null {
  const mentions = findMentions(words);
  const first = mentions[0];
  if (!first) return null;
  const combined = mentionsJoinedTo(first, mentions, words);
  return combined.some((mention) => mention.function === "product") ? "product" : first.function;
}

/** The functions a combined title joins with "and" ("Chief Product and Technology Officer"), first one first. */
export function joinedFunctions(words: readonly string[]): TitleFunction[] {
  const mentions = findMentions(words);
  const first = mentions[0];
  if (!first) return [];
  return [...new Set(mentionsJoinedTo(first, mentions, words).map((mention) => mention.function))];
}

function findMentions(words: readonly string[]): FunctionMention[] {
  const mentions: FunctionMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    const next = words[i + 1] ?? "";
    if (word === "executive" && next === "officer") {
      mentions.push({ function: "general-management", start: i, end: i + 1 });
      continue;
    }
    const named = FUNCTION_BY_WORD.get(word);
    if (!named) continue;
    const qualified = FUNCTION_BY_WORD.get(next);
    if (named === "product" && qualified && qualified !== "product") {
      mentions.push({ function: qualified, start: i, end: i + 2 });
      i++;
      continue;
    }
    if (named !== "product" && qualifiesProductRole(words, i)) continue;
    mentions.push({ function: named, start: i, end: i + 1 });
  }
  return mentions;
}

function qualifiesProductRole(words: readonly string[], index: number): boolean {
  return words[index + 1] === "product" && PRODUCT_ROLE_WORDS.has(words[index + 2] ?? "");
}

function mentionsJoinedTo(
  first: FunctionMention,
  mentions: readonly FunctionMention[],
  words: readonly string[],
): FunctionMention[] {
  const joined = [first];
  for (const mention of mentions.slice(1)) {
    const previous = joined.at(-1) ?? first;
    const between = words.slice(previous.end, mention.start);
    if (!between.every((word) => word === "and")) break;
    joined.push(mention);
  }
  return joined;
}
