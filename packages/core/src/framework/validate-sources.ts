import type { FrameworkIssue } from "./framework-issue.ts";
import {
  reportDuplicates,
  requireArray,
  requireNumber,
  requireRecord,
  requireString,
  type KeyedValue,
} from "./field-checks.ts";

export function validateSources(value: unknown, issues: FrameworkIssue[]): void {
  const sources = requireArray(value, ["sources"], issues);
  if (sources === undefined) return;
  const ids: KeyedValue[] = [];
  sources.forEach((item, index) => {
    const path = ["sources", index];
    const source = requireRecord(item, path, issues);
    if (source === undefined) return;
    const id = requireString(source.id, [...path, "id"], issues);
    if (id !== undefined) ids.push({ key: id, shown: id, path: [...path, "id"] });
    requireString(source.title, [...path, "title"], issues);
    requireString(source.author, [...path, "author"], issues);
    if (source.publisher !== undefined) requireString(source.publisher, [...path, "publisher"], issues);
    if (source.year !== undefined) requireNumber(source.year, [...path, "year"], issues, { integer: true });
    requireString(source.usedFor, [...path, "usedFor"], issues);
  });
  reportDuplicates(ids, "source id", issues);
}
