import {
  endpoints,
  type TAssessmentRatingInput,
  type TAssessmentRelation,
  type TCreateEvidenceBody,
  type TCreateFeedbackRequestBody,
  type TUpdateEvidenceBody,
  type TUpdateReadinessSettingsBody,
} from "@ascent/contract";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";
import { queryKeys } from "./queries.ts";

/** The framework every assessment and readiness view is computed on (the server's active framework). */
export const ACTIVE_FRAMEWORK = "product-management";

export interface DraftKey {
  subjectId: string;
  relation: TAssessmentRelation;
  feedbackRequestId?: string | undefined;
}

export interface OrgFilters {
  level?: string | undefined;
  team?: string | undefined;
}

export const assessmentKeys = {
  draft: (key: DraftKey) =>
    ["assessments", "draft", key.subjectId, key.relation, key.feedbackRequestId ?? null] as const,
  mine: () => ["assessments", "mine"] as const,
  feedbackAbout: (personId: string) => ["feedback-requests", "about", personId] as const,
  feedbackAskedOfMe: () => ["feedback-requests", "asked-of-me"] as const,
  evidence: (personId: string) => ["evidence", personId] as const,
  readiness: (personId: string, target: string | undefined) => ["readiness", personId, target ?? "next"] as const,
  readinessHistory: (personId: string) => ["readiness", personId, "history"] as const,
  sideBySide: (personId: string) => ["readiness", personId, "side-by-side"] as const,
  teamHeatmap: (scope: "direct" | "all", team: string | null) => ["team", "heatmap", scope, team] as const,
  teamReadiness: (scope: "direct" | "all", sort: TeamSort) =>
    ["team", "readiness", scope, sort.key, sort.order] as const,
  orgReadiness: (filters: OrgFilters) => ["org", "readiness", filters.level ?? null, filters.team ?? null] as const,
  orgHeatmap: (filters: OrgFilters) => ["org", "heatmap", filters.level ?? null, filters.team ?? null] as const,
  goals: (personId: string) => ["goals", personId] as const,
  readinessSettings: () => ["settings", "readiness"] as const,
};

/** Anything that can move a readiness number: invalidated after a submit, a close or an evidence change. */
const READINESS_ROOTS = [["readiness"], ["team"], ["org"]] as const;

/**
 * A version of the active framework: the one an assessment was given on, or "latest". Shares the
 * cache entry of the framework pages; `undefined` waits (the version is not known yet).
 */
export function useFrameworkDocument(version: number | "latest" | undefined) {
  return useQuery({
    queryKey: queryKeys.frameworkVersion(ACTIVE_FRAMEWORK, version ?? "latest"),
    queryFn: () =>
      apiClient.call(endpoints.frameworks.getVersion, {
        params: { framework: ACTIVE_FRAMEWORK, version: version ?? "latest" },
      }),
    enabled: version !== undefined,
    staleTime: 5 * 60_000,
  });
}

// ── Assessments ────────────────────────────────────────────────────────────────────────────

/**
 * The viewer's open draft for this subject and relation: the server resumes it or starts one. A query
 * rather than a mutation so that two mounts (StrictMode, a quick remount) share one request and one draft.
 */
export function useAssessmentDraft(key: DraftKey) {
  return useQuery({
    queryKey: assessmentKeys.draft(key),
    queryFn: () =>
      apiClient.call(endpoints.assessments.start, {
        body: {
          subjectId: key.subjectId,
          relation: key.relation,
          ...(key.feedbackRequestId ? { feedbackRequestId: key.feedbackRequestId } : {}),
        },
      }),
    staleTime: Infinity,
    gcTime: 0,
    enabled: key.subjectId !== "",
  });
}

export function useSaveRatings(assessmentId: string) {
  return useMutation({
    mutationFn: (ratings: TAssessmentRatingInput[]) =>
      apiClient.call(endpoints.assessments.saveRatings, { params: { assessmentId }, body: { ratings } }),
  });
}

export function useSubmitAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assessmentId: string) => apiClient.call(endpoints.assessments.submit, { params: { assessmentId } }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: assessmentKeys.mine() }),
        queryClient.invalidateQueries({ queryKey: ["feedback-requests"] }),
        ...READINESS_ROOTS.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ]);
    },
  });
}

export function useMyAssessments() {
  return useQuery({
    queryKey: assessmentKeys.mine(),
    queryFn: () => apiClient.call(endpoints.assessments.listMine),
  });
}

// ── Feedback requests ──────────────────────────────────────────────────────────────────────

export function useFeedbackRequestsAbout(personId: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.feedbackAbout(personId ?? ""),
    queryFn: () => apiClient.call(endpoints.feedback.listAbout, { params: { id: personId ?? "" } }),
    enabled: Boolean(personId),
  });
}

export function useCreateFeedbackRequest(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateFeedbackRequestBody) =>
      apiClient.call(endpoints.feedback.create, { params: { id: personId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.feedbackAbout(personId) }),
  });
}

export function useCloseFeedbackRequest(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => apiClient.call(endpoints.feedback.close, { params: { requestId } }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: assessmentKeys.feedbackAbout(personId) }),
        ...READINESS_ROOTS.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ]);
    },
  });
}

export function useFeedbackAskedOfMe() {
  return useQuery({
    queryKey: assessmentKeys.feedbackAskedOfMe(),
    queryFn: () => apiClient.call(endpoints.feedback.listMine),
  });
}

// ── Evidence ───────────────────────────────────────────────────────────────────────────────

export function useEvidence(personId: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: assessmentKeys.evidence(personId ?? ""),
    queryFn: () => apiClient.call(endpoints.evidence.list, { params: { id: personId ?? "" } }),
    enabled: Boolean(personId) && (options.enabled ?? true),
  });
}

function useEvidenceInvalidation(personId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: assessmentKeys.evidence(personId) }),
      queryClient.invalidateQueries({ queryKey: ["readiness", personId] }),
    ]);
}

export function useCreateEvidence(personId: string) {
  const invalidate = useEvidenceInvalidation(personId);
  return useMutation({
    mutationFn: (body: TCreateEvidenceBody) =>
      apiClient.call(endpoints.evidence.create, { params: { id: personId }, body }),
    onSuccess: invalidate,
  });
}

export function useUpdateEvidence(personId: string) {
  const invalidate = useEvidenceInvalidation(personId);
  return useMutation({
    mutationFn: ({ evidenceId, body }: { evidenceId: string; body: TUpdateEvidenceBody }) =>
      apiClient.call(endpoints.evidence.update, { params: { evidenceId }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteEvidence(personId: string) {
  const invalidate = useEvidenceInvalidation(personId);
  return useMutation({
    mutationFn: (evidenceId: string) => apiClient.call(endpoints.evidence.delete, { params: { evidenceId } }),
    onSuccess: invalidate,
  });
}

export function useSuggestEvidenceTags() {
  return useMutation({
    mutationFn: (text: { title: string; body: string }) =>
      apiClient.call(endpoints.evidence.suggestTags, { body: text }),
  });
}

// ── Readiness ──────────────────────────────────────────────────────────────────────────────

export function useReadiness(personId: string | undefined, target?: string) {
  return useQuery({
    queryKey: assessmentKeys.readiness(personId ?? "", target),
    queryFn: () =>
      apiClient.call(endpoints.readiness.forPerson, {
        params: { id: personId ?? "" },
        query: target ? { target } : {},
      }),
    enabled: Boolean(personId),
    placeholderData: (previous) => (previous?.personId === personId ? previous : undefined),
  });
}

export function useReadinessHistory(personId: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.readinessHistory(personId ?? ""),
    queryFn: () => apiClient.call(endpoints.readiness.history, { params: { id: personId ?? "" } }),
    enabled: Boolean(personId),
  });
}

export function useSideBySide(personId: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.sideBySide(personId ?? ""),
    queryFn: () => apiClient.call(endpoints.readiness.sideBySide, { params: { id: personId ?? "" } }),
    enabled: Boolean(personId),
  });
}

export interface TeamSort {
  key: "score" | "name" | "verdict" | "level";
  order: "asc" | "desc";
}

/** The team heatmap: people one page at a time, or aggregates per team for a large team until one is opened. */
export function useTeamHeatmap(scope: "direct" | "all", team: string | null) {
  return useInfiniteQuery({
    queryKey: assessmentKeys.teamHeatmap(scope, team),
    queryFn: ({ pageParam }) =>
      apiClient.call(endpoints.readiness.teamHeatmap, {
        query: { scope, ...(team === null ? {} : { team }), ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: (previous) => previous,
  });
}

/** Team readiness sorted on the server, one page at a time. */
export function useTeamReadiness(scope: "direct" | "all", sort: TeamSort) {
  return useInfiniteQuery({
    queryKey: assessmentKeys.teamReadiness(scope, sort),
    queryFn: ({ pageParam }) =>
      apiClient.call(endpoints.readiness.teamReadiness, {
        query: { scope, sort: sort.key, order: sort.order, ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: (previous) => previous,
  });
}

/** The relation weights and k: the feedback pages quote k when they promise anonymity. */
export function useReadinessSettings() {
  return useQuery({
    queryKey: assessmentKeys.readinessSettings(),
    queryFn: () => apiClient.call(endpoints.readiness.getSettings),
    staleTime: 5 * 60_000,
  });
}

/** An admin's new weights, k and manager correction: every readiness number may move. */
export function useUpdateReadinessSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateReadinessSettingsBody) => apiClient.call(endpoints.readiness.updateSettings, { body }),
    onSuccess: async (settings) => {
      queryClient.setQueryData(assessmentKeys.readinessSettings(), settings);
      await Promise.all(READINESS_ROOTS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

function orgQuery(filters: OrgFilters) {
  return {
    ...(filters.level ? { level: filters.level } : {}),
    ...(filters.team ? { team: filters.team } : {}),
  };
}

export function useOrgReadiness(filters: OrgFilters) {
  return useQuery({
    queryKey: assessmentKeys.orgReadiness(filters),
    queryFn: () => apiClient.call(endpoints.readiness.orgReadiness, { query: orgQuery(filters) }),
    placeholderData: (previous) => previous,
  });
}

export function useOrgHeatmap(filters: OrgFilters) {
  return useQuery({
    queryKey: assessmentKeys.orgHeatmap(filters),
    queryFn: () => apiClient.call(endpoints.readiness.orgHeatmap, { query: orgQuery(filters) }),
    placeholderData: (previous) => previous,
  });
}

// ── Goals (the Growth issue's API; My growth links gaps to it) ───────────────────────────

export function useGoals(personId: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.goals(personId ?? ""),
    queryFn: () => apiClient.call(endpoints.goals.list, { params: { id: personId ?? "" } }),
    enabled: Boolean(personId),
  });
}

export function useCreateGoalFromGap(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { competencyId: string; targetLevelId: string }) =>
      apiClient.call(endpoints.goals.create, { params: { id: personId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.goals(personId) }),
  });
}
