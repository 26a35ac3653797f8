import type { Framework } from "../framework/framework.ts";

/** How many competencies a suggestion lists at most. */
export const SUGGESTED_TAG_LIMIT = 3;

export interface TagSuggestion {
  competencyId: string;
  name: string;
  /** 0–1: the share of the text's (rarity-weighted) terms that this competency's wording contains. */
  score: number;
  /** Words of the text that matched, rarest first. */
  matchedWords: string[];
}

const STOP_WORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below " +
    "between both but by can could did do does doing down during each either etc even ever every few for from " +
    "further get got had has have having he her here hers herself him himself his how i if in into is it its " +
    "itself just less let like made make makes many may me more most much must my myself no nor not now of off " +
    "often on once one only onto or other others our ours ourselves out over own per same she should so some " +
    "such than that the their theirs them themselves then there these they this those through thus to too " +
    "under until up upon us very was we well were what when where whether which while who whom whose why will " +
    "with within without would yet you your yours yourself yourselves"
  ).split(" "),
);

/**
 * A light stemmer: enough to meet "prioritised", "prioritising" and "prioritise" at one stem
 * without a dictionary. Both the text and the competency wording go through it, so a rough
 * stem is fine as long as it is the same on both sides.
 */
export function stemWord(word: string): string {
  let stem = word;
  if (stem.length > 4 && stem.endsWith("ies")) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 5 && stem.endsWith("ing")) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith("ed")) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith("s") && !stem.endsWith("ss")) stem = stem.slice(0, -1);
  if (stem.length > 4 && stem.endsWith("e")) stem = stem.slice(0, -1);
  return stem;
}

/** Lower-cased words of a text without stop words, each with its stem. */
export function tokenize(text: string): { word: string; stem: string }[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  return words
    .map((word) => word.replace(/['’]s$/, ""))
    .filter((word) => word.length > 1 && !/^\d+$/.test(word) && !STOP_WORDS.has(word))
    .map((word) => ({ word, stem: stemWord(word) }));
}

/** The wording a competency is matched on: its name, description and, where it applies, the level's descriptor. */
function competencyText(framework: Framework, competencyId: string, levelId: string | null): string {
  const competency = framework.competencies.find((c) => c.id === competencyId);
  if (!competency) return "";
  const expectation = levelId ? framework.expectations[levelId]?.[competencyId] : undefined;
  const descriptor = expectation && expectation.weight > 0 ? expectation.descriptor : "";
  return `${competency.name} ${competency.description} ${descriptor}`;
}

/**
 * Suggests the competencies an evidence text most likely shows, by an offline match of its words
 * against each competency's wording. A word counts by its rarity across competencies (log N/df):
 * "customer" points at one competency, "product" at none. Suggestions only: the person confirms
 * the tags, and only what they send back is saved.
 */
export function suggestTags(
  text: string,
  framework: Framework,
  levelId: string | null,
  limit = SUGGESTED_TAG_LIMIT,
): TagSuggestion[] {
  const documents = framework.competencies.map((competency) => ({
    competency,
    stems: new Set(tokenize(competencyText(framework, competency.id, levelId)).map((t) => t.stem)),
  }));
  const documentFrequency = new Map<string, number>();
  for (const { stems } of documents) {
    for (const stem of stems) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  }
  const rarity = (stem: string) => {
    const df = documentFrequency.get(stem) ?? 0;
    return df === 0 ? 0 : Math.log(documents.length / df);
  };

  const wordsByStem = new Map<string, string[]>();
  for (const { word, stem } of tokenize(text)) {
    const words = wordsByStem.get(stem) ?? [];
    if (!words.includes(word)) words.push(word);
    wordsByStem.set(stem, words);
  }
  const queryStems = [...wordsByStem.keys()].filter((stem) => rarity(stem) > 0);
  const total = queryStems.reduce((sum, stem) => sum + rarity(stem), 0);
  if (total === 0) return [];

  return documents
    .map(({ competency, stems }, order) => {
      const matched = queryStems.filter((stem) => stems.has(stem)).sort((a, b) => rarity(b) - rarity(a));
      const weight = matched.reduce((sum, stem) => sum + rarity(stem), 0);
      return {
        order,
        suggestion: {
          competencyId: competency.id,
          name: competency.name,
          score: Math.round((weight / total) * 1000) / 1000,
          matchedWords: matched.flatMap((stem) => wordsByStem.get(stem) ?? []),
        },
      };
    })
    .filter(({ suggestion }) => suggestion.score > 0)
    .sort((a, b) => b.suggestion.score - a.suggestion.score || a.order - b.order)
    .slice(0, limit)
    .map(({ suggestion }) => suggestion);
}
