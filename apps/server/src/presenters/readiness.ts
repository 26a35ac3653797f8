import {
  MIN_ANONYMITY_THRESHOLD,
  type CommentSummary,
  type Framework,
  type GroupSummary,
  type OrgHeatmap,
  type OrgHeatmapCell,
  type OrgReadiness,
  type Person,
  type PersonReadiness,
  type ReadinessHistoryPoint,
  type ReadinessListEntry,
  type ReadinessSettings,
  type ReadinessSummary,
  type HiddenAggregate,
  type SideBySideRow,
  type TeamHeatmapRow,
  type TeamHeatmapView,
  type TeamPage,
} from "@ascent/core";
import type {
  TGroupSummary,
  TOrgHeatmap,
  TOrgReadiness,
  TPersonReadiness,
  TReadinessHistory,
  TReadinessSettings,
  TReleasedComments,
  TSideBySide,
  TTeamHeatmap,
  TTeamReadiness,
} from "@ascent/contract";

/**
 * Readiness leaves the server only through these. Peer and upward groups are copied as the rule
 * summarised them (a mean and a count, or hidden): no rater, no single answer, no time of an answer.
 * Released comments leave as bare texts in the rule's text order, nothing else about them.
 */

function levelRef(framework: Framework, levelId: string | null) {
  if (!levelId) return null;
  return { id: levelId, name: framework.levels.find((l) => l.id === levelId)?.name ?? levelId };
}

function targetLevelRef(framework: Framework, levelId: string) {
  const level = framework.levels.find((l) => l.id === levelId);
  return { id: levelId, name: level?.name ?? levelId, rank: level?.rank ?? 0 };
}

function competencyName(framework: Framework, competencyId: string): string {
  return framework.competencies.find((c) => c.id === competencyId)?.name ?? competencyId;
}

function presentComments(comments: CommentSummary | null): TReleasedComments {
  if (comments === null) return null;
  if ("hidden" in comments) return { hidden: true, reason: comments.reason };
  return { texts: [...comments.texts] };
}

function presentGroup(group: GroupSummary | null): TGroupSummary {
  if (group === null) return null;
  if ("hidden" in group) return { hidden: true, reason: group.reason };
  return { mean: group.mean, count: group.count };
}

export function presentPersonReadiness(readiness: PersonReadiness, framework: Framework): TPersonReadiness {
  return {
    personId: readiness.personId,
    framework: { slug: framework.slug, version: readiness.frameworkVersion },
    scale: { min: framework.scale.min, max: framework.scale.max },
    currentLevel: levelRef(framework, readiness.currentLevelId),
    targetLevel: targetLevelRef(framework, readiness.targetLevelId),
    settings: { weights: { ...readiness.settings.weights }, k: readiness.settings.k },
    // Results kept from before the setting existed carry no note.
    managerCorrection: readiness.managerCorrection ? { ...readiness.managerCorrection } : null,
    competencies: readiness.competencies.map((c) => ({
      competencyId: c.competencyId,
      name: competencyName(framework, c.competencyId),
      expected: c.expected,
      weight: c.weight,
      observed: c.observed,
      groups: {
        self: presentGroup(c.groups.self),
        manager: presentGroup(c.groups.manager),
        peer: presentGroup(c.groups.peer),
        upward: presentGroup(c.groups.upward),
      },
      comments: { peer: presentComments(c.comments.peer), upward: presentComments(c.comments.upward) },
      isCorroborated: c.isCorroborated,
      gap: c.gap,
      status: c.status,
      flags: [...c.flags],
      evidence: c.evidence.map((e) => ({ id: e.id, title: e.title, date: e.date })),
    })),
    score: readiness.score,
    verdict: readiness.verdict,
    blockers: [...readiness.blockers],
  };
}

export function presentReadinessHistory(
  personId: string,
  framework: Framework,
  targetLevelId: string,
  points: ReadinessHistoryPoint[],
): TReadinessHistory {
  return {
    personId,
    targetLevel: targetLevelRef(framework, targetLevelId),
    points: points.map((p) => ({
      at: p.at.toISOString(),
      score: p.score,
      verdict: p.verdict,
      targetLevel: targetLevelRef(framework, p.targetLevelId),
      competencies: p.competencies.map((c) => ({ ...c, name: competencyName(framework, c.competencyId) })),
    })),
  };
}

export function presentSideBySide(
  readiness: PersonReadiness,
  rows: SideBySideRow[],
  framework: Framework,
): TSideBySide {
  return {
    personId: readiness.personId,
    targetLevel: targetLevelRef(framework, readiness.targetLevelId),
    k: readiness.settings.k,
    competencies: rows.map((row) => ({
      competencyId: row.competencyId,
      name: competencyName(framework, row.competencyId),
      self: presentGroup(row.groups.self),
      manager: presentGroup(row.groups.manager),
      peer: presentGroup(row.groups.peer),
      upward: presentGroup(row.groups.upward),
      othersMean: row.othersMean,
      selfPerceptionGap: row.selfPerceptionGap,
      flags: [...row.flags],
    })),
  };
}

export function presentReadinessSettings(settings: ReadinessSettings): TReadinessSettings {
  return {
    weights: { ...settings.weights },
    k: settings.k,
    minimumK: MIN_ANONYMITY_THRESHOLD,
    correctManagerLeniency: settings.correctManagerLeniency ?? false,
  };
}

function presentTeamMember(person: Person, framework: Framework) {
  return {
    id: person.id,
    name: person.name,
    title: person.title,
    team: person.team,
    level: levelRef(framework, person.levelId),
  };
}

function competencyRefs(framework: Framework) {
  return framework.competencies.map((c) => ({ id: c.id, name: c.name }));
}

/** What the team views were asked for, echoed back beside the page. */
export interface TeamViewRequest {
  sort: TTeamReadiness["sort"];
  order: TTeamReadiness["order"];
  filters: TTeamReadiness["filters"];
  nextCursor: string | null;
}

export function presentTeamHeatmap(
  scope: "direct" | "all",
  request: TeamViewRequest,
  view: TeamHeatmapView,
): TTeamHeatmap {
  const { document: framework } = view;
  const common = {
    scope,
    sort: request.sort,
    order: request.order,
    filters: request.filters,
    competencies: competencyRefs(framework),
    nextCursor: request.nextCursor,
  };
  if (view.mode === "aggregate") {
    const org = presentOrgHeatmap(view.aggregate, { level: request.filters.level, team: null }, framework);
    return {
      ...common,
      mode: "aggregate",
      total: view.total,
      rows: [],
      aggregate: { k: org.k, byLevel: org.byLevel, byTeam: org.byTeam },
    };
  }
  const byId = new Map(view.people.map((p) => [p.id, p]));
  return {
    ...common,
    mode: "people",
    total: view.page.total,
    aggregate: null,
    rows: view.page.entries.flatMap((row: TeamHeatmapRow) => {
      const person = byId.get(row.personId);
      return person ? [{ person: presentTeamMember(person, framework), cells: row.cells.map((c) => ({ ...c })) }] : [];
    }),
  };
}

export function presentTeamReadiness(
  request: TeamViewRequest,
  people: Person[],
  page: TeamPage<ReadinessListEntry>,
  framework: Framework,
): TTeamReadiness {
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    sort: request.sort,
    order: request.order,
    filters: request.filters,
    total: page.total,
    nextCursor: request.nextCursor,
    people: page.entries.flatMap((entry) => {
      const person = byId.get(entry.personId);
      if (!person) return [];
      return [
        {
          person: presentTeamMember(person, framework),
          targetLevel: levelRef(framework, entry.targetLevelId) ?? {
            id: entry.targetLevelId,
            name: entry.targetLevelId,
          },
          score: entry.score,
          verdict: entry.verdict,
          computedAt: entry.computedAt.toISOString(),
        },
      ];
    }),
  };
}

function presentSummary(summary: ReadinessSummary | HiddenAggregate) {
  if ("hidden" in summary) return { hidden: true as const, reason: summary.reason };
  return { people: summary.people, meanScore: summary.meanScore, verdicts: { ...summary.verdicts } };
}

function presentOrgCell(cell: OrgHeatmapCell) {
  if ("hidden" in cell) return { competencyId: cell.competencyId, hidden: true as const, reason: cell.reason };
  return {
    competencyId: cell.competencyId,
    people: cell.people,
    observed: cell.observed,
    expected: cell.expected,
    delta: cell.delta,
    status: cell.status,
  };
}

interface OrgFilters {
  level: string | null;
  team: string | null;
}

export function presentOrgReadiness(view: OrgReadiness, filters: OrgFilters, framework: Framework): TOrgReadiness {
  return {
    k: view.k,
    filters,
    overall: presentSummary(view.overall),
    byLevel: view.byLevel.map((row) => ({
      level: levelRef(framework, row.levelId) ?? { id: row.levelId, name: row.levelId },
      summary: presentSummary(row.summary),
    })),
    byTeam: view.byTeam.map((row) => ({ team: row.team, summary: presentSummary(row.summary) })),
  };
}

export function presentOrgHeatmap(view: OrgHeatmap, filters: OrgFilters, framework: Framework): TOrgHeatmap {
  return {
    k: view.k,
    filters,
    competencies: competencyRefs(framework),
    overall: view.overall.map(presentOrgCell),
    byLevel: view.byLevel.map((row) => ({
      level: levelRef(framework, row.levelId) ?? { id: row.levelId, name: row.levelId },
      cells: row.cells.map(presentOrgCell),
    })),
    byTeam: view.byTeam.map((row) => ({ team: row.team, cells: row.cells.map(presentOrgCell) })),
  };
}
