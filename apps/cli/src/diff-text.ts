import type { ExpectationEntry, FieldChange, FrameworkDiff, FrameworkDiffSummary, ListDiff } from "@ascent/core";
import { plural, truncate, type Style } from "./terminal.ts";

const TEXT_WIDTH = 80;
/** Changes whose two sides fit in this many characters stay on one line. */
const ONE_LINE_WIDTH = 100;

/** A value as it reads in a diff: text quoted, lists and objects as compact JSON, all cut to ~80 characters. */
export function showValue(value: unknown, width = TEXT_WIDTH): string {
  if (value === null || value === undefined) return "(none)";
  if (typeof value === "string") return JSON.stringify(truncate(value, width));
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return truncate(JSON.stringify(value), width);
}

/**
 * Two long texts cut to the same window around where they first differ, so that a change deep in a
 * descriptor is visible rather than hidden behind two identical beginnings.
 */
export function excerptPair(before: string, after: string, width = TEXT_WIDTH): [string, string] {
  const a = before.replace(/\s+/g, " ").trim();
  const b = after.replace(/\s+/g, " ").trim();
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  let start = common > width / 2 ? common - Math.floor(width / 2.5) : 0;
  if (start > 0) {
    const space = a.indexOf(" ", start);
    if (space !== -1 && space < common) start = space + 1;
  }
  const cut = (text: string) =>
    JSON.stringify(
      `${start > 0 ? "…" : ""}${text.slice(start, start + width)}${start + width < text.length ? "…" : ""}`,
    );
  return [cut(a), cut(b)];
}

function describeChange(change: FieldChange, indent: string, style: Style): string[] {
  const [before, after] =
    typeof change.before === "string" && typeof change.after === "string"
      ? excerptPair(change.before, change.after)
      : [showValue(change.before), showValue(change.after)];
  const oneLine = `${indent}${change.field}: ${style.red(before)} → ${style.green(after)}`;
  if (change.field.length + before.length + after.length <= ONE_LINE_WIDTH) return [oneLine];
  const arrowIndent = `${indent}${" ".repeat(change.field.length)}`;
  return [`${indent}${change.field}: ${style.red(before)}`, `${arrowIndent}→ ${style.green(after)}`];
}

interface Section<Item, Key> {
  title: string;
  list: ListDiff<Item, Key>;
  /** How an added or removed entry reads, e.g. `senior-pm "Senior PM" (rank 2, ic)`. */
  describe(item: Item): string;
  /** How a changed entry is named, e.g. `pm × discovery`. */
  name(key: Key): string;
  /** Entries left out because a line elsewhere already covers them. */
  isCovered?(item: Item): boolean;
}

function renderSection<Item, Key>(section: Section<Item, Key>, style: Style): string[] {
  const isShown = (item: Item) => !section.isCovered?.(item);
  const added = section.list.added.filter(isShown);
  const removed = section.list.removed.filter(isShown);
  if (added.length + removed.length + section.list.changed.length === 0) return [];
  const lines = ["", style.bold(section.title)];
  for (const item of removed) lines.push(style.red(`  - ${section.describe(item)}`));
  for (const item of added) lines.push(style.green(`  + ${section.describe(item)}`));
  for (const entry of section.list.changed) {
    lines.push(style.yellow(`  ~ ${section.name(entry)}`));
    for (const change of entry.changes) lines.push(...describeChange(change, "      ", style));
  }
  return lines;
}

function renderFields(title: string, changes: readonly FieldChange[], style: Style): string[] {
  if (changes.length === 0) return [];
  return ["", style.bold(title), ...changes.flatMap((change) => describeChange(change, "  ", style))];
}

function withCount(text: string, count: number, noun: string): string {
  return count === 0 ? text : `${text}, with its ${plural(count, noun)}`;
}

/** The diff as sections of removed (-), added (+) and changed (~) entries, changed fields as `field: before → after`. */
export function renderDiff(diff: FrameworkDiff, style: Style): string[] {
  const removedLevels = new Set(diff.levels.removed.map((level) => level.id));
  const addedLevels = new Set(diff.levels.added.map((level) => level.id));
  const removedCompetencies = new Set(diff.competencies.removed.map((competency) => competency.id));
  const addedCompetencies = new Set(diff.competencies.added.map((competency) => competency.id));
  const removedPlaybooks = new Set(diff.playbooks.removed.map((playbook) => playbook.id));
  const addedPlaybooks = new Set(diff.playbooks.added.map((playbook) => playbook.id));
  // A removed level or competency takes its expectations with it; they are counted on its line, not listed.
  const isCoveredExpectation = (entry: ExpectationEntry) =>
    removedLevels.has(entry.levelId) ||
    addedLevels.has(entry.levelId) ||
    removedCompetencies.has(entry.competencyId) ||
    addedCompetencies.has(entry.competencyId);
  const expectationsOf = (list: readonly { levelId: string; competencyId: string }[], id: string) =>
    list.filter((entry) => entry.levelId === id || entry.competencyId === id).length;
  const aspectsOf = (list: readonly { playbookId: string }[], id: string) =>
    list.filter((entry) => entry.playbookId === id).length;
  const removedOrAddedExpectations = (id: string) =>
    expectationsOf(diff.expectations.removed, id) + expectationsOf(diff.expectations.added, id);

  return [
    ...renderFields("Framework", diff.framework, style),
    ...renderFields("Scale", diff.scale, style),
    ...renderSection(
      {
        title: "Scale points",
        list: diff.scalePoints,
        describe: (point) => `${point.value} "${point.label}"`,
        name: (key) => String(key.value),
      },
      style,
    ),
    ...renderSection(
      {
        title: "Sources",
        list: diff.sources,
        describe: (source) => `${source.id} "${truncate(source.title, 60)}"`,
        name: (key) => key.id,
      },
      style,
    ),
    ...renderSection(
      {
        title: "Levels",
        list: diff.levels,
        describe: (level) =>
          withCount(
            `${level.id} "${level.name}" (rank ${level.rank}, ${level.track})`,
            removedOrAddedExpectations(level.id),
            "expectation",
          ),
        name: (key) => key.id,
      },
      style,
    ),
    ...renderSection(
      {
        title: "Competencies",
        list: diff.competencies,
        describe: (competency) =>
          withCount(
            `${competency.id} "${competency.name}" (${competency.area})`,
            removedOrAddedExpectations(competency.id),
            "expectation",
          ),
        name: (key) => key.id,
      },
      style,
    ),
    ...renderSection(
      {
        title: "Expectations",
        list: diff.expectations,
        describe: ({ levelId, competencyId, expectation }) =>
          `${levelId} × ${competencyId}: expected ${expectation.expected}, weight ${expectation.weight}, ${showValue(expectation.descriptor, 60)}`,
        name: (key) => `${key.levelId} × ${key.competencyId}`,
        isCovered: isCoveredExpectation,
      },
      style,
    ),
    ...renderSection(
      {
        title: "Playbooks",
        list: diff.playbooks,
        describe: (playbook) =>
          withCount(
            `${playbook.id} "${playbook.name}" (${playbook.lowerLevelId} ↔ ${playbook.upperLevelId})`,
            aspectsOf(diff.playbookAspects.removed, playbook.id) + aspectsOf(diff.playbookAspects.added, playbook.id),
            "aspect",
          ),
        name: (key) => key.id,
      },
      style,
    ),
    ...renderSection(
      {
        title: "Playbook aspects",
        list: diff.playbookAspects,
        describe: ({ playbookId, aspect }) => `${playbookId} / ${aspect.id} "${aspect.name}"`,
        name: (key) => `${key.playbookId} / ${key.aspectId}`,
        isCovered: (entry) => removedPlaybooks.has(entry.playbookId) || addedPlaybooks.has(entry.playbookId),
      },
      style,
    ),
    ...renderFields("Guidance", diff.guidance, style),
  ];
}

const SUMMARY_NOUNS: [keyof Omit<FrameworkDiffSummary, "fieldChanges" | "total">, string][] = [
  ["scalePoints", "scale point"],
  ["sources", "source"],
  ["levels", "level"],
  ["competencies", "competency"],
  ["expectations", "expectation"],
  ["playbooks", "playbook"],
  ["playbookAspects", "playbook aspect"],
];

/** "1 competency removed, 7 expectations removed, 1 expectation changed", or "no differences". */
export function describeSummary(summary: FrameworkDiffSummary): string {
  const parts: string[] = [];
  if (summary.fieldChanges > 0) parts.push(`${plural(summary.fieldChanges, "field")} changed`);
  for (const [key, noun] of SUMMARY_NOUNS) {
    const counts = summary[key];
    for (const verb of ["added", "removed", "changed"] as const) {
      if (counts[verb] > 0) parts.push(`${plural(counts[verb], noun)} ${verb}`);
    }
  }
  return parts.length === 0 ? "no differences" : parts.join(", ");
}
