import type { ApiError } from "@ascent/contract";
import { isApiError } from "../api/api-error.ts";

/**
 * One spelling for a field's place in a request, whoever reported it: the API's schema check
 * says `body.document.levels.3.name`, the framework validator `levels[3].name`; both become
 * `levels.3.name`.
 */
export function normalizeFieldPath(path: string): string {
  return path
    .replace(/^(body\.)?(document\.)?/, "")
    .replace(/\[(\d+)\]/g, ".$1")
    .replace(/\["((?:[^"\\]|\\.)*)"\]/g, (_, key: string) => `.${key}`)
    .replace(/^\./, "");
}

/** The API's field errors by normalised path; the first message wins where a field has several. */
export function fieldErrorsOf(error: unknown, rename: Record<string, string> = {}): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isApiError(error)) return errors;
  for (const detail of error.details ?? []) {
    if (!detail.path) continue;
    const path = normalizeFieldPath(detail.path);
    const key = rename[path] ?? path;
    errors[key] ??= detail.message;
  }
  return errors;
}

/** Where in a file a problem sits, in words: "Row 3, column B", "Line 2, column 7", or the field path. */
export function describeLocation(detail: NonNullable<ApiError["details"]>[number]): string | null {
  const column = detail.column !== undefined ? `, column ${detail.column}` : "";
  if (detail.row !== undefined) return `Row ${detail.row}${column}`;
  if (detail.line !== undefined) return `Line ${detail.line}${column}`;
  if (detail.path) return normalizeFieldPath(detail.path) || "The file";
  return null;
}
