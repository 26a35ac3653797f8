import type { FrameworkIssue } from "./framework-issue.ts";
import {
  reportDuplicates,
  requireArray,
  requireNumber,
  requireRecord,
  requireString,
  type KeyedValue,
} from "./field-checks.ts";

export interface ScaleRange {
  min: number;
  max: number;
}

/** Returns the scale's range when it is usable for checking expectations. */
export function validateScale(value: unknown, issues: FrameworkIssue[]): ScaleRange | undefined {
  const scale = requireRecord(value, ["scale"], issues);
  if (scale === undefined) return undefined;
  const min = requireNumber(scale.min, ["scale", "min"], issues, { integer: true });
  const max = requireNumber(scale.max, ["scale", "max"], issues, { integer: true });
  const range = min !== undefined && max !== undefined ? checkRange(min, max, issues) : undefined;
  validatePoints(scale.points, range, issues);
  return range;
}

function checkRange(min: number, max: number, issues: FrameworkIssue[]): ScaleRange | undefined {
  if (min < max) return { min, max };
  issues.push({ path: ["scale", "max"], message: `must be greater than min (${min}), got ${max}` });
  return undefined;
}

function validatePoints(value: unknown, range: ScaleRange | undefined, issues: FrameworkIssue[]): void {
  const points = requireArray(value, ["scale", "points"], issues);
  if (points === undefined) return;
  const values: KeyedValue[] = [];
  points.forEach((item, index) => {
    const path = ["scale", "points", index];
    const point = requireRecord(item, path, issues);
    if (point === undefined) return;
    const pointValue = requireNumber(point.value, [...path, "value"], issues, { integer: true });
    requireString(point.label, [...path, "label"], issues);
    requireString(point.description, [...path, "description"], issues, { allowEmpty: true });
    if (pointValue === undefined) return;
    if (range !== undefined && (pointValue < range.min || pointValue > range.max)) {
      issues.push({
        path: [...path, "value"],
        message: `must be within ${range.min}..${range.max}, got ${pointValue}`,
      });
      return;
    }
    values.push({ key: String(pointValue), shown: pointValue, path: [...path, "value"] });
  });
  reportDuplicates(values, "value", issues);
  if (range === undefined) return;
  const covered = new Set(values.map((entry) => entry.key));
  for (let scaleValue = range.min; scaleValue <= range.max; scaleValue++) {
    if (!covered.has(String(scaleValue))) {
      issues.push({ path: ["scale", "points"], message: `missing point for value ${scaleValue}` });
    }
  }
}
