import type { Framework, Playbook } from "../framework/framework.ts";
import type { OneOnOneActionItem, Agenda } from "./one-on-one.ts";

/** The playbook a 1:1 follows, and whether it is the pair's own or only the nearest one. */
export interface PlaybookChoice {
  playbook: Playbook;
  isNearestPair: boolean;
}

/**
 * The playbook of a lead (the manager) and a report. When the framework has a playbook for exactly
 * their two levels, that one. Otherwise the NEAREST pair by rank: the lead is matched with a
 * playbook's senior level and the report with its junior level, and the distance is
 * |rank(upper) − rank(lead)| + |rank(lower) − rank(report)|.
 *
 * Ties: the pair whose senior level is closer to the lead's wins (the lead runs the conversation
 * from that side), then the pair lower on the ladder, then the framework's order.
 * A PM managed directly by a VP thus gets Director ↔ VP (distance 2) rather than PM ↔ Director (3).
 *
 * Null when either level is unknown to the framework (an unmapped title) or it has no usable playbook.
 */
export function choosePlaybook(
  framework: Pick<Framework, "levels" | "playbooks">,
  leadLevelId: string | null,
  reportLevelId: string | null,
): PlaybookChoice | null {
  const rank = new Map(framework.levels.map((level) => [level.id, level.rank]));
  const leadRank = leadLevelId === null ? undefined : rank.get(leadLevelId);
  const reportRank = reportLevelId === null ? undefined : rank.get(reportLevelId);
  if (leadRank === undefined || reportRank === undefined) return null;

  const exact = framework.playbooks.find(
    (p) => p.upperLevelId === leadLevelId && p.lowerLevelId === reportLevelId && p.aspects.length > 0,
  );
  if (exact) return { playbook: exact, isNearestPair: false };

  let best: { playbook: Playbook; key: [number, number, number] } | null = null;
  for (const playbook of framework.playbooks) {
    const upper = rank.get(playbook.upperLevelId);
    const lower = rank.get(playbook.lowerLevelId);
    if (upper === undefined || lower === undefined || playbook.aspects.length === 0) continue;
    const leadDistance = Math.abs(upper - leadRank);
    const key: [number, number, number] = [leadDistance + Math.abs(lower - reportRank), leadDistance, lower];
    if (!best || isBefore(key, best.key)) best = { playbook, key };
  }
  return best ? { playbook: best.playbook, isNearestPair: true } : null;
}

function isBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * The agenda of a 1:1: the playbook's aspects in playbook order, each with its prompts and what
 * each side brings, then the previous 1:1's action items that are still open.
 */
export function buildAgenda(
  choice: PlaybookChoice | null,
  previousOpenActionItems: readonly OneOnOneActionItem[],
): Agenda {
  const carriedOver = previousOpenActionItems.filter((item) => !item.isDone).map((item) => ({ ...item }));
  if (!choice) return { playbook: null, aspects: [], carriedOver };
  const { playbook, isNearestPair } = choice;
  return {
    playbook: {
      id: playbook.id,
      name: playbook.name,
      lowerLevelId: playbook.lowerLevelId,
      upperLevelId: playbook.upperLevelId,
      isNearestPair,
    },
    aspects: playbook.aspects.map((aspect) => ({
      id: aspect.id,
      name: aspect.name,
      leadBrings: aspect.upperBrings,
      reportBrings: aspect.lowerBrings,
      prompts: [...aspect.prompts],
    })),
    carriedOver,
  };
}
