import type { FrameworkIssue, IssuePath } from "./framework-issue.ts";
import { requireBoolean, requireNumber, requireRecord, requireString } from "./field-checks.ts";
import type { ScaleRange } from "./validate-scale.ts";

export interface ExpectationContext {
  levelIds: string[];
  competencyIds: string[];
  /** Undefined when the scale is invalid; expected values are then checked for type only. */
  scale: ScaleRange | undefined;
}

export function validateExpectations(value: unknown, context: ExpectationContext, issues: FrameworkIssue[]): void {
  const matrix = requireRecord(value, ["expectations"], issues);
  if (matrix === undefined) return;
  for (const levelId of Object.keys(matrix)) {
    if (!context.levelIds.includes(levelId)) {
      issues.push({ path: ["expectations", levelId], message: `unknown level ${JSON.stringify(levelId)}` });
    }
  }
  for (const levelId of context.levelIds) {
    const row = matrix[levelId];
    if (row === undefined) {
      reportMissingRow(levelId, context.competencyIds, issues);
      continue;
    }
    const cells = requireRecord(row, ["expectations", levelId], issues);
    if (cells !== undefined) validateRow(levelId, cells, context, issues);
  }
}

function reportMissingRow(levelId: string, competencyIds: string[], issues: FrameworkIssue[]): void {
  for (const competencyId of competencyIds) {
    issues.push({ path: ["expectations", levelId, competencyId], message: missingMessage(levelId, competencyId) });
  }
}

function validateRow(
  levelId: string,
  cells: Record<string, unknown>,
  context: ExpectationContext,
  issues: FrameworkIssue[],
): void {
  for (const competencyId of Object.keys(cells)) {
    if (!context.competencyIds.includes(competencyId)) {
      issues.push({
        path: ["expectations", levelId, competencyId],
        message: `unknown competency ${JSON.stringify(competencyId)}`,
      });
    }
  }
  for (const competencyId of context.competencyIds) {
    const path = ["expectations", levelId, competencyId];
    const cell = cells[competencyId];
    if (cell === undefined) issues.push({ path, message: missingMessage(levelId, competencyId) });
    else validateExpectation(cell, path, context.scale, issues);
  }
}

function missingMessage(levelId: string, competencyId: string): string {
  return `missing expectation for level ${levelId} × competency ${competencyId}`;
}

function validateExpectation(
  value: unknown,
  path: IssuePath,
  scale: ScaleRange | undefined,
  issues: FrameworkIssue[],
): void {
  const expectation = requireRecord(value, path, issues);
  if (expectation === undefined) return;
  const expected = requireNumber(expectation.expected, [...path, "expected"], issues);
  if (expected !== undefined && scale !== undefined && (expected < scale.min || expected > scale.max)) {
    issues.push({
      path: [...path, "expected"],
      message: `must be within the scale ${scale.min}..${scale.max}, got ${expected}`,
    });
  }
  const weight = requireNumber(expectation.weight, [...path, "weight"], issues);
  if (weight !== undefined && weight < 0) {
    issues.push({ path: [...path, "weight"], message: `must be at least 0, got ${weight}` });
  }
  requireString(expectation.descriptor, [...path, "descriptor"], issues, { allowEmpty: true });
  requireBoolean(expectation.interpolated, [...path, "interpolated"], issues);
}
