import type { ErrorDetail } from "../errors/app-error.ts";
import type { Framework } from "../framework/framework.ts";
import type { CompetencyReadiness } from "../readiness/readiness.ts";
import { resolveTitle, type TitleOverride, type TitleResolution } from "../titles/resolve-title.ts";

/** How often the owner means to reassess the plan (the fourth step: revisit goals on a set rhythm). */
export type PlanCadence = "monthly" | "quarterly" | "half-yearly" | "yearly";
export const PLAN_CADENCES: readonly PlanCadence[] = ["monthly", "quarterly", "half-yearly", "yearly"];
export const CADENCE_MONTHS: Record<PlanCadence, number> = { monthly: 1, quarterly: 3, "half-yearly": 6, yearly: 12 };
export const DEFAULT_PLAN_CADENCE: PlanCadence = "quarterly";

export type LearningKind = "formal-education" | "certification" | "mentorship" | "hands-on";
export const LEARNING_KINDS: readonly LearningKind[] = ["formal-education", "certification", "mentorship", "hands-on"];
export type LearningStatus = "planned" | "in-progress" | "done";
export const LEARNING_STATUSES: readonly LearningStatus[] = ["planned", "in-progress", "done"];

/** Step 1: where the owner wants to be. */
export interface PlanEnvision {
  targetLevelId: string | null;
  horizonMonths: number | null;
  scopeOfInfluence: string;
  preferredIndustries: string[];
  impact: string;
}

/** Step 2: an honest inventory, in the owner's own words. */
export interface PlanSelfAwareness {
  strengths: string[];
  weaknesses: string[];
  interests: string[];
  values: string[];
  motivations: string[];
}

/** Step 3: one way of closing a gap, tied to the competencies it builds. */
export interface LearningItem {
  id: string;
  kind: LearningKind;
  title: string;
  competencyIds: string[];
  status: LearningStatus;
}

/** Step 4: an action the owner commits to. */
export interface ProactiveStep {
  id: string;
  text: string;
  /** yyyy-mm-dd, or null when the step has no date yet. */
  due: string | null;
  isDone: boolean;
}

/** "Look beyond titles": a title seen at another company, with what it actually covers there. */
export interface BeyondTitle {
  company: string;
  title: string;
  responsibilities: string;
}

/** What the owner writes: the four steps plus the titles noted elsewhere. Versions are copies of this. */
export interface CareerPlanContent {
  envision: PlanEnvision;
  selfAwareness: PlanSelfAwareness;
  learning: LearningItem[];
  steps: ProactiveStep[];
  beyondTitles: BeyondTitle[];
}

export interface CareerPlan {
  personId: string;
  content: CareerPlanContent;
  cadence: PlanCadence;
  lastReviewedAt: Date | null;
  isSharedWithManager: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The dated copy kept each time the owner reviews their plan. */
export interface CareerPlanReview {
  id: string;
  personId: string;
  reviewedAt: Date;
  content: CareerPlanContent;
  note: string;
}

/** Input for a full replace: item ids are optional, and a missing or unknown id makes the item new. */
export interface CareerPlanInput {
  envision: PlanEnvision;
  selfAwareness: PlanSelfAwareness;
  learning: (Omit<LearningItem, "id"> & { id?: string | undefined })[];
  steps: (Omit<ProactiveStep, "id"> & { id?: string | undefined })[];
  beyondTitles: BeyondTitle[];
}

/** Something worth telling the owner that does not stop the save. */
export interface SaveWarning {
  path: string;
  message: string;
}

export const SELF_AWARENESS_FIELDS: readonly (keyof PlanSelfAwareness)[] = [
  "strengths",
  "weaknesses",
  "interests",
  "values",
  "motivations",
];

export function emptyPlanContent(): CareerPlanContent {
  return {
    envision: { targetLevelId: null, horizonMonths: null, scopeOfInfluence: "", preferredIndustries: [], impact: "" },
    selfAwareness: { strengths: [], weaknesses: [], interests: [], values: [], motivations: [] },
    learning: [],
    steps: [],
    beyondTitles: [],
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The UTC calendar day of a moment, yyyy-mm-dd: due dates are compared against it. */
export function dayOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

type LadderRefs = Pick<Framework, "levels" | "competencies">;

/**
 * What the ladder must know about in a plan: its target level and the competencies its learning
 * items build. Each problem names the request path it comes from (`body.learning[2].competencyIds[0]`).
 */
export function validatePlanContent(content: CareerPlanInput | CareerPlanContent, ladder: LadderRefs): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const levels = new Set(ladder.levels.map((level) => level.id));
  const competencies = new Set(ladder.competencies.map((competency) => competency.id));
  const { targetLevelId, horizonMonths } = content.envision;
  if (targetLevelId !== null && !levels.has(targetLevelId)) {
    details.push({
      path: "body.envision.targetLevelId",
      message: `"${targetLevelId}" is not a level of the ladder; levels: ${[...levels].join(", ")}`,
    });
  }
  if (horizonMonths !== null && (!Number.isInteger(horizonMonths) || horizonMonths < 1)) {
    details.push({ path: "body.envision.horizonMonths", message: "must be a whole number of months, at least 1" });
  }
  content.learning.forEach((item, index) => {
    item.competencyIds.forEach((id, position) => {
      if (!competencies.has(id)) {
        details.push({
          path: `body.learning[${index}].competencyIds[${position}]`,
          message: `"${id}" is not a competency of the ladder`,
        });
      }
    });
  });
  content.steps.forEach((step, index) => {
    if (step.due !== null && !isCalendarDate(step.due)) {
      details.push({ path: `body.steps[${index}].due`, message: "must be a calendar date, yyyy-mm-dd" });
    }
  });
  details.push(...duplicateIds(content.learning, "body.learning"), ...duplicateIds(content.steps, "body.steps"));
  return details;
}

function duplicateIds(items: readonly { id?: string | undefined }[], path: string): ErrorDetail[] {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  items.forEach((item, index) => {
    if (item.id === undefined) return;
    if (seen.has(item.id)) details.push({ path: `${path}[${index}].id`, message: `"${item.id}" appears twice` });
    seen.add(item.id);
  });
  return details;
}

/**
 * Turns a full-replace input into stored content: new items get ids, and repeated list entries
 * are dropped. A due date in the past warns rather than fails, and only where the date is new
 * (a new step, or a changed date): an old step that has since become overdue is simply overdue.
 */
export function preparePlanContent(
  input: CareerPlanInput,
  previous: CareerPlanContent | null,
  options: { today: string; newId: () => string },
): { content: CareerPlanContent; warnings: SaveWarning[] } {
  const previousSteps = new Map((previous?.steps ?? []).map((step) => [step.id, step]));
  const warnings: SaveWarning[] = [];
  const steps = input.steps.map((step, index) => {
    const before = step.id === undefined ? undefined : previousSteps.get(step.id);
    const isNewDate = before === undefined || before.due !== step.due;
    if (step.due !== null && isNewDate && step.due < options.today) {
      warnings.push({
        path: `body.steps[${index}].due`,
        message: `${step.due} is already past (today is ${options.today}); saved anyway`,
      });
    }
    return { id: step.id ?? options.newId(), text: step.text, due: step.due, isDone: step.isDone };
  });
  const content: CareerPlanContent = {
    envision: { ...input.envision, preferredIndustries: unique(input.envision.preferredIndustries) },
    selfAwareness: {
      strengths: unique(input.selfAwareness.strengths),
      weaknesses: unique(input.selfAwareness.weaknesses),
      interests: unique(input.selfAwareness.interests),
      values: unique(input.selfAwareness.values),
      motivations: unique(input.selfAwareness.motivations),
    },
    learning: input.learning.map((item) => ({
      id: item.id ?? options.newId(),
      kind: item.kind,
      title: item.title,
      competencyIds: unique(item.competencyIds),
      status: item.status,
    })),
    steps,
    beyondTitles: input.beyondTitles.map((entry) => ({ ...entry })),
  };
  return { content, warnings };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Adds calendar months in UTC, keeping the day of the month where it exists (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(moment: Date, months: number): Date {
  const year = moment.getUTCFullYear();
  const month = moment.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(moment.getTime());
  result.setUTCFullYear(year, month, Math.min(moment.getUTCDate(), lastDay));
  return result;
}

/** When the plan is next due for review: one cadence after the last review, or after it was first written. */
export function nextReviewAt(plan: Pick<CareerPlan, "cadence" | "lastReviewedAt" | "createdAt">): Date {
  return addMonths(plan.lastReviewedAt ?? plan.createdAt, CADENCE_MONTHS[plan.cadence]);
}

export function isDueForReview(plan: Pick<CareerPlan, "cadence" | "lastReviewedAt" | "createdAt">, now: Date): boolean {
  return nextReviewAt(plan).getTime() <= now.getTime();
}

/** One difference between two versions of a plan. `path` names the field; list items are named by id. */
export interface PlanChange {
  path: string;
  kind: "added" | "removed" | "changed";
  before: unknown;
  after: unknown;
}

/** The differences from version `a` to version `b`, section by section, in a stable order. */
export function diffPlans(a: CareerPlanContent, b: CareerPlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const field of ["targetLevelId", "horizonMonths", "scopeOfInfluence", "impact"] as const) {
    if (a.envision[field] !== b.envision[field]) {
      changes.push({
        path: `envision.${field}`,
        kind: "changed",
        before: a.envision[field],
        after: b.envision[field],
      });
    }
  }
  changes.push(
    ...diffValues("envision.preferredIndustries", a.envision.preferredIndustries, b.envision.preferredIndustries),
  );
  for (const field of SELF_AWARENESS_FIELDS) {
    changes.push(...diffValues(`selfAwareness.${field}`, a.selfAwareness[field], b.selfAwareness[field]));
  }
  changes.push(...diffItems("learning", a.learning, b.learning, byId, ["kind", "title", "competencyIds", "status"]));
  changes.push(...diffItems("steps", a.steps, b.steps, byId, ["text", "due", "isDone"]));
  changes.push(
    ...diffItems("beyondTitles", a.beyondTitles, b.beyondTitles, (entry) => `${entry.title} at ${entry.company}`, [
      "responsibilities",
    ]),
  );
  return changes;
}

const byId = (item: { id: string }) => item.id;

function diffValues(path: string, before: readonly string[], after: readonly string[]): PlanChange[] {
  const removed = before.filter((value) => !after.includes(value));
  const added = after.filter((value) => !before.includes(value));
  return [
    ...removed.map((value): PlanChange => ({ path, kind: "removed", before: value, after: null })),
    ...added.map((value): PlanChange => ({ path, kind: "added", before: null, after: value })),
  ];
}

/** Items are matched by key; a matched item reports each field that differs. */
function diffItems<T extends object>(
  section: string,
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  fields: readonly (keyof T & string)[],
): PlanChange[] {
  const changes: PlanChange[] = [];
  const afterByKey = new Map(after.map((item) => [key(item), item]));
  const beforeKeys = new Set(before.map(key));
  for (const item of before) {
    const next = afterByKey.get(key(item));
    if (next === undefined) {
      changes.push({ path: `${section}[${key(item)}]`, kind: "removed", before: item, after: null });
      continue;
    }
    for (const field of fields) {
      if (JSON.stringify(item[field]) !== JSON.stringify(next[field])) {
        changes.push({
          path: `${section}[${key(item)}].${field}`,
          kind: "changed",
          before: item[field],
          after: next[field],
        });
      }
    }
  }
  for (const item of after) {
    if (!beforeKeys.has(key(item))) {
      changes.push({ path: `${section}[${key(item)}]`, kind: "added", before: null, after: item });
    }
  }
  return changes;
}

/** A competency readiness suggests noting as a strength or a weakness; the owner accepts or ignores it. */
export interface SelfAwarenessSuggestion {
  competencyId: string;
  name: string;
  observed: number;
  expected: number;
  /** observed − expected: above zero for a strength, below for a weakness. */
  margin: number;
}

export interface SelfAwarenessSuggestions {
  /** The level the margins were measured against. */
  targetLevelId: string;
  strengths: SelfAwarenessSuggestion[];
  weaknesses: SelfAwarenessSuggestion[];
}

export const SUGGESTION_COUNT = 3;

/**
 * Suggestions from readiness: the competencies furthest above their expectation (strengths) and
 * furthest below it (weaknesses). Competencies nobody has rated yet suggest nothing.
 */
export function suggestSelfAwareness(
  readiness: { targetLevelId: string; competencies: readonly CompetencyReadiness[] },
  ladder: Pick<Framework, "competencies">,
  count = SUGGESTION_COUNT,
): SelfAwarenessSuggestions {
  const names = new Map(ladder.competencies.map((competency) => [competency.id, competency.name]));
  const rated = readiness.competencies.flatMap((entry): SelfAwarenessSuggestion[] =>
    entry.observed === null
      ? []
      : [
          {
            competencyId: entry.competencyId,
            name: names.get(entry.competencyId) ?? entry.competencyId,
            observed: entry.observed,
            expected: entry.expected,
            margin: round(entry.observed - entry.expected),
          },
        ],
  );
  const byMargin = (a: SelfAwarenessSuggestion, b: SelfAwarenessSuggestion) =>
    b.margin - a.margin || a.competencyId.localeCompare(b.competencyId);
  const strengths = rated.filter((s) => s.margin > 0).sort(byMargin);
  const weaknesses = rated
    .filter((s) => s.margin < 0)
    .sort((a, b) => a.margin - b.margin || a.competencyId.localeCompare(b.competencyId));
  return {
    targetLevelId: readiness.targetLevelId,
    strengths: strengths.slice(0, count),
    weaknesses: weaknesses.slice(0, count),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A title noted at another company, placed on this organisation's ladder. */
export interface BeyondTitleMapping extends BeyondTitle {
  resolution: TitleResolution;
  levelName: string | null;
}

/** "Look beyond titles": where each title the owner noted elsewhere sits on the ladder, and why. */
export function mapBeyondTitles(
  entries: readonly BeyondTitle[],
  ladder: Pick<Framework, "levels">,
  overrides: readonly TitleOverride[] = [],
): BeyondTitleMapping[] {
  const applicable = overrides.filter((override) => ladder.levels.some((level) => level.id === override.levelId));
  return entries.map((entry) => {
    const resolution = resolveTitle(entry.title, ladder, applicable);
    const level = ladder.levels.find((candidate) => candidate.id === resolution.levelId);
    return { ...entry, resolution, levelName: level?.name ?? null };
  });
}
