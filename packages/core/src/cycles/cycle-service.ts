import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";
import type { FeedbackRequest } from "../assessments/assessment.ts";
import type { FeedbackRequestService } from "../assessments/feedback-request-service.ts";
import type { FeedbackRequestRepository } from "../assessments/ports.ts";
import { peerConflict, raterStanding } from "../assessments/rater-relation.ts";
import type { AuditRepository } from "../audit/audit.ts";
import type { OrganisationEvent } from "../channel-posts/channel-post.ts";
import { AppError } from "../errors/app-error.ts";
import type { PeopleRepository } from "../people/ports.ts";
import {
  PHASE_KINDS,
  selectPopulation,
  taskState,
  type Acknowledgement,
  type CycleParticipant,
  type CyclePhase,
  type Nomination,
  type PhaseKind,
  type PopulationCandidate,
  type PopulationFilter,
  type ReviewCycle,
  type TaskState,
} from "./cycle.ts";
import { computeProgress, type CycleProgress, type PersonProgress, type Reminder } from "./cycle-progress.ts";
import type { CycleRepository } from "./ports.ts";

export interface CyclePorts {
  cycles: CycleRepository;
  people: Pick<PeopleRepository, "findById" | "chainAbove" | "reportsBelow">;
  /** The feedback-request use cases: approved nominations become requests through them. */
  feedbackRequests: Pick<FeedbackRequestService, "create" | "addRaters" | "listAskedOf">;
  requests: Pick<FeedbackRequestRepository, "findById" | "close">;
  isAdmin: (personId: string) => Promise<boolean>;
  /** The level ids of each named framework's latest version; unknown slugs are left out. */
  frameworkLevels: (slugs: string[]) => Promise<Map<string, string[]>>;
  /** The version of the ladder in force, recorded on a new cycle. */
  activeFrameworkVersion?: () => Promise<number | null>;
  /** The anonymity threshold k in force, recorded on each release (docs/decisions/0001). */
  anonymityThreshold?: () => Promise<number>;
  onReadinessInputsChanged?: (personIds: string[]) => Promise<void>;
  /** After a release, before readiness is recomputed: keeps the cycle's manager offsets (decisions/0006). */
  onReleased?: (cycle: ReviewCycle) => Promise<void>;
  /** A released cycle becomes readiness's window for everyone (DESIGN §4): every stored result is recomputed. */
  onWindowChanged?: () => Promise<void>;
  audit: AuditRepository;
  /** Tells the organisation's channel (the webhook) of a cycle opening, a phase closing, results released. */
  announce?: (event: OrganisationEvent) => Promise<void>;
  now: () => Date;
}

export interface NewPhase {
  kind: PhaseKind;
  opensAt: Date;
  dueAt: Date;
}

export interface NewCycleInput {
  name: string;
  population: PopulationFilter;
  phases: NewPhase[];
  nominationsMin?: number;
  nominationsMax?: number;
}

export interface PopulationPreview {
  people: PopulationCandidate[];
  total: number;
}

export interface Task {
  cycleId: string;
  cycleName: string;
  kind:
    "self-assessment" | "nominate" | "answer-request" | "approve-nominations" | "manager-assessment" | "acknowledge";
  /** Whom the task is about (the viewer for their own self-assessment). */
  subjectId: string;
  subjectName: string;
  dueAt: Date | null;
  state: TaskState;
  /** For an answer-request task, the request to answer. */
  requestId?: string;
}

export interface MyTasks {
  tasks: Task[];
  /** For a manager: each active cycle's progress of the people in their reporting chain. */
  team: { cycleId: string; cycleName: string; people: PersonProgress[] }[];
}

export interface AcknowledgementView {
  personId: string;
  name: string;
  acknowledgedAt: Date | null;
  comment: string | null;
}

export interface CycleHistoryEntry {
  cycle: ReviewCycle;
  participant: CycleParticipant;
  acknowledgement: Acknowledgement | null;
}

const DEFAULT_NOMINATIONS = { min: 0, max: 8 };

function invalid(path: string, message: string, summary = message): AppError {
  return new AppError("validation_failed", summary, [{ path, message }]);
}

/** Review cycles (issue 15): an admin runs the round; people see their tasks; managers their chain. */
export class CycleService {
  constructor(private readonly ports: CyclePorts) {}

  private async audit(
    viewer: Viewer,
    action: string,
    cycleId: string,
    details: Record<string, unknown>,
    subjectId: string | null = null,
  ): Promise<void> {
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action,
      subjectId,
      targetType: "review_cycle",
      targetId: cycleId,
      details,
    });
  }

  private async load(cycleId: string): Promise<ReviewCycle> {
    const cycle = await this.ports.cycles.findById(cycleId);
    if (!cycle) throw new AppError("not_found", `No review cycle with id "${cycleId}"`);
    return cycle;
  }

  private async population(filter: PopulationFilter): Promise<PopulationCandidate[]> {
    let frameworkLevels = new Map<string, string[]>();
    if (filter.frameworks?.length) {
      frameworkLevels = await this.ports.frameworkLevels(filter.frameworks);
      const unknown = filter.frameworks.filter((slug) => !frameworkLevels.has(slug));
      if (unknown.length) {
        throw invalid("body.population.frameworks", `unknown frameworks: ${unknown.join(", ")}`);
      }
    }
    return selectPopulation(await this.ports.cycles.populationCandidates(), filter, frameworkLevels);
  }

  /** Who a filter selects, before a cycle is created (admin). */
  async previewPopulation(viewer: Viewer | null, filter: PopulationFilter): Promise<PopulationPreview> {
    assertAdmin(viewer);
    const people = await this.population(filter);
    return { people, total: people.length };
  }

  /** Creates an active cycle with its phases and its population as participants (admin). */
  async createCycle(viewer: Viewer | null, input: NewCycleInput): Promise<ReviewCycle> {
    assertAdmin(viewer);
    const name = input.name.trim();
    if (!name) throw invalid("body.name", "is empty", "Give the cycle a name");
    if (input.phases.length === 0) throw invalid("body.phases", "is empty", "A cycle needs at least one phase");
    const kinds = input.phases.map((p) => p.kind);
    const repeated = kinds.filter((kind, i) => kinds.indexOf(kind) !== i);
    if (repeated.length) throw invalid("body.phases", `repeats ${repeated.join(", ")}`, "Each phase kind appears once");
    input.phases.forEach((phase, i) => this.checkDeadline(phase, phase.dueAt, `body.phases[${i}].dueAt`));
    const min = input.nominationsMin ?? DEFAULT_NOMINATIONS.min;
    const max = input.nominationsMax ?? Math.max(DEFAULT_NOMINATIONS.max, min);
    if (min > max) {
      throw invalid(
        "body.nominationsMin",
        `is above the maximum (${max})`,
        "The nomination minimum exceeds the maximum",
      );
    }
    const people = await this.population(input.population);
    if (people.length === 0) {
      throw invalid(
        "body.population",
        "selects nobody",
        "The population is empty: no active person matches the filter",
      );
    }
    const phases: CyclePhase[] = [...input.phases]
      .sort((a, b) => PHASE_KINDS.indexOf(a.kind) - PHASE_KINDS.indexOf(b.kind))
      .map((p) => ({ kind: p.kind, opensAt: p.opensAt, dueAt: p.dueAt, closedAt: null }));
    const now = this.ports.now();
    const cycle = await this.ports.cycles.create(
      {
        name,
        status: "active",
        population: input.population,
        frameworkVersion: (await this.ports.activeFrameworkVersion?.()) ?? null,
        nominationsMin: min,
        nominationsMax: max,
        startsAt: new Date(Math.min(...phases.map((p) => p.opensAt.getTime()))),
        endsAt: new Date(Math.max(...phases.map((p) => p.dueAt.getTime()))),
        createdBy: viewer.personId,
      },
      phases,
      people.map((p) => ({ personId: p.id, managerId: p.managerId, joinedAt: now, leftAt: null })),
    );
    await this.audit(viewer, "cycle.create", cycle.id, { name, participants: people.length, phases: kinds });
    const first = phases[0];
    await this.ports.announce?.({
      kind: "cycle.opened",
      cycle: { id: cycle.id, name: cycle.name },
      participants: people.length,
      firstDue: first ? { phase: first.kind, dueAt: first.dueAt } : null,
    });
    return cycle;
  }

  private checkDeadline(phase: Pick<CyclePhase, "kind" | "opensAt">, dueAt: Date, path: string): void {
    if (dueAt <= phase.opensAt) {
      throw invalid(
        path,
        `is not after the phase start (${phase.opensAt.toISOString()})`,
        `The ${phase.kind} phase's deadline must come after it opens (${phase.opensAt.toISOString()})`,
      );
    }
  }

  private phaseOf(cycle: ReviewCycle, kind: PhaseKind): CyclePhase {
    const phase = cycle.phases.find((p) => p.kind === kind);
    if (!phase) throw new AppError("not_found", `The cycle "${cycle.name}" has no ${kind} phase`);
    return phase;
  }

  private assertNotReleased(cycle: ReviewCycle): void {
    if (cycle.status === "released" || cycle.status === "closed") {
      throw new AppError("conflict", `The cycle "${cycle.name}" is ${cycle.status}; its phases no longer change`);
    }
  }

  /** Moves a phase's deadline (admin); it must stay after the phase opens. */
  async extendPhase(viewer: Viewer | null, cycleId: string, kind: PhaseKind, dueAt: Date): Promise<ReviewCycle> {
    assertAdmin(viewer);
    const cycle = await this.load(cycleId);
    const phase = this.phaseOf(cycle, kind);
    this.assertNotReleased(cycle);
    this.checkDeadline(phase, dueAt, "body.dueAt");
    await this.ports.cycles.updatePhase(cycle.id, kind, { dueAt });
    await this.audit(viewer, "cycle.phase.extend", cycle.id, {
      phase: kind,
      from: phase.dueAt.toISOString(),
      to: dueAt.toISOString(),
    });
    return this.load(cycle.id);
  }

  async closePhase(viewer: Viewer | null, cycleId: string, kind: PhaseKind): Promise<ReviewCycle> {
    assertAdmin(viewer);
    const cycle = await this.load(cycleId);
    const phase = this.phaseOf(cycle, kind);
    this.assertNotReleased(cycle);
    if (phase.closedAt) {
      throw new AppError(
        "conflict",
        `The ${kind} phase of "${cycle.name}" is already closed (since ${phase.closedAt.toISOString()})`,
      );
    }
    const closedAt = this.ports.now();
    await this.ports.cycles.updatePhase(cycle.id, kind, { closedAt });
    await this.audit(viewer, "cycle.phase.close", cycle.id, { phase: kind });
    const next = cycle.phases.find((p) => p.kind !== kind && !p.closedAt && p.dueAt >= closedAt);
    await this.ports.announce?.({
      kind: "cycle.phase-closed",
      cycle: { id: cycle.id, name: cycle.name },
      phase: kind,
      closedAt,
      nextDue: next ? { phase: next.kind, dueAt: next.dueAt } : null,
    });
    return this.load(cycle.id);
  }

  async reopenPhase(viewer: Viewer | null, cycleId: string, kind: PhaseKind): Promise<ReviewCycle> {
    assertAdmin(viewer);
    const cycle = await this.load(cycleId);
    const phase = this.phaseOf(cycle, kind);
    this.assertNotReleased(cycle);
    if (!phase.closedAt) throw new AppError("conflict", `The ${kind} phase of "${cycle.name}" is not closed`);
    await this.ports.cycles.updatePhase(cycle.id, kind, { closedAt: null });
    await this.audit(viewer, "cycle.phase.reopen", cycle.id, { phase: kind });
    return this.load(cycle.id);
  }

  /**
   * Brings the participants in line with the population now (admin): people who joined are added,
   * people who left (moved out of the filter or inactive) are marked left and keep their data.
   */
  async syncParticipants(
    viewer: Viewer | null,
    cycleId: string,
  ): Promise<{ joined: string[]; left: string[]; rejoined: string[] }> {
    assertAdmin(viewer);
    const cycle = await this.load(cycleId);
    this.assertNotReleased(cycle);
    const population = await this.population(cycle.population);
    const current = await this.ports.cycles.participants(cycle.id);
    const known = new Map(current.map((p) => [p.personId, p]));
    const inPopulation = new Set(population.map((p) => p.id));
    const now = this.ports.now();
    const joiners = population.filter((p) => !known.has(p.id));
    const rejoined = current.filter((p) => p.leftAt && inPopulation.has(p.personId)).map((p) => p.personId);
    const left = current.filter((p) => !p.leftAt && !inPopulation.has(p.personId)).map((p) => p.personId);
    await this.ports.cycles.addParticipants(
      cycle.id,
      joiners.map((p) => ({ personId: p.id, managerId: p.managerId, joinedAt: now, leftAt: null })),
    );
    await this.ports.cycles.markLeft(cycle.id, left, now);
    await this.ports.cycles.markRejoined(cycle.id, rejoined);
    const joined = joiners.map((p) => p.id);
    await this.audit(viewer, "cycle.participants.sync", cycle.id, { joined, left, rejoined });
    return { joined, left, rejoined };
  }

  /** Everyone who takes or took part, leavers included (admin). */
  async listParticipants(viewer: Viewer | null, cycleId: string): Promise<CycleParticipant[]> {
    assertAdmin(viewer);
    return this.ports.cycles.participants((await this.load(cycleId)).id);
  }

  private async activeParticipant(cycle: ReviewCycle, personId: string): Promise<CycleParticipant | null> {
    const participant = await this.ports.cycles.participant(cycle.id, personId);
    return participant && !participant.leftAt ? participant : null;
  }

  private assertNominationsOpen(cycle: ReviewCycle): void {
    if (cycle.status !== "active") throw new AppError("conflict", `The cycle "${cycle.name}" is ${cycle.status}`);
    const phase = this.phaseOf(cycle, "nomination");
    const now = this.ports.now();
    if (phase.closedAt) throw new AppError("conflict", `The nomination phase of "${cycle.name}" is closed`);
    if (phase.opensAt > now) {
      throw new AppError("conflict", `The nomination phase of "${cycle.name}" opens ${phase.opensAt.toISOString()}`);
    }
  }

  /** Why this person cannot rate the subject with this relation, or null when they can. */
  private async nomineeProblem(
    subjectId: string,
    nomineeId: string,
    relation: Nomination["relation"],
  ): Promise<string | null> {
    const [subject, nominee] = await Promise.all([
      this.ports.people.findById(subjectId),
      this.ports.people.findById(nomineeId),
    ]);
    if (!subject) return `no person with id "${subjectId}"`;
    if (!nominee || nominee.status !== "active") return `no active person with id "${nomineeId}"`;
    const chain = await this.ports.people.chainAbove(subject.id);
    const standing = raterStanding({ ...nominee, isAdmin: await this.ports.isAdmin(nominee.id) }, subject, chain);
    if (relation === "peer") return peerConflict(standing, nominee.name, subject.name);
    if (standing === "self") return `${nominee.name} is the person rated`;
    if (standing === "admin") return peerConflict("admin", nominee.name, subject.name);
    if (standing !== "report") return `upward feedback comes from direct reports; ${nominee.name} is not one`;
    return null;
  }

  /** The subject proposes a peer or upward rater, within the cycle's maximum. */
  async proposeNomination(
    viewer: Viewer,
    cycleId: string,
    input: { nomineeId: string; relation: Nomination["relation"] },
  ): Promise<Nomination> {
    const cycle = await this.load(cycleId);
    if (!(await this.activeParticipant(cycle, viewer.personId))) {
      throw new AppError("forbidden", `You do not take part in the cycle "${cycle.name}"`);
    }
    this.assertNominationsOpen(cycle);
    const problem = await this.nomineeProblem(viewer.personId, input.nomineeId, input.relation);
    if (problem) throw invalid("body.nomineeId", problem, `Cannot nominate as ${input.relation}: ${problem}`);
    const own = (await this.ports.cycles.listNominations(cycle.id, { subjectIds: [viewer.personId] })).filter(
      (n) => n.status !== "rejected",
    );
    if (own.some((n) => n.nomineeId === input.nomineeId)) {
      throw new AppError("conflict", "This colleague is already nominated in this cycle");
    }
    if (own.length >= cycle.nominationsMax) {
      throw invalid(
        "body.nomineeId",
        `the cycle allows at most ${cycle.nominationsMax}`,
        `You have reached the cycle's maximum of ${cycle.nominationsMax} nominations`,
      );
    }
    const nomination = await this.ports.cycles.createNomination({
      cycleId: cycle.id,
      subjectId: viewer.personId,
      nomineeId: input.nomineeId,
      relation: input.relation,
      proposedBy: viewer.personId,
    });
    await this.audit(
      viewer,
      "cycle.nomination.propose",
      cycle.id,
      { nominationId: nomination.id, relation: input.relation },
      viewer.personId,
    );
    return nomination;
  }

  /** Nominations in a cycle the viewer may see: their own, and their direct reports' as their manager. */
  async listNominations(viewer: Viewer, cycleId: string): Promise<Nomination[]> {
    const cycle = await this.load(cycleId);
    const reports = (await this.ports.people.reportsBelow(viewer.personId))
      .filter((r) => r.depth === 1)
      .map((r) => r.person.id);
    return this.ports.cycles.listNominations(cycle.id, { subjectIds: [viewer.personId, ...reports] });
  }

  /**
   * The subject's manager approves (possibly changing the nominee or relation) or rejects. An approval
   * names the nominee on the subject's feedback request of that relation in this cycle, creating it
   * through the feedback-request use case the first time, so the cycle's answers are released together.
   */
  async decideNomination(
    viewer: Viewer,
    nominationId: string,
    input: { decision: "approve" | "reject"; nomineeId?: string; relation?: Nomination["relation"] },
  ): Promise<Nomination> {
    const nomination = await this.ports.cycles.findNomination(nominationId);
    const subject = nomination ? await this.ports.people.findById(nomination.subjectId) : null;
    if (!nomination || !subject || subject.managerId !== viewer.personId) {
      throw new AppError("not_found", `No nomination "${nominationId}" for one of your direct reports`);
    }
    if (nomination.status !== "proposed") {
      throw new AppError("conflict", `This nomination is already ${nomination.status}`);
    }
    const cycle = await this.load(nomination.cycleId);
    if (cycle.status !== "active") throw new AppError("conflict", `The cycle "${cycle.name}" is ${cycle.status}`);
    const nomineeId = input.nomineeId ?? nomination.nomineeId;
    const relation = input.relation ?? nomination.relation;
    const now = this.ports.now();
    let feedbackRequestId: string | null = null;
    if (input.decision === "approve") {
      const problem = await this.nomineeProblem(subject.id, nomineeId, relation);
      if (problem) throw invalid("body.nomineeId", problem, `Cannot approve as ${relation}: ${problem}`);
      feedbackRequestId = (await this.requestFor(viewer, cycle, subject.id, relation, nomineeId)).id;
    }
    const decided = await this.ports.cycles.decideNomination(nomination.id, {
      status: input.decision === "approve" ? "approved" : "rejected",
      decidedBy: viewer.personId,
      decidedAt: now,
      nomineeId,
      relation,
      feedbackRequestId,
    });
    if (!decided) throw new AppError("conflict", "This nomination was decided meanwhile");
    const edited = nomineeId !== nomination.nomineeId || relation !== nomination.relation;
    await this.audit(
      viewer,
      `cycle.nomination.${input.decision === "approve" ? "approve" : "reject"}`,
      cycle.id,
      { nominationId: nomination.id, relation, edited, feedbackRequestId },
      subject.id,
    );
    const stored = await this.ports.cycles.findNomination(nomination.id);
    if (!stored) throw new AppError("not_found", `No nomination "${nominationId}"`);
    return stored;
  }

  /** The subject's open request of this relation in the cycle, with the nominee added; new if none is open. */
  private async requestFor(
    viewer: Viewer,
    cycle: ReviewCycle,
    subjectId: string,
    relation: Nomination["relation"],
    nomineeId: string,
  ): Promise<FeedbackRequest> {
    const approved = await this.ports.cycles.listNominations(cycle.id, { subjectIds: [subjectId] });
    const requestIds = [
      ...new Set(
        approved.filter((n) => n.relation === relation && n.feedbackRequestId).map((n) => n.feedbackRequestId!),
      ),
    ];
    const now = this.ports.now();
    for (const id of requestIds) {
      const request = await this.ports.requests.findById(id);
      if (request && !request.closedAt && request.dueAt > now) {
        return this.ports.feedbackRequests.addRaters(viewer, request.id, [nomineeId]);
      }
    }
    // Answers stay sealed until the cycle is released: the request falls due when release opens.
    const release = cycle.phases.find((p) => p.kind === "release");
    const dueAt = release && release.opensAt > now ? release.opensAt : cycle.endsAt;
    return this.ports.feedbackRequests.create(viewer, {
      subjectId,
      relation,
      raterIds: [nomineeId],
      dueAt,
      message: `Part of the review cycle "${cycle.name}"`,
      cycleId: cycle.id,
    });
  }

  private async chainIds(viewer: Viewer): Promise<Set<string>> {
    return new Set((await this.ports.people.reportsBelow(viewer.personId)).map((r) => r.person.id));
  }

  private async progressOf(cycle: ReviewCycle, only: Set<string> | null): Promise<CycleProgress> {
    const scope = only ? { personIds: [...only] } : undefined;
    const [all, names] = await Promise.all([
      this.ports.cycles.participants(cycle.id, scope),
      this.ports.cycles.participantNames(cycle.id, scope),
    ]);
    const participants = all.filter((p) => !p.leftAt);
    const ids = participants.map((p) => p.personId);
    // The whole cycle for an admin: read by cycle, not by thousands of ids.
    const [nominations, assessments] = await Promise.all([
      this.ports.cycles.listNominations(cycle.id, only ? { subjectIds: ids } : {}),
      this.ports.cycles.assessmentProgress(cycle.id, only ? ids : null, cycle.startsAt),
    ]);
    return computeProgress({ cycle, participants, names, nominations, assessments, now: this.ports.now() });
  }

  /**
   * Progress by phase, team and manager with the people to remind: an admin sees everyone, a manager
   * only the people in their reporting chain; anyone else is refused.
   */
  async progress(viewer: Viewer, cycleId: string): Promise<{ cycle: ReviewCycle; progress: CycleProgress }> {
    const cycle = await this.load(cycleId);
    let only: Set<string> | null = null;
    if (!viewer.isAdmin) {
      only = await this.chainIds(viewer);
      if (only.size === 0) {
        throw new AppError("forbidden", "Only admins and managers see a cycle's progress");
      }
    }
    return { cycle, progress: await this.progressOf(cycle, only) };
  }

  /** Whom to remind, for the Notifications issue: the same scope as progress. */
  async remindList(viewer: Viewer, cycleId: string): Promise<Reminder[]> {
    return (await this.progress(viewer, cycleId)).progress.toRemind;
  }

  /** Everyone with work left in the cycle's open phases; checks nobody, for the scheduled reminders only. */
  async everyoneToRemind(cycleId: string): Promise<Reminder[]> {
    return (await this.progressOf(await this.load(cycleId), null)).toRemind;
  }

  /** An individual's and a manager's tasks across the active and released cycles. */
  async myTasks(viewer: Viewer): Promise<MyTasks> {
    const now = this.ports.now();
    const cycles = (await this.ports.cycles.list()).filter((c) => c.status === "active" || c.status === "released");
    const chain = await this.chainIds(viewer);
    const asked = await this.ports.feedbackRequests.listAskedOf(viewer);
    const tasks: Task[] = [];
    const team: MyTasks["team"] = [];
    for (const cycle of cycles) {
      const participants = (
        await this.ports.cycles.participants(cycle.id, { personIds: [viewer.personId, ...chain] })
      ).filter((p) => !p.leftAt);
      const isParticipant = participants.some((p) => p.personId === viewer.personId);
      const involved = new Set(participants.filter((p) => chain.has(p.personId)).map((p) => p.personId));
      if (isParticipant) involved.add(viewer.personId);
      if (involved.size === 0 && !asked.some((r) => r.cycleId === cycle.id)) continue;
      const progress = await this.progressOf(cycle, involved);
      const base = { cycleId: cycle.id, cycleName: cycle.name };
      const phase = (kind: PhaseKind) => cycle.phases.find((p) => p.kind === kind);
      if (cycle.status === "released") {
        if (isParticipant) {
          const acknowledged = (await this.ports.cycles.acknowledgements(cycle.id)).some(
            (a) => a.personId === viewer.personId,
          );
          tasks.push({
            ...base,
            kind: "acknowledge",
            subjectId: viewer.personId,
            subjectName: viewer.name,
            dueAt: null,
            state: acknowledged ? "done" : "not-started",
          });
        }
        continue;
      }
      const mine = progress.people.find((p) => p.personId === viewer.personId);
      const self = phase("self");
      if (mine?.phases.self && self) {
        tasks.push({
          ...base,
          kind: "self-assessment",
          subjectId: viewer.personId,
          subjectName: mine.name,
          dueAt: self.dueAt,
          state: mine.phases.self,
        });
      }
      const nomination = phase("nomination");
      if (mine?.phases.nomination && nomination) {
        tasks.push({
          ...base,
          kind: "nominate",
          subjectId: viewer.personId,
          subjectName: mine.name,
          dueAt: nomination.dueAt,
          state: mine.phases.nomination,
        });
      }
      for (const request of asked.filter((r) => r.cycleId === cycle.id)) {
        tasks.push({
          ...base,
          kind: "answer-request",
          subjectId: request.subjectId,
          subjectName: (await this.ports.people.findById(request.subjectId))?.name ?? "",
          dueAt: request.dueAt,
          // Requests still asked of the viewer are open, so not yet late.
          state: "not-started",
          requestId: request.id,
        });
      }
      const reports = progress.people.filter((p) => p.managerId === viewer.personId);
      const pending = await this.ports.cycles.listNominations(cycle.id, { subjectIds: reports.map((r) => r.personId) });
      const manager = phase("manager");
      for (const report of reports) {
        if (manager && report.phases.manager) {
          tasks.push({
            ...base,
            kind: "manager-assessment",
            subjectId: report.personId,
            subjectName: report.name,
            dueAt: manager.dueAt,
            state: report.phases.manager,
          });
        }
        // Listed once the report has proposed someone; done when the cycle's minimum is approved and none wait.
        if (nomination && report.phases.nomination && pending.some((n) => n.subjectId === report.personId)) {
          tasks.push({
            ...base,
            kind: "approve-nominations",
            subjectId: report.personId,
            subjectName: report.name,
            dueAt: nomination.dueAt,
            state: report.phases.nomination === "done" ? "done" : taskState("in-progress", nomination, now),
          });
        }
      }
      const chainPeople = progress.people.filter((p) => chain.has(p.personId));
      if (chainPeople.length) team.push({ ...base, people: chainPeople });
    }
    return { tasks, team };
  }

  /**
   * Releases the cycle (admin): every open feedback request of the cycle closes, so each subject's
   * peer and upward answers become one released snapshot under the k rule, and readiness is refreshed.
   */
  async releaseCycle(viewer: Viewer | null, cycleId: string): Promise<ReviewCycle> {
    assertAdmin(viewer);
    const cycle = await this.load(cycleId);
    if (cycle.status === "released" || cycle.status === "closed") {
      throw new AppError("conflict", `The cycle "${cycle.name}" is already ${cycle.status}`);
    }
    const now = this.ports.now();
    const nominations = await this.ports.cycles.listNominations(cycle.id);
    const requestIds = [...new Set(nominations.flatMap((n) => (n.feedbackRequestId ? [n.feedbackRequestId] : [])))];
    const releaseK = (await this.ports.anonymityThreshold?.()) ?? null;
    const subjects = new Set<string>();
    for (const id of requestIds) {
      const request = await this.ports.requests.findById(id);
      if (request && !request.closedAt) {
        await this.ports.requests.close(request.id, now, releaseK);
        subjects.add(request.subjectId);
      }
    }
    await this.ports.cycles.setStatus(cycle.id, "released", now);
    await this.audit(viewer, "cycle.release", cycle.id, { requestsReleased: subjects.size });
    await this.ports.onReleased?.(cycle);
    await this.ports.announce?.({ kind: "cycle.released", cycle: { id: cycle.id, name: cycle.name } });
    await this.ports.onReadinessInputsChanged?.([...subjects]);
    await this.ports.onWindowChanged?.();
    return this.load(cycle.id);
  }

  /** After release, the subject acknowledges their results, with an optional comment. */
  async acknowledgeResults(viewer: Viewer, cycleId: string, comment: string): Promise<Acknowledgement> {
    const cycle = await this.load(cycleId);
    const participant = await this.ports.cycles.participant(cycle.id, viewer.personId);
    if (!participant) throw new AppError("forbidden", `You did not take part in the cycle "${cycle.name}"`);
    if (cycle.status !== "released") {
      throw new AppError("conflict", `The results of "${cycle.name}" are not released yet`);
    }
    const acknowledgement = {
      cycleId: cycle.id,
      personId: viewer.personId,
      acknowledgedAt: this.ports.now(),
      comment: comment.trim(),
    };
    await this.ports.cycles.acknowledge(acknowledgement);
    await this.audit(
      viewer,
      "cycle.acknowledge",
      cycle.id,
      { hasComment: acknowledgement.comment !== "" },
      viewer.personId,
    );
    return acknowledgement;
  }

  /** Who has acknowledged: an admin sees every participant, a manager their reporting chain. */
  async acknowledgements(viewer: Viewer, cycleId: string): Promise<AcknowledgementView[]> {
    const cycle = await this.load(cycleId);
    const chain = viewer.isAdmin ? null : await this.chainIds(viewer);
    if (chain && chain.size === 0) throw new AppError("forbidden", "Only admins and managers see acknowledgements");
    const acknowledged = new Map((await this.ports.cycles.acknowledgements(cycle.id)).map((a) => [a.personId, a]));
    const participants = (await this.ports.cycles.participants(cycle.id)).filter(
      (p) => !chain || chain.has(p.personId),
    );
    const names = await this.ports.cycles.participantNames(cycle.id);
    return participants.map((p) => {
      const a = acknowledged.get(p.personId);
      return {
        personId: p.personId,
        name: names.get(p.personId)?.name ?? p.personId,
        acknowledgedAt: a?.acknowledgedAt ?? null,
        comment: a?.comment ?? null,
      };
    });
  }

  /** Every cycle, newest first; names, phases and status are not private. */
  listCycles(_viewer: Viewer): Promise<ReviewCycle[]> {
    return this.ports.cycles.list();
  }

  async getCycle(_viewer: Viewer, cycleId: string): Promise<ReviewCycle> {
    return this.load(cycleId);
  }

  /** The cycles a person took part in, for them, the managers above them and admins. */
  async cycleHistory(viewer: Viewer, personId: string): Promise<CycleHistoryEntry[]> {
    if (viewer.personId !== personId && !viewer.isAdmin) {
      const chain = await this.ports.people.chainAbove(personId);
      if (!chain.some((m) => m.id === viewer.personId)) {
        throw new AppError("forbidden", "Only the person, their managers and admins see their cycle history");
      }
    }
    if (!(await this.ports.people.findById(personId)))
      throw new AppError("not_found", `No person with id "${personId}"`);
    const entries = await this.ports.cycles.cyclesOf(personId);
    return Promise.all(
      entries.map(async ({ cycle, participant }) => ({
        cycle,
        participant,
        acknowledgement:
          (await this.ports.cycles.acknowledgements(cycle.id)).find((a) => a.personId === personId) ?? null,
      })),
    );
  }
}
