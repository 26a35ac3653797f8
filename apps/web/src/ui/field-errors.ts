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

/** Where in a file a problem sits, in words: "Row 3, column B", "Line 2", or the field path. */
export function describeLocation(detail: NonNullable<ApiError["details"]>[number]): string | null {
  const parts: string[] = [];
  if (detail.row !== undefined) parts.push(`Row ${detail.row}`);
  if (detail.column !== undefined) parts.push(`column ${detail.column}`);
  if (detail.line !== undefined) parts.push(`Line ${detail.line}`);
  if (parts.length === 0 && detail.path) parts.push(normalizeFieldPath(detail.path) || "The file");
  if (parts.length === 0) return null;
  const text = parts.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
