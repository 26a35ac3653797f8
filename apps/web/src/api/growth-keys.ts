import { assessmentKeys } from "./assessment-queries.ts";

// Cache keys of career plans, goals, 1:1s, mentors, the advisor and org insights. Goals share their
// keys with My growth, so a goal made on either page shows on both.

export const growthKeys = {
  plan: (personId: string) => ["plans", personId] as const,
  planReviews: (personId: string) => ["plans", personId, "reviews"] as const,
  goals: (personId: string) => assessmentKeys.goals(personId),
  oneOnOnes: (withId: string | null) => ["one-on-ones", "list", withId] as const,
  oneOnOne: (id: string) => ["one-on-ones", "one", id] as const,
  privateNotes: (id: string) => ["one-on-ones", "private-notes", id] as const,
  health: (withId: string) => ["one-on-ones", "health", withId] as const,
  counterparts: (personId: string) => ["one-on-ones", "counterparts", personId] as const,
  mentors: (personId: string, competency: string, target: string | undefined, outsideChain: boolean) =>
    ["mentors", personId, competency, target ?? "next", outsideChain] as const,
  mentoring: () => ["me", "mentoring"] as const,
  orgProfile: () => ["org", "profile"] as const,
  advancement: (personId: string) => ["advancement", personId] as const,
  vpProfile: () => ["advisor", "vp-profile"] as const,
  vpFit: () => ["me", "vp-fit"] as const,
  insights: (scope: "organisation" | "team") => ["insights", scope] as const,
};
