import {
  advisorEndpoints,
  goalsEndpoints,
  insightsEndpoints,
  mentorsEndpoints,
  oneOnOnesEndpoints,
  peopleEndpoints,
  plansEndpoints,
  type TCheckInBody,
  type TCreateGoalBody,
  type TOneOnOneActionItemInput,
  type TOrgProfile,
  type TSavePlanBody,
  type TUpdateGoalBody,
} from "@ascent/contract";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { assessmentKeys } from "./assessment-queries.ts";
import { apiClient } from "./client.ts";
import { BUILTIN_FRAMEWORK, useFrameworkVersion } from "./queries.ts";

// Career plans, goals, 1:1s, mentors, the advisor and org insights (issue 6). Goals and readiness
// share their cache keys with My growth, so a goal made on either page shows on both.

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

/** The built-in ladder every growth page reads: levels in rank order, competencies, the scale. */
export function useLadder() {
  const version = useFrameworkVersion(BUILTIN_FRAMEWORK, "latest");
  const document = version.data?.document;
  const ladder = document
    ? {
        levels: [...document.levels].sort((a, b) => a.rank - b.rank),
        competencies: document.competencies,
        scale: document.scale,
        expectations: document.expectations,
      }
    : undefined;
  return { ...version, ladder };
}

export type Ladder = NonNullable<ReturnType<typeof useLadder>["ladder"]>;

// ── Career plan ──────────────────────────────────────────────────────────────────────────────

export function useCareerPlan(personId: string) {
  return useQuery({
    queryKey: growthKeys.plan(personId),
    queryFn: () => apiClient.call(plansEndpoints.get, { params: { id: personId } }),
  });
}

export function useSaveCareerPlan(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSavePlanBody) => apiClient.call(plansEndpoints.save, { params: { id: personId }, body }),
    onSuccess: ({ warnings: _warnings, ...plan }) => {
      queryClient.setQueryData(growthKeys.plan(personId), plan);
      return queryClient.invalidateQueries({ queryKey: growthKeys.planReviews(personId) });
    },
  });
}

export function usePlanReviews(personId: string, isEnabled = true) {
  return useQuery({
    queryKey: growthKeys.planReviews(personId),
    queryFn: () => apiClient.call(plansEndpoints.listReviews, { params: { id: personId } }),
    enabled: isEnabled,
  });
}

export function useReviewCareerPlan(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => apiClient.call(plansEndpoints.review, { params: { id: personId }, body: { note } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: growthKeys.plan(personId) }),
  });
}

export function useSetPlanSharing(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isSharedWithManager: boolean) =>
      apiClient.call(plansEndpoints.setSharing, { params: { id: personId }, body: { isSharedWithManager } }),
    onSuccess: (plan) => queryClient.setQueryData(growthKeys.plan(personId), plan),
  });
}

// ── Development goals ────────────────────────────────────────────────────────────────────────

export function useGoalList(personId: string) {
  return useQuery({
    queryKey: growthKeys.goals(personId),
    queryFn: () => apiClient.call(goalsEndpoints.list, { params: { id: personId } }),
  });
}

function useGoalsInvalidation(personId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: growthKeys.goals(personId) });
}

export function useCreateGoal(personId: string) {
  const invalidate = useGoalsInvalidation(personId);
  return useMutation({
    mutationFn: (body: TCreateGoalBody) => apiClient.call(goalsEndpoints.create, { params: { id: personId }, body }),
    onSuccess: invalidate,
  });
}

export function useUpdateGoal(personId: string) {
  const invalidate = useGoalsInvalidation(personId);
  return useMutation({
    mutationFn: ({ goalId, body }: { goalId: string; body: TUpdateGoalBody }) =>
      apiClient.call(goalsEndpoints.update, { params: { goalId }, body }),
    onSuccess: invalidate,
  });
}

export function useCheckInGoal(personId: string) {
  const invalidate = useGoalsInvalidation(personId);
  return useMutation({
    mutationFn: ({ goalId, body }: { goalId: string; body: TCheckInBody }) =>
      apiClient.call(goalsEndpoints.checkIn, { params: { goalId }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteGoal(personId: string) {
  const invalidate = useGoalsInvalidation(personId);
  return useMutation({
    mutationFn: (goalId: string) => apiClient.call(goalsEndpoints.delete, { params: { goalId } }),
    onSuccess: invalidate,
  });
}

// ── 1:1s ─────────────────────────────────────────────────────────────────────────────────────

export interface Counterpart {
  id: string;
  name: string;
  relation: "manager" | "report";
}

/** The people one can hold a 1:1 with: one's own manager and one's direct reports. */
export function useCounterparts(personId: string) {
  return useQuery({
    queryKey: growthKeys.counterparts(personId),
    queryFn: async (): Promise<Counterpart[]> => {
      const [me, { reports }] = await Promise.all([
        apiClient.call(peopleEndpoints.get, { params: { id: personId } }),
        apiClient.call(peopleEndpoints.reports, { params: { id: personId }, query: { depth: "direct" } }),
      ]);
      const manager: Counterpart[] = me.manager ? [{ ...me.manager, relation: "manager" }] : [];
      return [
        ...manager,
        ...reports
          .filter((report) => report.status === "active")
          .map((report): Counterpart => ({ id: report.id, name: report.name, relation: "report" })),
      ];
    },
    staleTime: 5 * 60_000,
  });
}

export function useOneOnOnes(withId: string | null = null) {
  return useQuery({
    queryKey: growthKeys.oneOnOnes(withId),
    queryFn: () => apiClient.call(oneOnOnesEndpoints.list, { query: withId ? { with: withId } : {} }),
  });
}

export function useOneOnOne(id: string) {
  return useQuery({
    queryKey: growthKeys.oneOnOne(id),
    queryFn: () => apiClient.call(oneOnOnesEndpoints.get, { params: { id } }),
  });
}

export function useCreateOneOnOne() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { withPersonId: string; scheduledAt: string }) =>
      apiClient.call(oneOnOnesEndpoints.create, { body }),
    onSuccess: (created) => {
      queryClient.setQueryData(growthKeys.oneOnOne(created.id), created);
      return queryClient.invalidateQueries({ queryKey: ["one-on-ones", "list"] });
    },
  });
}

export function useUpdateOneOnOne(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { sharedNotes?: string; actionItems?: TOneOnOneActionItemInput[] }) =>
      apiClient.call(oneOnOnesEndpoints.update, { params: { id }, body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(growthKeys.oneOnOne(id), updated);
      return queryClient.invalidateQueries({ queryKey: ["one-on-ones", "list"] });
    },
  });
}

/** The viewer's own private notes, empty until they write some. */
export function usePrivateNotes(id: string) {
  return useQuery({
    queryKey: growthKeys.privateNotes(id),
    queryFn: () => apiClient.call(oneOnOnesEndpoints.getPrivateNotes, { params: { id } }),
  });
}

export function useSavePrivateNotes(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiClient.call(oneOnOnesEndpoints.savePrivateNotes, { params: { id }, body: { body } }),
    onSuccess: (saved) => queryClient.setQueryData(growthKeys.privateNotes(id), saved),
  });
}

export function useRecordHealthCheck(id: string, withId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ratings: Record<string, number>) =>
      apiClient.call(oneOnOnesEndpoints.recordHealthCheck, { params: { id }, body: { ratings } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: growthKeys.health(withId) }),
  });
}

export function useCollaborationHealth(withId: string) {
  return useQuery({
    queryKey: growthKeys.health(withId),
    queryFn: () => apiClient.call(oneOnOnesEndpoints.health, { query: { with: withId } }),
  });
}

/** Where the browser downloads a 1:1's calendar file; a plain link, since the file is not JSON. */
export function calendarFileUrl(id: string, repeat: "weekly" | "biweekly" | "monthly"): string {
  return `${oneOnOnesEndpoints.calendar.path.replace(":id", encodeURIComponent(id))}?repeat=${repeat}`;
}

// ── Mentors ──────────────────────────────────────────────────────────────────────────────────

export interface MentorSearch {
  competency: string;
  target: string | undefined;
  outsideChain: boolean;
}

export function useMentorSuggestions(personId: string, search: MentorSearch | null) {
  return useQuery({
    queryKey: growthKeys.mentors(personId, search?.competency ?? "", search?.target, search?.outsideChain ?? false),
    queryFn: () =>
      apiClient.call(mentorsEndpoints.suggest, {
        params: { id: personId },
        query: {
          competency: search?.competency ?? "",
          ...(search?.target ? { target: search.target } : {}),
          ...(search?.outsideChain ? { outsideChain: "true" as const } : {}),
        },
      }),
    enabled: Boolean(search?.competency),
    placeholderData: keepPreviousData,
  });
}

export function useMentoringAvailability() {
  return useQuery({
    queryKey: growthKeys.mentoring(),
    queryFn: () => apiClient.call(mentorsEndpoints.getMyAvailability),
  });
}

export function useSetMentoringAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isAvailable: boolean) => apiClient.call(mentorsEndpoints.setMyAvailability, { body: { isAvailable } }),
    onSuccess: (availability) => queryClient.setQueryData(growthKeys.mentoring(), availability),
  });
}

// ── Advisor ──────────────────────────────────────────────────────────────────────────────────

export function useOrgProfile() {
  return useQuery({
    queryKey: growthKeys.orgProfile(),
    queryFn: () => apiClient.call(advisorEndpoints.getOrgProfile),
  });
}

export function useSetOrgProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TOrgProfile) => apiClient.call(advisorEndpoints.setOrgProfile, { body }),
    onSuccess: (view) => {
      queryClient.setQueryData(growthKeys.orgProfile(), view);
      return queryClient.invalidateQueries({ queryKey: ["advancement"] });
    },
  });
}

export function useAdvancement(personId: string) {
  return useQuery({
    queryKey: growthKeys.advancement(personId),
    queryFn: () => apiClient.call(advisorEndpoints.getAdvancement, { params: { id: personId } }),
  });
}

export function useVpProfile() {
  return useQuery({
    queryKey: growthKeys.vpProfile(),
    queryFn: () => apiClient.call(advisorEndpoints.getVpProfile),
    staleTime: 30 * 60_000,
  });
}

export function useMyVpFitChecks() {
  return useQuery({
    queryKey: growthKeys.vpFit(),
    queryFn: () => apiClient.call(advisorEndpoints.listMyVpFit),
  });
}

export function useSubmitVpFit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, number>) =>
      apiClient.call(advisorEndpoints.submitVpFit, { body: { answers } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: growthKeys.vpFit() }),
  });
}

// ── Org insights ─────────────────────────────────────────────────────────────────────────────

/** The whole organisation for an admin; the caller's own subtree for anyone else. */
export function useInsights(scope: "organisation" | "team") {
  return useQuery({
    queryKey: growthKeys.insights(scope),
    queryFn: () =>
      apiClient.call(scope === "organisation" ? insightsEndpoints.getOrgInsights : insightsEndpoints.getTeamInsights),
  });
}
