import type { TPlanChange, TPlanContent } from "@ascent/contract";
import type { Ladder } from "../../api/ladder.ts";
import { LEARNING_KINDS, LEARNING_STATUSES, SELF_AWARENESS_FIELDS } from "./plan-draft.ts";

const ENVISION_LABELS: Record<string, string> = {
  targetLevelId: "Target level",
  horizonMonths: "Horizon",
  scopeOfInfluence: "Scope of influence",
  preferredIndustries: "Preferred industries",
  impact: "Impact",
};

const SECTION_LABELS: Record<string, string> = {
  learning: "Learning",
  steps: "Proactive steps",
  beyondTitles: "Titles elsewhere",
};

const ITEM_FIELD_LABELS: Record<string, string> = {
  kind: "kind",
  title: "title",
  competencyIds: "competencies",
  status: "status",
  text: "action",
  due: "due date",
  isDone: "done",
  responsibilities: "responsibilities",
};

function clip(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function quote(text: string): string {
  return `“${clip(text)}”`;
}

/** One difference between two versions of a plan, as a sentence. */
export function describePlanChange(change: TPlanChange, ladder: Ladder, content: TPlanContent): string {
  const levelName = (id: unknown) => ladder.levels.find((level) => level.id === id)?.name ?? String(id);
  const competencyName = (id: unknown) => ladder.competencies.find((c) => c.id === id)?.name ?? String(id);

  function format(field: string, value: unknown): string {
    if (value === null || value === undefined || value === "") return "nothing";
    if (field === "targetLevelId") return quote(levelName(value));
    if (field === "horizonMonths") return `${String(value)} months`;
    if (field === "kind") return LEARNING_KINDS.find((k) => k.value === value)?.label ?? String(value);
    if (field === "status") return LEARNING_STATUSES.find((s) => s.value === value)?.label ?? String(value);
    if (field === "isDone") return value === true ? "done" : "not done";
    if (field === "competencyIds" && Array.isArray(value))
      return value.length === 0 ? "none" : value.map(competencyName).join(", ");
    return typeof value === "string" ? quote(value) : quote(JSON.stringify(value));
  }

  const plain = /^(envision|selfAwareness)\.(\w+)$/.exec(change.path);
  if (plain) {
    const [, section, field = ""] = plain;
    const label =
      section === "envision"
        ? (ENVISION_LABELS[field] ?? field)
        : (SELF_AWARENESS_FIELDS.find((f) => f.key === field)?.label ?? field);
    if (change.kind === "added") return `${label}: added ${format(field, change.after)}`;
    if (change.kind === "removed") return `${label}: removed ${format(field, change.before)}`;
    return `${label} changed from ${format(field, change.before)} to ${format(field, change.after)}`;
  }

  const item = /^(learning|steps|beyondTitles)\[(.+)\](?:\.(\w+))?$/.exec(change.path);
  if (item) {
    const [, section = "", key = "", field] = item;
    const label = SECTION_LABELS[section] ?? section;
    const named = (value: unknown): string => {
      if (value && typeof value === "object") {
        const record = value as Record<string, unknown>;
        const text = record.title ?? record.text;
        if (typeof text === "string") return quote(section === "beyondTitles" ? key : text);
      }
      return quote(key);
    };
    if (!field) return `${label}: ${change.kind} ${named(change.kind === "added" ? change.after : change.before)}`;
    const current =
      section === "learning"
        ? content.learning.find((entry) => entry.id === key)?.title
        : section === "steps"
          ? content.steps.find((entry) => entry.id === key)?.text
          : key;
    const fieldLabel = ITEM_FIELD_LABELS[field] ?? field;
    return `${label} ${quote(current ?? key)}: ${fieldLabel} changed from ${format(field, change.before)} to ${format(field, change.after)}`;
  }
  return `${change.path} ${change.kind}`;
}
