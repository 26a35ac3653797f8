import { formatIssuePath, type FrameworkIssue, type IssuePath } from "./framework-issue.ts";

/** Building blocks for validating untrusted input: each check reports into `issues` and returns the value when usable. */

export type UnknownRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

export function requireRecord(value: unknown, path: IssuePath, issues: FrameworkIssue[]): UnknownRecord | undefined {
  if (isRecord(value)) return value;
  issues.push({ path, message: value === undefined ? "is required" : `must be an object, got ${describeType(value)}` });
  return undefined;
}

export function requireArray(value: unknown, path: IssuePath, issues: FrameworkIssue[]): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  issues.push({ path, message: value === undefined ? "is required" : `must be an array, got ${describeType(value)}` });
  return undefined;
}

export interface StringOptions {
  /** Prose fields may be blank; identifiers, names and labels may not. */
  allowEmpty?: boolean;
}

export function requireString(
  value: unknown,
  path: IssuePath,
  issues: FrameworkIssue[],
  { allowEmpty = false }: StringOptions = {},
): string | undefined {
  if (typeof value !== "string") {
    issues.push({
      path,
      message: value === undefined ? "is required" : `must be a string, got ${describeType(value)}`,
    });
    return undefined;
  }
  if (!allowEmpty && value.trim() === "") {
    issues.push({ path, message: "must not be empty" });
    return undefined;
  }
  return value;
}

export interface NumberOptions {
  integer?: boolean;
}

export function requireNumber(
  value: unknown,
  path: IssuePath,
  issues: FrameworkIssue[],
  { integer = false }: NumberOptions = {},
): number | undefined {
  if (typeof value !== "number") {
    issues.push({
      path,
      message: value === undefined ? "is required" : `must be a number, got ${describeType(value)}`,
    });
    return undefined;
  }
  if (!Number.isFinite(value)) {
    issues.push({ path, message: `must be a finite number, got ${value}` });
    return undefined;
  }
  if (integer && !Number.isInteger(value)) {
    issues.push({ path, message: `must be an integer, got ${value}` });
    return undefined;
  }
  return value;
}

export function requireBoolean(value: unknown, path: IssuePath, issues: FrameworkIssue[]): boolean | undefined {
  if (typeof value === "boolean") return value;
  issues.push({ path, message: value === undefined ? "is required" : `must be a boolean, got ${describeType(value)}` });
  return undefined;
}

export function requireNonEmptyArray(
  value: unknown,
  path: IssuePath,
  issues: FrameworkIssue[],
  itemNoun: string,
): unknown[] | undefined {
  const items = requireArray(value, path, issues);
  if (items?.length === 0) issues.push({ path, message: `must contain at least one ${itemNoun}` });
  return items;
}

export function reportUnknownKeys(
  record: UnknownRecord,
  allowedKeys: readonly string[],
  path: IssuePath,
  issues: FrameworkIssue[],
): void {
  for (const key of Object.keys(record)) {
    if (!allowedKeys.includes(key)) issues.push({ path: [...path, key], message: `unknown field "${key}"` });
  }
}

export interface KeyedValue {
  /** What counts as "the same", e.g. the lower-cased name. */
  key: string;
  /** What the message shows. */
  shown: string | number;
  path: IssuePath;
}

/** Reports every value after the first that repeats a key: `duplicate <label> "<value>" (first at <path>)`. */
export function reportDuplicates(values: KeyedValue[], label: string, issues: FrameworkIssue[]): void {
  const firstPathByKey = new Map<string, IssuePath>();
  for (const { key, shown, path } of values) {
    const firstPath = firstPathByKey.get(key);
    if (firstPath === undefined) firstPathByKey.set(key, path);
    else
      issues.push({
        path,
        message: `duplicate ${label} ${JSON.stringify(shown)} (first at ${formatIssuePath(firstPath)})`,
      });
  }
}

export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}
