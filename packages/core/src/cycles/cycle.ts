/** Review cycles (DESIGN §3 ReviewCycle): the round in which an organisation reviews its people. */

export const PHASE_KINDS = ["self", "nomination", "manager", "calibration", "release"] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export const CYCLE_STATUSES = ["draft", "active", "released", "closed"] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/** Who takes part: every list given narrows the population; an empty filter means everyone active. */
export interface PopulationFilter {
  teams?: string[];
  /** Level ids. */
  levels?: string[];
  /** Framework slugs: people whose level belongs to one of them. */
  frameworks?: string[];
  /** People anywhere below one of these managers. */
  managers?: string[];
  /** People in the organisation (created) before this date. */
  startedBefore?: Date;
}

export interface CyclePhase {
  kind: PhaseKind;
  opensAt: Date;
  dueAt: Date;
  closedAt: Date | null;
}

export interface ReviewCycle {
  id: string;
  name: string;
  status: CycleStatus;
  population: PopulationFilter;
  frameworkVersion: number | null;
  nominationsMin: number;
  nominationsMax: number;
  startsAt: Date;
  endsAt: Date;
  closedAt: Date | null;
  releasedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  phases: CyclePhase[];
}

export interface CycleParticipant {
  cycleId: string;
  personId: string;
  /** The manager when the person joined. */
  managerId: string | null;
  joinedAt: Date;
  leftAt: Date | null;
}

export type NominationStatus = "proposed" | "approved" | "rejected";

export interface Nomination {
  id: string;
  cycleId: string;
  subjectId: string;
  nomineeId: string;
  relation: "peer" | "upward";
  status: NominationStatus;
  proposedBy: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  feedbackRequestId: string | null;
  createdAt: Date;
}

export interface Acknowledgement {
  cycleId: string;
  personId: string;
  acknowledgedAt: Date;
  comment: string;
}

/** What the population filter looks at for one person. */
export interface PopulationCandidate {
  id: string;
  name: string;
  team: string;
  levelId: string | null;
  managerId: string | null;
  createdAt: Date;
}

/** The people a filter selects, in the candidates' order. `frameworkLevels` maps a framework slug to its level ids. */
export function selectPopulation(
  candidates: PopulationCandidate[],
  filter: PopulationFilter,
  frameworkLevels: Map<string, string[]> = new Map(),
): PopulationCandidate[] {
  const managerOf = new Map(candidates.map((c) => [c.id, c.managerId]));
  const managers = new Set(filter.managers ?? []);
  const isBelowAManager = (id: string): boolean => {
    const seen = new Set<string>();
    let current = managerOf.get(id) ?? null;
    while (current && !seen.has(current)) {
      if (managers.has(current)) return true;
      seen.add(current);
      current = managerOf.get(current) ?? null;
    }
    return false;
  };
  const frameworkLevelIds = filter.frameworks
    ? new Set(filter.frameworks.flatMap((slug) => frameworkLevels.get(slug) ?? []))
    : null;
  return candidates.filter(
    (c) =>
      (!filter.teams || filter.teams.includes(c.team)) &&
      (!filter.levels || (c.levelId !== null && filter.levels.includes(c.levelId))) &&
      (!frameworkLevelIds || (c.levelId !== null && frameworkLevelIds.has(c.levelId))) &&
      (!filter.managers || isBelowAManager(c.id)) &&
      (!filter.startedBefore || c.createdAt < filter.startedBefore),
  );
}

/** A phase is open from its start until it is closed by hand; its due date only makes work late. */
export function isPhaseOpen(phase: CyclePhase, now: Date): boolean {
  return phase.closedAt === null && phase.opensAt <= now;
}

/**
 * The active cycle in which a self or manager assessment of this person belongs: one they still take
 * part in, whose phase of that kind is open now; the latest to start when several are. Null otherwise,
 * and the assessment is then outside any cycle.
 */
export function cycleForAssessment(
  memberships: { cycle: ReviewCycle; participant: CycleParticipant }[],
  relation: "self" | "manager",
  now: Date,
): string | null {
  const open = memberships.filter(
    ({ cycle, participant }) =>
      cycle.status === "active" &&
      participant.leftAt === null &&
      cycle.phases.some((phase) => phase.kind === relation && isPhaseOpen(phase, now)),
  );
  open.sort((a, b) => b.cycle.startsAt.getTime() - a.cycle.startsAt.getTime());
  return open[0]?.cycle.id ?? null;
}

export type TaskState = "done" | "in-progress" | "not-started" | "late";

/** Late means not done once the due date has passed; the injected clock decides "now". */
export function taskState(progress: "done" | "in-progress" | "not-started", phase: CyclePhase, now: Date): TaskState {
  if (progress === "done") return "done";
  return phase.dueAt < now ? "late" : progress;
}
