import type { FrameworkIssue, IssuePath } from "./framework-issue.ts";
import { requireArray, requireRecord, requireString } from "./field-checks.ts";

/** Guidance is reference prose shown to people, so only its shape is checked, not its content. */
export function validateGuidance(value: unknown, issues: FrameworkIssue[]): void {
  const guidance = requireRecord(value, ["guidance"], issues);
  if (guidance === undefined) return;
  validateEntries(guidance.careerPlanning, ["guidance", "careerPlanning"], ["id", "name"], issues);
  validateEntries(guidance.orgShapes, ["guidance", "orgShapes"], ["id", "name"], issues);
  validateEntries(guidance.advancementPaths, ["guidance", "advancementPaths"], ["id", "name"], issues);
  const vpRole = requireRecord(guidance.vpRole, ["guidance", "vpRole"], issues);
  if (vpRole === undefined) return;
  requireString(vpRole.summary, ["guidance", "vpRole", "summary"], issues, { allowEmpty: true });
  validateEntries(vpRole.traits, ["guidance", "vpRole", "traits"], ["id", "name"], issues);
  validateEntries(vpRole.reflections, ["guidance", "vpRole", "reflections"], ["id", "statement"], issues);
  requireString(vpRole.beyond, ["guidance", "vpRole", "beyond"], issues, { allowEmpty: true });
  if (vpRole.notes !== undefined) {
    validateEntries(vpRole.notes, ["guidance", "vpRole", "notes"], ["id", "name", "text", "sourceId"], issues);
  }
}

function validateEntries(value: unknown, path: IssuePath, textFields: string[], issues: FrameworkIssue[]): void {
  requireArray(value, path, issues)?.forEach((item, index) => {
    const entry = requireRecord(item, [...path, index], issues);
    if (entry === undefined) return;
    for (const field of textFields) requireString(entry[field], [...path, index, field], issues);
  });
}
