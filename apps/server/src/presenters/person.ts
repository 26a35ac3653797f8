import type { LevelHistoryEntry, LevelRef, OrgNode, Person, PersonProfile, ReportRecord } from "@ascent/core";
import type { TLevelHistoryEntry, TOrgNode, TPerson, TPersonCard, TPersonSummary } from "@ascent/contract";

export type LevelIndex = ReadonlyMap<string, LevelRef>;

/** A level id the published frameworks no longer know keeps showing, named by its id. */
function presentLevel(levelId: string | null, levels: LevelIndex) {
  if (!levelId) return null;
  return { id: levelId, name: levels.get(levelId)?.name ?? levelId };
}

export function presentLevelChange(
  entry: LevelHistoryEntry,
  levels: LevelIndex,
  authors: ReadonlyMap<string, Person>,
): TLevelHistoryEntry {
  const author = entry.changedBy ? authors.get(entry.changedBy) : undefined;
  return {
    id: entry.id,
    from: presentLevel(entry.fromLevelId, levels),
    to: presentLevel(entry.toLevelId, levels),
    effectiveAt: entry.effectiveAt.toISOString(),
    source: entry.source,
    reason: entry.reason,
    changedBy: author ? { id: author.id, name: author.name } : null,
    caseId: entry.caseId,
  };
}

export function presentPersonSummary(person: Person, levels: LevelIndex): TPersonSummary {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    title: person.title,
    level: presentLevel(person.levelId, levels),
    managerId: person.managerId,
    team: person.team,
    status: person.status,
  };
}

export function presentPerson(profile: PersonProfile): TPerson {
  const { person, manager, level } = profile;
  return {
    ...presentPersonSummary(person, level ? new Map([[level.id, level]]) : new Map()),
    manager: manager ? { id: manager.id, name: manager.name } : null,
    directReportCount: profile.directReportCount,
    isDemo: person.isDemo,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}

export function presentReport(report: ReportRecord, levels: LevelIndex): TPersonSummary & { depth: number } {
  return { ...presentPersonSummary(report.person, levels), depth: report.depth };
}

/** Managers above someone: by name and company title only. */
export function presentPersonCard(person: Person): TPersonCard {
  return { id: person.id, name: person.name, title: person.title };
}

export function presentOrgNode(node: OrgNode<Person>, levels: LevelIndex): TOrgNode {
  const { member } = node;
  return {
    id: member.id,
    name: member.name,
    title: member.title,
    level: presentLevel(member.levelId, levels),
    team: member.team,
    status: member.status,
    directReportCount: node.directReportCount,
    reports: node.reports.map((report) => presentOrgNode(report, levels)),
  };
}
