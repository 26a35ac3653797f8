import type { FrameworkDiff, ListDiff } from "./diff-frameworks.ts";

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface FrameworkDiffSummary {
  /** Changed framework, scale and guidance fields. */
  fieldChanges: number;
  scalePoints: DiffCounts;
  sources: DiffCounts;
  levels: DiffCounts;
  competencies: DiffCounts;
  expectations: DiffCounts;
  playbooks: DiffCounts;
  playbookAspects: DiffCounts;
  /** Every field change plus every added, removed and changed entry. */
  total: number;
}

export function summarizeDiff(diff: FrameworkDiff): FrameworkDiffSummary {
  const lists = {
    scalePoints: countList(diff.scalePoints),
    sources: countList(diff.sources),
    levels: countList(diff.levels),
    competencies: countList(diff.competencies),
    expectations: countList(diff.expectations),
    playbooks: countList(diff.playbooks),
    playbookAspects: countList(diff.playbookAspects),
  };
  const fieldChanges = diff.framework.length + diff.scale.length + diff.guidance.length;
  const listTotal = Object.values(lists).reduce(
    (sum, counts) => sum + counts.added + counts.removed + counts.changed,
    0,
  );
  return { fieldChanges, ...lists, total: fieldChanges + listTotal };
}

export function isDiffEmpty(diff: FrameworkDiff): boolean {
  return summarizeDiff(diff).total === 0;
}

function countList(list: ListDiff<unknown, unknown>): DiffCounts {
  return { added: list.added.length, removed: list.removed.length, changed: list.changed.length };
}
