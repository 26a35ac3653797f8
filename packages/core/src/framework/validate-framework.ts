import type { Framework } from "./framework.ts";
import type { FrameworkIssue } from "./framework-issue.ts";
import { describeType, isRecord, reportUnknownKeys, requireString } from "./field-checks.ts";
import { validateCompetencies } from "./validate-competencies.ts";
import { validateExpectations } from "./validate-expectations.ts";
import { validateGuidance } from "./validate-guidance.ts";
import { validateLevels } from "./validate-levels.ts";
import { validatePlaybooks } from "./validate-playbooks.ts";
import { validateScale } from "./validate-scale.ts";
import { validateSlug } from "./validate-slug.ts";
import { validateSources } from "./validate-sources.ts";

export { formatIssuePath, type FrameworkIssue } from "./framework-issue.ts";
export { RESERVED_FRAMEWORK_SLUGS } from "./validate-slug.ts";

const FRAMEWORK_FIELDS: readonly (keyof Framework)[] = [
  "slug",
  "name",
  "description",
  "sources",
  "scale",
  "levels",
  "competencies",
  "expectations",
  "playbooks",
  "guidance",
];

/** Checks structure and cross-references; returns every issue found (empty when valid). */
export function validateFramework(input: unknown): FrameworkIssue[] {
  if (!isRecord(input)) return [{ path: [], message: `must be an object, got ${describeType(input)}` }];
  const issues: FrameworkIssue[] = [];
  reportUnknownKeys(input, FRAMEWORK_FIELDS, [], issues);
  validateSlug(input.slug, issues);
  requireString(input.name, ["name"], issues);
  requireString(input.description, ["description"], issues, { allowEmpty: true });
  validateSources(input.sources, issues);
  const scale = validateScale(input.scale, issues);
  const levels = validateLevels(input.levels, issues);
  const competencyIds = validateCompetencies(input.competencies, issues);
  validateExpectations(input.expectations, { levelIds: [...levels.keys()], competencyIds, scale }, issues);
  validatePlaybooks(input.playbooks, levels, issues);
  if (input.guidance !== undefined) validateGuidance(input.guidance, issues);
  return issues;
}

export function isValidFramework(input: unknown): input is Framework {
  return validateFramework(input).length === 0;
}
