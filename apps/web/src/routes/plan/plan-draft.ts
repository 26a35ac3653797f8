import type { TCareerPlan, TSavePlanBody } from "@ascent/contract";

export type Cadence = TCareerPlan["cadence"];
export type LearningKind = TCareerPlan["plan"]["learning"][number]["kind"];
export type LearningStatus = TCareerPlan["plan"]["learning"][number]["status"];

export const SELF_AWARENESS_FIELDS = [
  { key: "strengths", label: "Strengths", hint: "What you do well, in your own words or from your readiness." },
  { key: "weaknesses", label: "Weaknesses", hint: "Where you fall short of where you want to be." },
  { key: "interests", label: "Interests", hint: "The problems and areas that pull you in." },
  { key: "values", label: "Values", hint: "What matters to you in how work gets done." },
  { key: "motivations", label: "Motivations", hint: "Why you want to grow: what keeps you going." },
] as const;

export type SelfAwarenessKey = (typeof SELF_AWARENESS_FIELDS)[number]["key"];

export const CADENCES: { value: Cadence; label: string }[] = [
  { value: "monthly", label: "Monthly" },
  { value: "quarterly", label: "Quarterly" },
  { value: "half-yearly", label: "Every six months" },
  { value: "yearly", label: "Yearly" },
];

export const LEARNING_KINDS: { value: LearningKind; label: string }[] = [
  { value: "formal-education", label: "Formal education" },
  { value: "certification", label: "Certification" },
  { value: "mentorship", label: "Mentorship" },
  { value: "hands-on", label: "Hands-on experience" },
];

export const LEARNING_STATUSES: { value: LearningStatus; label: string }[] = [
  { value: "planned", label: "Planned" },
  { value: "in-progress", label: "In progress" },
  { value: "done", label: "Done" },
];

/** Rows of the editor carry a key for React; saved items keep their server id so edits update them. */
export interface LearningRow {
  key: string;
  id: string | undefined;
  kind: LearningKind;
  title: string;
  competencyIds: string[];
  status: LearningStatus;
}

export interface StepRow {
  key: string;
  id: string | undefined;
  text: string;
  /** yyyy-mm-dd, or "" for no due date. */
  due: string;
  isDone: boolean;
}

export interface BeyondTitleRow {
  key: string;
  company: string;
  title: string;
  responsibilities: string;
}

export interface PlanDraft {
  targetLevelId: string;
  /** As typed, so a half-typed number is not lost; converted on save. */
  horizonMonths: string;
  scopeOfInfluence: string;
  preferredIndustries: string[];
  impact: string;
  selfAwareness: Record<SelfAwarenessKey, string[]>;
  learning: LearningRow[];
  steps: StepRow[];
  beyondTitles: BeyondTitleRow[];
  cadence: Cadence;
}

let nextKey = 0;
export function newRowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function draftFromPlan(plan: TCareerPlan): PlanDraft {
  const { envision, selfAwareness, learning, steps, beyondTitles } = plan.plan;
  return {
    targetLevelId: envision.targetLevelId ?? "",
    horizonMonths: envision.horizonMonths === null ? "" : String(envision.horizonMonths),
    scopeOfInfluence: envision.scopeOfInfluence,
    preferredIndustries: [...envision.preferredIndustries],
    impact: envision.impact,
    selfAwareness: {
      strengths: [...selfAwareness.strengths],
      weaknesses: [...selfAwareness.weaknesses],
      interests: [...selfAwareness.interests],
      values: [...selfAwareness.values],
      motivations: [...selfAwareness.motivations],
    },
    learning: learning.map((item) => ({ ...item, key: item.id, competencyIds: [...item.competencyIds] })),
    steps: steps.map((step) => ({ ...step, key: step.id, due: step.due ?? "" })),
    beyondTitles: beyondTitles.map((row) => ({ ...row, key: newRowKey() })),
    cadence: plan.cadence,
  };
}

function parseHorizon(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : Number(trimmed);
}

/** The request body; the server checks every rule and names the field of each problem. */
export function bodyFromDraft(draft: PlanDraft): TSavePlanBody {
  return {
    envision: {
      targetLevelId: draft.targetLevelId || null,
      horizonMonths: parseHorizon(draft.horizonMonths),
      scopeOfInfluence: draft.scopeOfInfluence,
      preferredIndustries: draft.preferredIndustries,
      impact: draft.impact,
    },
    selfAwareness: draft.selfAwareness,
    learning: draft.learning.map(({ id, kind, title, competencyIds, status }) => ({
      ...(id ? { id } : {}),
      kind,
      title,
      competencyIds,
      status,
    })),
    steps: draft.steps.map(({ id, text, due, isDone }) => ({ ...(id ? { id } : {}), text, due: due || null, isDone })),
    beyondTitles: draft.beyondTitles.map(({ company, title, responsibilities }) => ({
      company,
      title,
      responsibilities,
    })),
    cadence: draft.cadence,
  };
}

export function isSameDraft(a: PlanDraft, b: PlanDraft): boolean {
  return JSON.stringify(bodyFromDraft(a)) === JSON.stringify(bodyFromDraft(b));
}

/**
 * The message for a field from the API's problems keyed by path (`envision.horizonMonths`,
 * `learning.0.competencyIds.1`): the field's own, else the first one inside it.
 */
export function messageAt(messages: Record<string, string>, path: string): string | undefined {
  if (messages[path]) return messages[path];
  const inside = Object.keys(messages).find((key) => key.startsWith(`${path}.`));
  return inside ? messages[inside] : undefined;
}

/** What every step of the editor is given. */
export interface SectionProps {
  plan: TCareerPlan;
  draft: PlanDraft;
  update: (change: (current: PlanDraft) => PlanDraft) => void;
  /** The API's problems from the last save, by normalised path. */
  errors: Record<string, string>;
}

/** The ladder's own words for a step of the plan, when the framework carries them. */
export function guideFor(plan: TCareerPlan, id: string): TCareerPlan["guide"][number] | undefined {
  return plan.guide.find((step) => step.id === id);
}
