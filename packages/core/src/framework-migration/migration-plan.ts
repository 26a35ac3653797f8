import type { ErrorDetail } from "../errors/app-error.ts";
import type { Framework } from "../framework/framework.ts";
import { mapCompetencyId, mapLevelId, type FrameworkMigrationMap } from "../framework/migration-map.ts";
import type { CareerPlanContent } from "../growth/career-plan.ts";
import type { GoalReference, EvidenceReference, PlanReference } from "./ports.ts";

/**
 * What happens to the open goals of a removed competency: they follow another competency of the new version,
 * are closed (dropped), or keep the old id as a legacy goal that no longer counts toward readiness.
 */
export type GoalChoice =
  | { competencyId: string; action: "move"; to: string }
  | { competencyId: string; action: "close" }
  | { competencyId: string; action: "keep" };

/** One competency of the old version that the map renames, merges or removes, and what refers to it. */
export interface CompetencyMove {
  from: string;
  fromName: string;
  kind: "rename" | "merge" | "remove";
  /** Where its data goes; null when it has no home in the new version. */
  to: string | null;
  toName: string | null;
  /** Submitted ratings on it (they follow the assessment migration: renamed, averaged into a merge, or dropped). */
  ratings: number;
  openGoals: number;
  /** Achieved or dropped goals: history, kept under the old id when the competency is removed. */
  closedGoals: number;
  /** Evidence entries tagged with it. */
  evidence: number;
  /** Career-plan learning items tagged with it. */
  planItems: number;
  /** For a removed competency with open goals: the admin's choice, or null while none was made. */
  goalChoice: GoalChoice | null;
}

/**
 * A removed competency whose open goals still need a choice; publishing is refused until each has one. Only
 * counts: goals are their owners' own (DESIGN §5), so an admin never sees their titles here.
 */
export interface UnresolvedCompetency {
  competencyId: string;
  name: string;
  openGoals: number;
  /** How many people those goals belong to. */
  people: number;
}

export interface FrameworkMigrationReport {
  framework: string;
  fromVersion: number;
  toVersion: number;
  /** False when the framework is not the ladder in use: goals, evidence and plans refer to that one only. */
  carriesData: boolean;
  moves: CompetencyMove[];
  unresolved: UnresolvedCompetency[];
  /** Career plans whose target level moves, and those whose target level was removed without a fallback. */
  planTargets: { moved: number; unplaced: number };
  totals: {
    ratings: { moved: number; dropped: number };
    goals: { moved: number; closed: number; legacy: number };
    evidenceTags: { moved: number; dropped: number };
    planItems: { moved: number; dropped: number };
  };
}

/** The rows a migration rewrites; built from the same reads as the report, so the two never disagree. */
export interface MigrationWrites {
  goalMoves: { id: string; personId: string; competencyId: string }[];
  goalsClosed: { id: string; personId: string }[];
  evidenceTags: { id: string; personId: string; competencyIds: string[] }[];
  plans: { personId: string; content: CareerPlanContent }[];
}

export interface MigrationReferences {
  goals: GoalReference[];
  evidence: EvidenceReference[];
  plans: PlanReference[];
  /** Submitted ratings per old competency id. */
  ratingCounts: Map<string, number>;
}

interface PlanInput {
  framework: string;
  fromVersion: number;
  toVersion: number;
  carriesData: boolean;
  before: Framework;
  after: Framework;
  map: FrameworkMigrationMap;
  choices: readonly GoalChoice[];
  references: MigrationReferences;
}

/** Checks the choices against the two versions; each problem names the choice it comes from. */
export function validateGoalChoices(
  choices: readonly GoalChoice[],
  map: FrameworkMigrationMap,
  after: Framework,
): ErrorDetail[] {
  const removed = new Set(map.competencies.flatMap((entry) => (entry.kind === "remove" ? [entry.id] : [])));
  const known = new Set(after.competencies.map((c) => c.id));
  const seen = new Set<string>();
  const problems: ErrorDetail[] = [];
  choices.forEach((choice, index) => {
    const path = `choices[${index}]`;
    if (!removed.has(choice.competencyId)) {
      problems.push({
        path: `${path}.competencyId`,
        message: `"${choice.competencyId}" is not a competency the map removes`,
      });
    } else if (seen.has(choice.competencyId)) {
      problems.push({ path: `${path}.competencyId`, message: `"${choice.competencyId}" already has a choice` });
    }
    seen.add(choice.competencyId);
    if (choice.action === "move" && !known.has(choice.to)) {
      problems.push({ path: `${path}.to`, message: `"${choice.to}" is not a competency of the new version` });
    }
  });
  return problems;
}

/** Where each competency id goes, honouring the goal choices for open goals of removed competencies. */
function goalTarget(goal: GoalReference, map: FrameworkMigrationMap, choice: GoalChoice | undefined) {
  const mapped = mapCompetencyId(goal.competencyId, map);
  if (mapped !== undefined) return { kind: "move" as const, to: mapped };
  if (goal.status !== "active") return { kind: "legacy" as const };
  if (choice === undefined) return { kind: "unresolved" as const };
  if (choice.action === "move") return { kind: "move" as const, to: choice.to };
  return choice.action === "close" ? { kind: "close" as const } : { kind: "legacy" as const };
}

function remapTags(ids: readonly string[], map: FrameworkMigrationMap): { next: string[]; dropped: number } {
  const next: string[] = [];
  let dropped = 0;
  for (const id of ids) {
    const to = mapCompetencyId(id, map);
    if (to === undefined) dropped += 1;
    else if (!next.includes(to)) next.push(to);
  }
  return { next, dropped };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The dry run and the writes of one framework migration, from the map and what refers to the old competencies.
 * Pure: the same inputs give the same report, before publishing and while applying it.
 */
export function planFrameworkMigration(input: PlanInput): {
  report: FrameworkMigrationReport;
  writes: MigrationWrites;
} {
  const { map, before, after, references } = input;
  const choiceOf = new Map(input.choices.map((choice) => [choice.competencyId, choice]));
  const nameBefore = new Map(before.competencies.map((c) => [c.id, c.name]));
  const nameAfter = new Map(after.competencies.map((c) => [c.id, c.name]));
  const moved = map.competencies.flatMap(
    (entry): { from: string; kind: CompetencyMove["kind"]; to: string | null }[] =>
      entry.kind === "remove"
        ? [{ from: entry.id, kind: entry.kind, to: null }]
        : entry.kind === "rename"
          ? [{ from: entry.from, kind: entry.kind, to: entry.to }]
          : entry.from.map((from) => ({ from, kind: entry.kind, to: entry.to })),
  );
  const countOf = <T>(items: readonly T[], matches: (item: T) => boolean) => items.filter(matches).length;
  const goals = input.carriesData ? references.goals : [];
  const evidence = input.carriesData ? references.evidence : [];
  const plans = input.carriesData ? references.plans : [];

  const moves: CompetencyMove[] = moved.map(({ from, kind, to }) => ({
    from,
    fromName: nameBefore.get(from) ?? from,
    kind,
    to,
    toName: to === null ? null : (nameAfter.get(to) ?? to),
    ratings: references.ratingCounts.get(from) ?? 0,
    openGoals: countOf(goals, (g) => g.competencyId === from && g.status === "active"),
    closedGoals: countOf(goals, (g) => g.competencyId === from && g.status !== "active"),
    evidence: countOf(evidence, (e) => e.competencyIds.includes(from)),
    planItems: plans.reduce(
      (sum, plan) => sum + countOf(plan.content.learning, (item) => item.competencyIds.includes(from)),
      0,
    ),
    goalChoice: kind === "remove" ? (choiceOf.get(from) ?? null) : null,
  }));

  const writes: MigrationWrites = { goalMoves: [], goalsClosed: [], evidenceTags: [], plans: [] };
  const unresolved = new Map<string, Omit<UnresolvedCompetency, "people"> & { owners: Set<string> }>();
  const goalTotals = { moved: 0, closed: 0, legacy: 0 };
  for (const goal of goals) {
    if (!moved.some((m) => m.from === goal.competencyId)) continue;
    const target = goalTarget(goal, map, choiceOf.get(goal.competencyId));
    if (target.kind === "move") {
      writes.goalMoves.push({ id: goal.id, personId: goal.personId, competencyId: target.to });
      goalTotals.moved += 1;
    } else if (target.kind === "close") {
      writes.goalsClosed.push({ id: goal.id, personId: goal.personId });
      goalTotals.closed += 1;
    } else if (target.kind === "legacy") {
      goalTotals.legacy += 1;
    } else {
      const entry = unresolved.get(goal.competencyId) ?? {
        competencyId: goal.competencyId,
        name: nameBefore.get(goal.competencyId) ?? goal.competencyId,
        owners: new Set<string>(),
        openGoals: 0,
      };
      entry.openGoals += 1;
      entry.owners.add(goal.personId);
      unresolved.set(goal.competencyId, entry);
    }
  }

  const evidenceTotals = { moved: 0, dropped: 0 };
  for (const entry of evidence) {
    const { next, dropped } = remapTags(entry.competencyIds, map);
    if (sameList(next, entry.competencyIds)) continue;
    evidenceTotals.dropped += dropped;
    evidenceTotals.moved += entry.competencyIds.filter((id) => {
      const to = mapCompetencyId(id, map);
      return to !== undefined && to !== id;
    }).length;
    writes.evidenceTags.push({ id: entry.id, personId: entry.personId, competencyIds: next });
  }

  const planTotals = { moved: 0, dropped: 0 };
  const planTargets = { moved: 0, unplaced: 0 };
  for (const plan of plans) {
    let isChanged = false;
    const learning = plan.content.learning.map((item) => {
      const { next, dropped } = remapTags(item.competencyIds, map);
      if (sameList(next, item.competencyIds)) return item;
      isChanged = true;
      planTotals.dropped += dropped;
      if (dropped < item.competencyIds.length) planTotals.moved += 1;
      return { ...item, competencyIds: next };
    });
    const targetLevelId = plan.content.envision.targetLevelId;
    let nextTarget = targetLevelId;
    if (targetLevelId !== null) {
      nextTarget = mapLevelId(targetLevelId, map) ?? null;
      if (nextTarget !== targetLevelId) {
        isChanged = true;
        if (nextTarget === null) planTargets.unplaced += 1;
        else planTargets.moved += 1;
      }
    }
    if (isChanged) {
      writes.plans.push({
        personId: plan.personId,
        content: { ...plan.content, learning, envision: { ...plan.content.envision, targetLevelId: nextTarget } },
      });
    }
  }

  const ratingsMoved = moves.filter((m) => m.to !== null).reduce((sum, m) => sum + m.ratings, 0);
  const ratingsDropped = moves.filter((m) => m.to === null).reduce((sum, m) => sum + m.ratings, 0);
  return {
    report: {
      framework: input.framework,
      fromVersion: input.fromVersion,
      toVersion: input.toVersion,
      carriesData: input.carriesData,
      moves,
      unresolved: [...unresolved.values()].map(({ owners, ...entry }) => ({ ...entry, people: owners.size })),
      planTargets,
      totals: {
        ratings: { moved: ratingsMoved, dropped: ratingsDropped },
        goals: goalTotals,
        evidenceTags: evidenceTotals,
        planItems: planTotals,
      },
    },
    writes,
  };
}
