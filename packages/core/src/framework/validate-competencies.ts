import type { FrameworkIssue } from "./framework-issue.ts";
import {
  normalizeName,
  reportDuplicates,
  requireNonEmptyArray,
  requireRecord,
  requireString,
  type KeyedValue,
} from "./field-checks.ts";

/** Returns the valid competency ids, in order, each once. */
export function validateCompetencies(value: unknown, issues: FrameworkIssue[]): string[] {
  const items = requireNonEmptyArray(value, ["competencies"], issues, "competency");
  if (items === undefined) return [];
  const ids: KeyedValue[] = [];
  const names: KeyedValue[] = [];
  items.forEach((item, index) => {
    const path = ["competencies", index];
    const competency = requireRecord(item, path, issues);
    if (competency === undefined) return;
    const id = requireString(competency.id, [...path, "id"], issues);
    if (id !== undefined) ids.push({ key: id, shown: id, path: [...path, "id"] });
    const name = requireString(competency.name, [...path, "name"], issues);
    if (name !== undefined) names.push({ key: normalizeName(name), shown: name, path: [...path, "name"] });
    requireString(competency.area, [...path, "area"], issues, { allowEmpty: true });
    requireString(competency.description, [...path, "description"], issues, { allowEmpty: true });
  });
  reportDuplicates(ids, "competency id", issues);
  reportDuplicates(names, "competency name", issues);
  return [...new Set(ids.map((entry) => entry.key))];
}
