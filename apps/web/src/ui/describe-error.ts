import { isApiError } from "../api/api-error.ts";

/** One sentence for a failed call, in words a person can act on. */
export function describeError(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof TypeError) return "The server could not be reached. Check your connection and try again.";
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

/**
 * The API's per-field messages (`details[].path` such as "body.email"), keyed by field name, so a
 * form can show each beside its control.
 */
export function fieldErrors(error: unknown, prefix = "body."): Record<string, string> {
  if (!isApiError(error) || !error.details) return {};
  const found: Record<string, string> = {};
  for (const detail of error.details) {
    if (!detail.path?.startsWith(prefix)) continue;
    const field = detail.path.slice(prefix.length).split(".")[0];
    if (field && !found[field]) found[field] = detail.message;
  }
  return found;
}
