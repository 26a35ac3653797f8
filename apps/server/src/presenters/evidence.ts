import type { Evidence, TagSuggestions } from "@ascent/core";
import type { TEvidence, TTagSuggestions } from "@ascent/contract";

/** Title and body go out exactly as stored: the body may hold HTML, which stays a JSON string. */
export function presentEvidence(entry: Evidence): TEvidence {
  return {
    id: entry.id,
    personId: entry.personId,
    date: entry.date,
    title: entry.title,
    body: entry.body,
    competencyIds: entry.competencyIds,
    links: entry.links,
    isSharedWithManager: entry.isSharedWithManager,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}

export function presentTagSuggestions(result: TagSuggestions): TTagSuggestions {
  return {
    levelId: result.levelId,
    frameworkVersion: result.frameworkVersion,
    suggestions: result.suggestions.map((s) => ({
      competencyId: s.competencyId,
      name: s.name,
      score: s.score,
      matchedWords: s.matchedWords,
    })),
  };
}
