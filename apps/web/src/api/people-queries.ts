import {
  ApiError,
  endpoints,
  LIMITS,
  type TCreatePersonBody,
  type TPeopleImportResult,
  type TUpdatePersonBody,
} from "@ascent/contract";
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import { useMemo } from "react";
import { apiClient, uploadFile } from "./client.ts";
import { useFrameworkVersion } from "./queries.ts";
import { useSignedIn } from "./session.ts";

/** The ladder people are placed on: title mapping, imports and levels all use the built-in one. */
export const LADDER_SLUG = "product-management";

export interface PeopleFilter {
  search?: string;
  team?: string;
  levelId?: string;
  status?: "active" | "inactive";
  limit: number;
  offset: number;
}

export interface AuditFilter {
  actorId?: string;
  subjectId?: string;
}

export const peopleKeys = {
  all: ["people"] as const,
  list: (filter: PeopleFilter) => ["people", "list", filter] as const,
  person: (id: string) => ["people", "person", id] as const,
  name: (id: string) => ["person-names", id] as const,
  chain: (id: string) => ["people", "chain", id] as const,
  levelHistory: (id: string) => ["people", "level-history", id] as const,
  reports: (id: string, depth: "direct" | "all") => ["people", "reports", id, depth] as const,
  orgChart: (root: string | null, depth: number | null) => ["people", "org-chart", root, depth] as const,
  search: (text: string) => ["people", "search", text] as const,
  teams: () => ["people", "teams"] as const,
  titleOverrides: () => ["titles", "overrides"] as const,
  titleResolution: (title: string) => ["titles", "resolve", title] as const,
  audit: (filter: AuditFilter) => ["audit", filter] as const,
  accessLog: () => ["access-log"] as const,
};

/** Drops empty strings so an unset filter is not sent as `?team=`. */
function withoutBlanks<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value !== ""),
  ) as Partial<T>;
}

// Reading people

export function usePeople(filter: PeopleFilter) {
  return useQuery({
    queryKey: peopleKeys.list(filter),
    queryFn: () => apiClient.call(endpoints.people.list, { query: withoutBlanks(filter) }),
    placeholderData: keepPreviousData,
  });
}

/** A few people whose name, email or title matches, for pickers; nothing is asked until two characters. */
export function usePeopleSearch(text: string) {
  const search = text.trim();
  return useQuery({
    queryKey: peopleKeys.search(search),
    queryFn: () => apiClient.call(endpoints.people.list, { query: { search, limit: 20, status: "active" } }),
    enabled: search.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** Colleagues anywhere in the organisation by name, title or team (name, title and team only). */
export function useColleagueSearch(text: string) {
  const search = text.trim();
  return useQuery({
    queryKey: [...peopleKeys.search(search), "directory"],
    queryFn: () => apiClient.call(endpoints.people.directory, { query: { search, limit: 20 } }),
    enabled: search.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/**
 * Team names for the directory filter, from the first page of the largest list the API serves.
 * Larger organisations may have teams beyond it; the filter stays a free text field for them.
 */
export function useKnownTeams() {
  return useQuery({
    queryKey: peopleKeys.teams(),
    queryFn: async () => {
      const { people } = await apiClient.call(endpoints.people.list, { query: { limit: 500 } });
      return [...new Set(people.map((person) => person.team).filter(Boolean))].sort((a, b) => a.localeCompare(b));
    },
    staleTime: 5 * 60_000,
  });
}

export function usePerson(id: string | null) {
  return useQuery({
    queryKey: peopleKeys.person(id ?? ""),
    queryFn: () => apiClient.call(endpoints.people.get, { params: { id: id ?? "" } }),
    enabled: id !== null,
  });
}

export function useReportingChain(id: string | null) {
  return useQuery({
    queryKey: peopleKeys.chain(id ?? ""),
    queryFn: () => apiClient.call(endpoints.people.chain, { params: { id: id ?? "" } }),
    enabled: id !== null,
  });
}

export function useLevelHistory(id: string) {
  return useQuery({
    queryKey: peopleKeys.levelHistory(id),
    queryFn: () => apiClient.call(endpoints.people.levelHistory, { params: { id } }),
  });
}

export function useReports(id: string, depth: "direct" | "all" = "direct") {
  return useQuery({
    queryKey: peopleKeys.reports(id, depth),
    queryFn: () => apiClient.call(endpoints.people.reports, { params: { id }, query: { depth } }),
  });
}

export function useOrgChart(root: string | null, depth: number | null, isEnabled = true) {
  return useQuery({
    queryKey: peopleKeys.orgChart(root, depth),
    queryFn: () =>
      apiClient.call(endpoints.people.orgChart, {
        query: { ...(root ? { root } : {}), ...(depth ? { depth } : {}) },
      }),
    enabled: isEnabled,
  });
}

/** The levels of the built-in ladder, in rank order. */
export function useLadderLevels() {
  const version = useFrameworkVersion(LADDER_SLUG, "latest");
  const levels = version.data ? [...version.data.document.levels].sort((a, b) => a.rank - b.rank) : undefined;
  return { ...version, levels };
}

// Changing people (admin)

function invalidatePeople(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: peopleKeys.all });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreatePersonBody) => apiClient.call(endpoints.people.create, { body }),
    onSuccess: () => invalidatePeople(queryClient),
  });
}

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdatePersonBody) => apiClient.call(endpoints.people.update, { params: { id }, body }),
    onSuccess: () => invalidatePeople(queryClient),
  });
}

/** Reactivating needs no confirmation, so it is a plain status change from the list or the page. */
export function useReactivatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.call(endpoints.people.update, { params: { id }, body: { status: "active" } }),
    onSuccess: () => invalidatePeople(queryClient),
  });
}

/**
 * Names for manager ids not already at hand; each person is asked once and cached. Kept outside
 * the "people" keys so that changes to people do not ask again for rows about to disappear.
 */
export function usePeopleNames(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: peopleKeys.name(id),
      queryFn: () => apiClient.call(endpoints.people.get, { params: { id } }),
      staleTime: 5 * 60_000,
    })),
    combine: (results) =>
      new Map(results.flatMap((result) => (result.data ? [[result.data.id, result.data.name] as const] : []))),
  });
}

export function useDeactivatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.call(endpoints.people.deactivate, { params: { id } }),
    onSuccess: () => invalidatePeople(queryClient),
  });
}

export function useCreateOneTimeLink(id: string) {
  return useMutation({
    mutationFn: (purpose: "invite" | "reset") =>
      apiClient.call(endpoints.auth.createLink, { params: { id }, body: { purpose } }),
  });
}

// HRIS import

export const IMPORT_FILE_TYPES = [".csv", ".tsv", ".txt"] as const;

/** Previews (dryRun) or imports an HRIS export; the file itself is the request body. */
export async function importPeopleFile(file: File, { dryRun }: { dryRun: boolean }): Promise<TPeopleImportResult> {
  if (file.size > LIMITS.uploadBytes) {
    throw new ApiError(
      413,
      "payload_too_large",
      `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the web import takes up to ` +
        `${LIMITS.uploadBytes / 1024 / 1024} MB. Import larger files with \`ascent people import <file>\`.`,
    );
  }
  return uploadFile<TPeopleImportResult>(
    endpoints.peopleImport.import.path,
    { fileName: file.name, dryRun: String(dryRun) },
    file,
  );
}

// Title overrides

export function useTitleOverrides() {
  return useQuery({
    queryKey: peopleKeys.titleOverrides(),
    queryFn: () => apiClient.call(endpoints.peopleImport.listTitleOverrides),
  });
}

export function useTitleResolution(title: string) {
  const trimmed = title.trim();
  return useQuery({
    queryKey: peopleKeys.titleResolution(trimmed),
    queryFn: () => apiClient.call(endpoints.titles.resolve, { query: { title: trimmed } }),
    enabled: trimmed.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useSetTitleOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; levelId: string }) =>
      apiClient.call(endpoints.peopleImport.setTitleOverride, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["titles"] }),
  });
}

export function useRemoveTitleOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (title: string) => apiClient.call(endpoints.peopleImport.removeTitleOverride, { query: { title } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["titles"] }),
  });
}

// Audit and access logs

const LOG_PAGE = 50;

export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: peopleKeys.audit(filter),
    queryFn: ({ pageParam }) =>
      apiClient.call(endpoints.audit.list, {
        query: { ...withoutBlanks(filter), limit: LOG_PAGE, ...(pageParam ? { before: pageParam } : {}) },
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
  });
}

/** The CSV download of the write log, with the same filters as the table. */
export function auditExportHref(filter: AuditFilter): string {
  const query = new URLSearchParams(withoutBlanks(filter) as Record<string, string>).toString();
  return `${endpoints.audit.exportCsv.path}${query ? `?${query}` : ""}`;
}

export function useMyAccessLog() {
  return useInfiniteQuery({
    queryKey: peopleKeys.accessLog(),
    queryFn: ({ pageParam }) =>
      apiClient.call(endpoints.audit.myAccessLog, {
        query: { limit: LOG_PAGE, ...(pageParam ? { before: pageParam } : {}) },
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
  });
}

// Demo organisation

export function useRemoveDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.call(endpoints.demo.remove),
    // Most of what is cached named demo people: start again from the server. Names looked up for
    // the rows on screen are left alone; their rows are about to go.
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "person-names" }),
  });
}

// Who is looking

export interface SignedInViewer {
  personId: string;
  name: string;
  isAdmin: boolean;
}

/** The signed-in person, for pages behind the route guard. */
export function useViewer(): SignedInViewer {
  const session = useSignedIn();
  return useMemo(
    () => ({ personId: session.person.id, name: session.person.name, isAdmin: session.isAdmin }),
    [session],
  );
}
