import type { FrameworkIssue, IssuePath } from "./framework-issue.ts";
import {
  reportDuplicates,
  requireArray,
  requireNonEmptyArray,
  requireRecord,
  requireString,
  type KeyedValue,
} from "./field-checks.ts";
import type { KnownLevels } from "./validate-levels.ts";

export function validatePlaybooks(value: unknown, levels: KnownLevels, issues: FrameworkIssue[]): void {
  const playbooks = requireArray(value, ["playbooks"], issues);
  if (playbooks === undefined) return;
  const ids: KeyedValue[] = [];
  playbooks.forEach((item, index) => {
    const path = ["playbooks", index];
    const playbook = requireRecord(item, path, issues);
    if (playbook === undefined) return;
    const id = requireString(playbook.id, [...path, "id"], issues);
    if (id !== undefined) ids.push({ key: id, shown: id, path: [...path, "id"] });
    requireString(playbook.name, [...path, "name"], issues);
    checkLevelPair(playbook, path, levels, issues);
    validateAspects(playbook.aspects, [...path, "aspects"], issues);
  });
  reportDuplicates(ids, "playbook id", issues);
}

function checkLevelPair(
  playbook: Record<string, unknown>,
  path: IssuePath,
  levels: KnownLevels,
  issues: FrameworkIssue[],
): void {
  const lower = requireKnownLevel(playbook.lowerLevelId, [...path, "lowerLevelId"], levels, issues);
  const upper = requireKnownLevel(playbook.upperLevelId, [...path, "upperLevelId"], levels, issues);
  if (lower === undefined || upper === undefined) return;
  const lowerRank = levels.get(lower);
  const upperRank = levels.get(upper);
  if (lowerRank === undefined || upperRank === undefined || lowerRank < upperRank) return;
  issues.push({
    path,
    message: `lower level ${JSON.stringify(lower)} (rank ${lowerRank}) must rank below upper level ${JSON.stringify(upper)} (rank ${upperRank})`,
  });
}

function requireKnownLevel(
  value: unknown,
  path: IssuePath,
  levels: KnownLevels,
  issues: FrameworkIssue[],
): string | undefined {
  const id = requireString(value, path, issues);
  if (id === undefined) return undefined;
  if (levels.has(id)) return id;
  issues.push({ path, message: `unknown level ${JSON.stringify(id)}` });
  return undefined;
}

function validateAspects(value: unknown, path: IssuePath, issues: FrameworkIssue[]): void {
  const aspects = requireNonEmptyArray(value, path, issues, "aspect");
  if (aspects === undefined) return;
  const ids: KeyedValue[] = [];
  aspects.forEach((item, index) => {
    const aspectPath = [...path, index];
    const aspect = requireRecord(item, aspectPath, issues);
    if (aspect === undefined) return;
    const id = requireString(aspect.id, [...aspectPath, "id"], issues);
    if (id !== undefined) ids.push({ key: id, shown: id, path: [...aspectPath, "id"] });
    requireString(aspect.name, [...aspectPath, "name"], issues);
    requireString(aspect.lowerBrings, [...aspectPath, "lowerBrings"], issues, { allowEmpty: true });
    requireString(aspect.upperBrings, [...aspectPath, "upperBrings"], issues, { allowEmpty: true });
    const prompts = requireNonEmptyArray(aspect.prompts, [...aspectPath, "prompts"], issues, "prompt");
    prompts?.forEach((prompt, promptIndex) => requireString(prompt, [...aspectPath, "prompts", promptIndex], issues));
  });
  reportDuplicates(ids, "aspect id", issues);
}
