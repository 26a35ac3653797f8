import {
  taskState,
  type CycleParticipant,
  type Nomination,
  type PhaseKind,
  type ReviewCycle,
  type TaskState,
} from "./cycle.ts";
import type { AssessmentProgress } from "./ports.ts";

/** The phases whose work is counted per person; calibration and release are the admins' own. */
export const TRACKED_PHASES = ["self", "nomination", "manager"] as const satisfies readonly PhaseKind[];
export type TrackedPhase = (typeof TRACKED_PHASES)[number];

export interface PersonProgress {
  personId: string;
  name: string;
  team: string;
  /** The manager when the person joined the cycle. */
  managerId: string | null;
  managerName: string | null;
  /** Present for each of the cycle's tracked phases. */
  phases: Partial<Record<TrackedPhase, TaskState>>;
}

export interface StateCounts {
  done: number;
  inProgress: number;
  notStarted: number;
  late: number;
}

export interface GroupProgress {
  key: string;
  name: string;
  counts: StateCounts;
}

/** Someone whose task in an open phase is not done: whom to remind, about whom, and for which phase. */
export interface Reminder {
  personId: string;
  name: string;
  phase: TrackedPhase;
  aboutId: string;
  aboutName: string;
  state: TaskState;
  dueAt: Date;
}

export interface CycleProgress {
  people: PersonProgress[];
  byPhase: Partial<Record<TrackedPhase, StateCounts>>;
  byTeam: GroupProgress[];
  byManager: GroupProgress[];
  toRemind: Reminder[];
}

export interface ProgressInputs {
  cycle: ReviewCycle;
  /** Participants still in the cycle. */
  participants: CycleParticipant[];
  names: ReadonlyMap<string, { name: string; team: string }>;
  nominations: Nomination[];
  assessments: ReadonlyMap<string, AssessmentProgress>;
  now: Date;
}

/** One collator for every sort: far faster than localeCompare on thousands of names. */
const collator = new Intl.Collator();

const emptyCounts = (): StateCounts => ({ done: 0, inProgress: 0, notStarted: 0, late: 0 });

function add(counts: StateCounts, state: TaskState): void {
  if (state === "done") counts.done++;
  else if (state === "in-progress") counts.inProgress++;
  else if (state === "not-started") counts.notStarted++;
  else counts.late++;
}

function assessmentState(status: AssessmentProgress["self"]): "done" | "in-progress" | "not-started" {
  if (status === "submitted") return "done";
  return status === "draft" ? "in-progress" : "not-started";
}

/**
 * Nominations are done when at least the cycle's minimum are approved and none wait for the manager;
 * with a minimum of 0, having none is done too.
 */
function nominationState(cycle: ReviewCycle, own: Nomination[]): "done" | "in-progress" | "not-started" {
  const approved = own.filter((n) => n.status === "approved").length;
  const pending = own.some((n) => n.status === "proposed");
  if (!pending && approved >= cycle.nominationsMin) return "done";
  return own.length ? "in-progress" : "not-started";
}

/** Each participant's state per tracked phase (by name), grouped by phase, team and manager, and who to remind. */
export function computeProgress(inputs: ProgressInputs): CycleProgress {
  const { cycle, participants, names, nominations, assessments, now } = inputs;
  const phases = cycle.phases.filter((p): p is typeof p & { kind: TrackedPhase } =>
    (TRACKED_PHASES as readonly string[]).includes(p.kind),
  );
  const byPhase: Partial<Record<TrackedPhase, StateCounts>> = {};
  for (const phase of phases) byPhase[phase.kind] = emptyCounts();
  const teams = new Map<string, GroupProgress>();
  const managers = new Map<string, GroupProgress>();
  const toRemind: Reminder[] = [];
  const nominationsBySubject = new Map<string, Nomination[]>();
  for (const n of nominations)
    nominationsBySubject.set(n.subjectId, [...(nominationsBySubject.get(n.subjectId) ?? []), n]);
  const nameOf = (id: string) => names.get(id)?.name ?? id;
  // Sorted on keys made once: comparing with the collator inside the sort costs most of the time at 10k people.
  const keyed = participants.map((p) => ({ p, key: `${nameOf(p.personId).toLocaleLowerCase()}\u0000${p.personId}` }));
  const byPersonName = keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ p }) => p);
  const people = byPersonName.map((participant): PersonProgress => {
    const person = names.get(participant.personId) ?? { name: participant.personId, team: "" };
    const managerName = participant.managerId ? (names.get(participant.managerId)?.name ?? null) : null;
    const own = nominationsBySubject.get(participant.personId) ?? [];
    const assessed = assessments.get(participant.personId) ?? { self: null, manager: null };
    const states: PersonProgress["phases"] = {};
    for (const phase of phases) {
      const progress =
        phase.kind === "nomination"
          ? nominationState(cycle, own)
          : assessmentState(phase.kind === "self" ? assessed.self : assessed.manager);
      const state = taskState(progress, phase, now);
      states[phase.kind] = state;
      add(byPhase[phase.kind]!, state);
      const team = teams.get(person.team) ?? { key: person.team, name: person.team, counts: emptyCounts() };
      add(team.counts, state);
      teams.set(person.team, team);
      const managerKey = participant.managerId ?? "";
      const manager = managers.get(managerKey) ?? { key: managerKey, name: managerName ?? "", counts: emptyCounts() };
      add(manager.counts, state);
      managers.set(managerKey, manager);
      const isOpen = phase.closedAt === null && phase.opensAt <= now;
      if (isOpen && state !== "done") {
        // The manager rates; everything else is the participant's own to do.
        const remindId = phase.kind === "manager" ? participant.managerId : participant.personId;
        if (remindId) {
          const reminded = remindId === participant.personId ? person.name : (managerName ?? remindId);
          toRemind.push({
            personId: remindId,
            name: reminded,
            phase: phase.kind,
            aboutId: participant.personId,
            aboutName: person.name,
            state,
            dueAt: phase.dueAt,
          });
        }
      }
    }
    return {
      personId: participant.personId,
      name: person.name,
      team: person.team,
      managerId: participant.managerId,
      managerName,
      phases: states,
    };
  });
  const byName = (a: GroupProgress, b: GroupProgress) =>
    collator.compare(a.name, b.name) || collator.compare(a.key, b.key);
  return {
    people,
    byPhase,
    byTeam: [...teams.values()].sort(byName),
    byManager: [...managers.values()].sort(byName),
    toRemind,
  };
}
