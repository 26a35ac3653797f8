import {
  buildPath,
  frameworkAdminEndpoints as admin,
  type TFramework,
  type TFrameworkVersion,
  type TGoalChoice,
  type TImportResult,
} from "@ascent/contract";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, uploadFile } from "./client.ts";
import { queryKeys } from "./queries.ts";

export const EXPORT_FORMATS = [
  { format: "yaml", label: "YAML" },
  { format: "json", label: "JSON" },
  { format: "csv", label: "CSV" },
  { format: "xlsx", label: "XLSX" },
  { format: "md", label: "Markdown" },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]["format"];

/** A plain link the browser downloads with the session cookie (a GET, so no CSRF header is needed). */
export function exportUrl(framework: string, version: number, format: ExportFormat): string {
  return `${buildPath(admin.export.path, { framework, version })}?format=${format}`;
}

export interface ImportOptions {
  file: File;
  sheet?: string;
  name?: string;
  dryRun: boolean;
}

export function importFramework({ file, sheet, name, dryRun }: ImportOptions): Promise<TImportResult> {
  return uploadFile<TImportResult>(
    admin.import.path,
    { fileName: file.name, sheet, name, dryRun: String(dryRun) },
    file,
  );
}

export function useImportFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importFramework,
    onSuccess: (result) => {
      if (result.created) void queryClient.invalidateQueries({ queryKey: queryKeys.frameworks() });
    },
  });
}

export function useFrameworkDiff(framework: string, from: number, to: number, enabled = true) {
  return useQuery({
    queryKey: queryKeys.frameworkDiff(framework, from, to),
    queryFn: () => apiClient.call(admin.diff, { params: { framework }, query: { from, to } }),
    enabled,
  });
}

/** After any change to a framework, its summary, history and versions are refetched. */
function useInvalidateFramework(framework: string) {
  const queryClient = useQueryClient();
  return (version?: TFrameworkVersion) => {
    if (version) queryClient.setQueryData(queryKeys.frameworkVersion(framework, version.version), version);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.framework(framework) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.frameworks(), exact: true }),
    ]);
  };
}

export function useStartDraft(framework: string) {
  const invalidate = useInvalidateFramework(framework);
  return useMutation({
    mutationFn: () => apiClient.call(admin.startDraft, { params: { framework }, body: {} }),
    onSuccess: (version) => invalidate(version),
  });
}

export function useSaveDraft(framework: string) {
  const invalidate = useInvalidateFramework(framework);
  return useMutation({
    mutationFn: (document: TFramework) =>
      apiClient.call(admin.saveDraft, { params: { framework }, body: { document } }),
    onSuccess: (version) => invalidate(version),
  });
}

export function useDiscardDraft(framework: string) {
  const invalidate = useInvalidateFramework(framework);
  return useMutation({
    mutationFn: () => apiClient.call(admin.discardDraft, { params: { framework } }),
    onSuccess: () => invalidate(),
  });
}

/** The dry run of publishing the draft with the inferred map: what moves where and what has no home. */
export function useMigrationPreview(framework: string, draftVersion: number, choices: TGoalChoice[], enabled = true) {
  return useQuery({
    // Outside the framework's own keys: publishing or discarding the draft must not refetch a report of it.
    // Each mount of the publish form (after a save) reads it afresh.
    queryKey: ["migration-preview", framework, draftVersion, choices] as const,
    queryFn: () => apiClient.call(admin.previewMigration, { params: { framework }, body: { choices } }),
    enabled,
    // A new choice refetches the report; the old one stays on screen meanwhile.
    placeholderData: keepPreviousData,
  });
}

export function usePublishDraft(framework: string) {
  const invalidate = useInvalidateFramework(framework);
  return useMutation({
    mutationFn: ({ note, choices = [] }: { note: string; choices?: TGoalChoice[] }) =>
      apiClient.call(admin.publish, {
        params: { framework },
        body: { ...(note.trim() ? { note: note.trim() } : {}), ...(choices.length > 0 ? { choices } : {}) },
      }),
    onSuccess: (version) => invalidate(version),
  });
}
