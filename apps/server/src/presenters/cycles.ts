import Papa from "papaparse";
import type {
  CycleHistoryEntry,
  CycleParticipant,
  CycleProgress,
  MyTasks,
  Nomination,
  PersonProgress,
  PopulationFilter,
  Reminder,
  ReviewCycle,
} from "@ascent/core";
import type {
  TCycleProgress,
  TCycleTask,
  TNomination,
  TPersonProgress,
  TReminder,
  TReviewCycle,
} from "@ascent/contract";
import type { PeopleIndex } from "./assessment.ts";

const link = (id: string, people: PeopleIndex) => ({ id, name: people.get(id)?.name ?? "(removed)" });
const linkOrNull = (id: string | null, people: PeopleIndex) => (id ? link(id, people) : null);

function presentPopulation(filter: PopulationFilter): TReviewCycle["population"] {
  const { startedBefore, ...lists } = filter;
  return startedBefore ? { ...lists, startedBefore: startedBefore.toISOString() } : lists;
}

export function presentCycle(cycle: ReviewCycle): TReviewCycle {
  return {
    id: cycle.id,
    name: cycle.name,
    status: cycle.status,
    population: presentPopulation(cycle.population),
    frameworkVersion: cycle.frameworkVersion,
    nominationsMin: cycle.nominationsMin,
    nominationsMax: cycle.nominationsMax,
    startsAt: cycle.startsAt.toISOString(),
    endsAt: cycle.endsAt.toISOString(),
    releasedAt: cycle.releasedAt?.toISOString() ?? null,
    phases: cycle.phases.map((phase) => ({
      kind: phase.kind,
      opensAt: phase.opensAt.toISOString(),
      dueAt: phase.dueAt.toISOString(),
      closedAt: phase.closedAt?.toISOString() ?? null,
    })),
  };
}

export function presentParticipant(participant: CycleParticipant, people: PeopleIndex) {
  return {
    person: link(participant.personId, people),
    manager: linkOrNull(participant.managerId, people),
    joinedAt: participant.joinedAt.toISOString(),
    leftAt: participant.leftAt?.toISOString() ?? null,
  };
}

export function presentNomination(nomination: Nomination, people: PeopleIndex): TNomination {
  return {
    id: nomination.id,
    cycleId: nomination.cycleId,
    subject: link(nomination.subjectId, people),
    nominee: link(nomination.nomineeId, people),
    relation: nomination.relation,
    status: nomination.status,
    decidedAt: nomination.decidedAt?.toISOString() ?? null,
    feedbackRequestId: nomination.feedbackRequestId,
  };
}

export function presentPersonProgress(person: PersonProgress): TPersonProgress {
  return {
    person: { id: person.personId, name: person.name },
    team: person.team,
    manager: person.managerId ? { id: person.managerId, name: person.managerName ?? "(removed)" } : null,
    phases: person.phases,
  };
}

export function presentReminder(reminder: Reminder): TReminder {
  return {
    person: { id: reminder.personId, name: reminder.name },
    phase: reminder.phase,
    about: { id: reminder.aboutId, name: reminder.aboutName },
    state: reminder.state,
    dueAt: reminder.dueAt.toISOString(),
  };
}

export function presentProgress(
  cycle: ReviewCycle,
  progress: CycleProgress,
  page: { limit: number; offset: number },
): TCycleProgress {
  return {
    cycle: presentCycle(cycle),
    byPhase: progress.byPhase,
    byTeam: progress.byTeam.map((group) => ({ team: group.key, counts: group.counts })),
    byManager: progress.byManager.map((group) => ({
      manager: group.key ? { id: group.key, name: group.name } : null,
      counts: group.counts,
    })),
    people: progress.people.slice(page.offset, page.offset + page.limit).map(presentPersonProgress),
    total: progress.people.length,
    reminders: {
      total: progress.toRemind.length,
      late: progress.toRemind.filter((reminder) => reminder.state === "late").length,
    },
  };
}

export const PROGRESS_CSV_COLUMNS = ["name", "team", "manager", "self", "nomination", "manager_assessment"] as const;

/**
 * One row per participant. Papa quotes commas, quotes and line breaks; cells a spreadsheet would run
 * as a formula are prefixed with a quote so opening the file is safe.
 */
export function presentProgressCsv(progress: CycleProgress): string {
  const rows = progress.people.map((person) => [
    person.name,
    person.team,
    person.managerName ?? "",
    person.phases.self ?? "",
    person.phases.nomination ?? "",
    person.phases.manager ?? "",
  ]);
  return `${Papa.unparse({ fields: [...PROGRESS_CSV_COLUMNS], data: rows }, { escapeFormulae: true })}\r\n`;
}

export function presentTasks(tasks: MyTasks): {
  tasks: TCycleTask[];
  team: { cycleId: string; cycleName: string; people: TPersonProgress[] }[];
} {
  return {
    tasks: tasks.tasks.map((task) => ({
      cycleId: task.cycleId,
      cycleName: task.cycleName,
      kind: task.kind,
      subject: { id: task.subjectId, name: task.subjectName },
      dueAt: task.dueAt?.toISOString() ?? null,
      state: task.state,
      requestId: task.requestId ?? null,
    })),
    team: tasks.team.map((entry) => ({ ...entry, people: entry.people.map(presentPersonProgress) })),
  };
}

export function presentHistoryEntry(entry: CycleHistoryEntry) {
  return {
    cycle: presentCycle(entry.cycle),
    joinedAt: entry.participant.joinedAt.toISOString(),
    leftAt: entry.participant.leftAt?.toISOString() ?? null,
    acknowledgedAt: entry.acknowledgement?.acknowledgedAt.toISOString() ?? null,
    acknowledgementComment: entry.acknowledgement ? entry.acknowledgement.comment || null : null,
  };
}
