import type { Level, PeopleImportCounts, PeopleImportPreview, TitleOverride } from "@ascent/core";
import type { TPeopleImportPreview, TPeopleImportResult, TTitleOverride } from "@ascent/contract";

export function presentPeopleImportPreview(fileName: string, preview: PeopleImportPreview): TPeopleImportPreview {
  return {
    fileName,
    rowCount: preview.rowCount,
    columns: preview.columns,
    ignoredColumns: preview.ignoredColumns,
    warnings: preview.warnings,
    new: preview.new,
    changed: preview.changed,
    unchanged: preview.unchanged,
    unmappedTitles: preview.unmappedTitles,
    errors: preview.errors,
    invalidRows: preview.invalidRows,
    listLimit: preview.listLimit,
  };
}

export function presentPeopleImportResult(
  fileName: string,
  preview: PeopleImportPreview,
  committed?: PeopleImportCounts,
): TPeopleImportResult {
  return { preview: presentPeopleImportPreview(fileName, preview), ...(committed ? { committed } : {}) };
}

export function presentTitleOverride(override: TitleOverride, levels: readonly Level[]): TTitleOverride {
  const level = levels.find((candidate) => candidate.id === override.levelId);
  return { title: override.title, levelId: override.levelId, levelName: level?.name ?? null };
}
