import { AppError } from "@ascent/core";

/**
 * PostgreSQL cannot store a NUL character in text, nor an unpaired UTF-16 surrogate (JSON turns it
 * into an escape that jsonb refuses). Every string and key of a request is checked once, here.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isStorable(text: string): boolean {
  return !text.includes("\u0000") && !LONE_SURROGATE.test(text);
}

/** The path of the first string (or object key) that cannot be stored, or null. */
export function findUnstorableText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return isStorable(value) ? null : path;
  // The contract bounds nesting long before this; deeper input is the schema's to refuse.
  if (value === null || typeof value !== "object" || depth > 64 || Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, `${path}.${index}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!isStorable(key)) return `${path}.${key.replace(/[^\x20-\x7e]/g, "?")}`;
    const found = findUnstorableText(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Throws a 400 naming the field when the request's body, query or path holds text PostgreSQL cannot store. */
export function assertStorableRequest(request: { body?: unknown; query?: unknown; params?: unknown }): void {
  const found =
    findUnstorableText(request.params, "params") ??
    findUnstorableText(request.query, "query") ??
    findUnstorableText(request.body, "body");
  if (found) {
    throw new AppError(
      "validation_failed",
      `Invalid ${found}: contains a NUL character or a broken Unicode sequence, which cannot be stored`,
      [{ path: found, message: "contains a NUL character or a broken Unicode sequence" }],
    );
  }
}
