import type { MentorSuggestions } from "@ascent/core";
import type { TMentorSuggestions } from "@ascent/contract";

/**
 * Mentor suggestions: name, title, level, team and a reason in words. Nothing here may carry a
 * number about another person: no observed value, margin or score (issue #6 §4, DESIGN §5).
 */
export function presentMentorSuggestions(result: MentorSuggestions): TMentorSuggestions {
  return {
    personId: result.personId,
    competency: { id: result.competency.id, name: result.competency.name },
    target: { id: result.target.id, name: result.target.name },
    outsideChain: result.isOutsideChain,
    mentors: result.mentors.map(({ person, level, reason }) => ({
      id: person.id,
      name: person.name,
      title: person.title,
      level: { id: level.id, name: level.name },
      team: person.team,
      reason,
    })),
  };
}
