import { AppError, notFound } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import { assertAdmin } from "../access/access.ts";
import type { OrganisationEvent } from "../channel-posts/channel-post.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { recordRead } from "../audit/read-log.ts";
import type { Framework } from "../framework/framework.ts";
import type { CareerPlanRepository, GoalRepository } from "../growth/ports.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { Person } from "../people/person.ts";
import type { PersonReadiness, ReadinessOptions } from "../readiness/readiness-service.ts";
import type { ReadinessSettings } from "../readiness/readiness.ts";
import { assemblePacket } from "./packet.ts";
import {
  OPEN_STATUSES,
  type CaseComment,
  type CaseSection,
  type CaseVote,
  type Committee,
  type Outcome,
  type PromotionCase,
  type PromotionPacket,
  type Vote,
} from "./promotion-case.ts";
import type { CaseFilter, PromotionRepository } from "./ports.ts";

/** An effective date may lie in the past (a decision recorded late), but not by more than this. */
const MAX_BACKDATE_DAYS = 366;
const DAY_MS = 86_400_000;

export interface PromotionServicePorts {
  cases: PromotionRepository;
  people: Pick<PeopleRepository, "findById" | "chainAbove" | "reportsBelow" | "update">;
  activeFramework: () => Promise<{ document: Framework; version: number }>;
  readiness: {
    forPerson(personId: string, options: ReadinessOptions): Promise<PersonReadiness>;
    settings(): Promise<ReadinessSettings>;
  };
  goals: Pick<GoalRepository, "listForPerson">;
  plans: Pick<CareerPlanRepository, "find">;
  /** Calibration adjustments of the candidate's ratings or box, with their reasons, oldest first. */
  calibrationNotes?: (personId: string) => Promise<{ at: Date; change: string; reason: string }[]>;
  audit: AuditRepository;
  now: () => Date;
  /**
   * Tells the organisation's channel that every case of a review cycle is decided (no names, no
   * outcomes), with the cycle's name; left out, nothing is announced.
   */
  announce?: (event: OrganisationEvent) => Promise<void>;
  cycleName?: (cycleId: string) => Promise<string | null>;
  /** Tells people that a case changed stage; in-app and email once notifications are wired. */
  notify?: (message: { recipientIds: string[]; kind: string; subject: string; link: string }) => Promise<void>;
}

/** What a person may see of a case, by their part in it. */
export type CaseRole = "admin" | "candidate" | "nominator" | "committee";

export interface CaseView {
  promotionCase: PromotionCase;
  roles: CaseRole[];
  /** Votes are for the committee and admins; the candidate and nominator see the decision only. */
  votes: CaseVote[] | null;
  comments: CaseComment[] | null;
  committee: Committee | null;
}

export interface PipelineStats {
  nominations: number;
  decided: number;
  approved: number;
  /** Median days from submission to decision over decided cases; null without any. */
  medianDaysToDecision: number | null;
  byLevel: { levelId: string; nominations: number; approved: number; decided: number }[];
  /** Approval rate per team, only for teams with at least k decided cases; smaller teams are left out. */
  equity: { team: string; decided: number; approvalRate: number }[];
  hiddenTeams: number;
  k: number;
}

function invalid(path: string, message: string): AppError {
  return new AppError("validation_failed", message, [{ path, message }]);
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Promotion cases from nomination to level change (DESIGN §3 PromotionCase). A manager nominates a
 * direct report, writes the case, and submits it to a committee; the packet is frozen then. Members
 * vote, the chair decides, and an approval moves the level on its effective date.
 */
export class PromotionService {
  constructor(private readonly ports: PromotionServicePorts) {}

  async nominate(
    viewer: Viewer,
    input: { personId: string; toLevelId: string; cycleId?: string | null },
  ): Promise<PromotionCase> {
    const person = await this.requirePerson(input.personId);
    if (person.managerId !== viewer.personId) {
      throw new AppError("forbidden", "Only the person's direct manager can nominate them for promotion");
    }
    const { document } = await this.ports.activeFramework();
    const current = document.levels.find((level) => level.id === person.levelId);
    const target = document.levels.find((level) => level.id === input.toLevelId);
    if (!target) {
      throw invalid("body.toLevelId", `No level "${input.toLevelId}" in the ladder in force`);
    }
    if (!current) {
      throw invalid("body.personId", `${person.name} has no level on the ladder yet; place them before nominating`);
    }
    if (target.rank <= current.rank) {
      throw invalid(
        "body.toLevelId",
        `A promotion goes to a higher level: ${target.name} is not above ${person.name}'s level, ${current.name}`,
      );
    }
    // Each section starts from the evidence the person shares, tagged to its competency: the manager edits from there.
    const readiness = await this.ports.readiness.forPerson(person.id, {
      targetLevelId: target.id,
      canSeePrivateEvidence: false,
    });
    const evidenceOf = new Map(readiness.competencies.map((c) => [c.competencyId, c.evidence]));
    const sections = document.competencies
      .filter((competency) => (document.expectations[target.id]?.[competency.id]?.weight ?? 0) > 0)
      .map((competency) => ({
        competencyId: competency.id,
        text: (evidenceOf.get(competency.id) ?? []).map((e) => `Evidence, ${e.date}: ${e.title}`).join("\n"),
      }));
    const created = await this.ports.cases.create({
      personId: person.id,
      fromLevelId: person.levelId,
      toLevelId: target.id,
      nominatedBy: viewer.personId,
      cycleId: input.cycleId ?? null,
      managerCase: sections,
      createdAt: this.ports.now(),
    });
    await this.record(viewer, "promotion.nominate", created, { toLevelId: target.id, cycleId: created.cycleId });
    return created;
  }

  /**
   * A person asks their manager to nominate them: the manager is told, and the request is in the audit log.
   * Nothing is opened; the manager decides whether to nominate.
   */
  async requestNomination(viewer: Viewer, input: { toLevelId: string; note: string }): Promise<void> {
    const person = await this.requirePerson(viewer.personId);
    if (!person.managerId) throw new AppError("conflict", "You have no manager on record to ask; ask an admin");
    const { document } = await this.ports.activeFramework();
    const current = document.levels.find((level) => level.id === person.levelId);
    const target = document.levels.find((level) => level.id === input.toLevelId);
    if (!target) throw invalid("body.toLevelId", `No level "${input.toLevelId}" in the ladder in force`);
    if (current && target.rank <= current.rank) {
      throw invalid(
        "body.toLevelId",
        `A promotion goes to a higher level: ${target.name} is not above ${current.name}`,
      );
    }
    const open = await this.ports.cases.list({ personId: person.id, statuses: OPEN_STATUSES, limit: 1 });
    if (open.length > 0) {
      throw new AppError("conflict", "You already have an open promotion case");
    }
    await this.ports.audit.record({
      kind: "write",
      actorId: person.id,
      action: "promotion.request",
      subjectId: person.id,
      targetType: "person",
      targetId: person.managerId,
      details: { toLevelId: target.id, note: input.note },
    });
    await this.ports.notify?.({
      recipientIds: [person.managerId],
      kind: "promotion.stage",
      subject: `${person.name} asks you to nominate them for ${target.name}`,
      link: `/people/${person.id}`,
    });
  }

  /** The nominator writes the case while it is a draft; a submitted packet is frozen. */
  async writeCase(viewer: Viewer, caseId: string, sections: CaseSection[]): Promise<PromotionCase> {
    const found = await this.requireCase(caseId);
    if (found.nominatedBy !== viewer.personId) {
      throw new AppError("forbidden", "Only the nominator writes the case");
    }
    this.assertDraft(found);
    const known = new Set(found.managerCase.map((section) => section.competencyId));
    const byId = new Map(sections.map((section) => [section.competencyId, section.text]));
    for (const id of byId.keys()) {
      if (!known.has(id)) {
        throw invalid("body.sections", `"${id}" is not one of the competencies that apply at the target level`);
      }
    }
    const merged = found.managerCase.map((section) => ({
      competencyId: section.competencyId,
      text: byId.get(section.competencyId) ?? section.text,
    }));
    await this.ports.cases.saveManagerCase(found.id, merged);
    await this.record(viewer, "promotion.case.write", found, { sections: [...byId.keys()] });
    return { ...found, managerCase: merged };
  }

  /** Freezes the packet and hands the case to a committee; a member with a conflict is refused. */
  async submit(viewer: Viewer, caseId: string, committeeId: string): Promise<PromotionCase> {
    const found = await this.requireCase(caseId);
    if (found.nominatedBy !== viewer.personId) {
      throw new AppError("forbidden", "Only the nominator submits the case");
    }
    this.assertDraft(found);
    const committee = await this.ports.cases.findCommittee(committeeId);
    if (!committee) throw invalid("body.committeeId", `No committee with id ${committeeId}`);
    await this.assertNoConflict(found, committee);
    const at = this.ports.now();
    const packet = await this.buildPacket(found, at);
    if (!(await this.ports.cases.submit(found.id, { packet, committeeId: committee.id, at }))) {
      throw this.notDraft();
    }
    const submitted = { ...found, status: "submitted" as const, packet, committeeId: committee.id, submittedAt: at };
    await this.record(viewer, "promotion.submit", submitted, {
      committeeId: committee.id,
      score: packet.readiness.score,
      verdict: packet.readiness.verdict,
    });
    await this.tell(submitted, [committee.chairId, ...committee.memberIds, found.personId], "submitted");
    return submitted;
  }

  /** A case as its reader may see it: the decision and rationale for the candidate and nominator, votes for the committee. */
  async view(viewer: Viewer, caseId: string): Promise<CaseView> {
    const found = await this.requireCase(caseId);
    const { roles, committee } = await this.rolesOf(viewer, found);
    if (roles.length === 0) throw new AppError("forbidden", "This promotion case is not yours to read");
    const seesDeliberation = roles.includes("committee") || roles.includes("admin");
    const [votes, comments] = seesDeliberation
      ? await Promise.all([this.ports.cases.votes(found.id), this.ports.cases.comments(found.id)])
      : [null, null];
    return { promotionCase: { ...found, packet: null }, roles, votes, comments, committee };
  }

  /** The frozen packet (or, for a draft, a preview assembled now); every read by another is logged. */
  async readPacket(viewer: Viewer, caseId: string): Promise<{ promotionCase: PromotionCase; packet: PromotionPacket }> {
    const found = await this.requireCase(caseId);
    const { roles } = await this.rolesOf(viewer, found);
    if (roles.length === 0)
      throw new AppError("forbidden", "This packet is only for the candidate, the nominator, the committee and admins");
    const packet = found.packet ?? (await this.buildPacket(found, this.ports.now()));
    await recordRead(this.ports.audit, viewer, {
      subjectId: found.personId,
      targetType: "promotion_packet",
      targetId: found.id,
      details: { status: found.status, roles },
    });
    return { promotionCase: found, packet };
  }

  async comment(viewer: Viewer, caseId: string, body: string): Promise<CaseComment> {
    const found = await this.requireCase(caseId);
    await this.assertDeliberating(viewer, found);
    const comment = await this.ports.cases.addComment(found.id, {
      authorId: viewer.personId,
      body,
      at: this.ports.now(),
    });
    await this.moveToReview(found);
    await this.record(viewer, "promotion.comment", found, { commentId: comment.id });
    return comment;
  }

  async vote(viewer: Viewer, caseId: string, input: { vote: Vote; reason: string }): Promise<void> {
    const found = await this.requireCase(caseId);
    await this.assertDeliberating(viewer, found);
    if (!input.reason.trim()) throw invalid("body.reason", "A vote needs a reason");
    await this.ports.cases.castVote(found.id, {
      memberId: viewer.personId,
      vote: input.vote,
      reason: input.reason.trim(),
      at: this.ports.now(),
    });
    await this.moveToReview(found);
    await this.record(viewer, "promotion.vote", found, { vote: input.vote });
  }

  /** A member declares a conflict of interest: it is recorded, and they take no further part in the case. */
  async declareConflict(viewer: Viewer, caseId: string, note: string): Promise<void> {
    const found = await this.requireCase(caseId);
    const committee = found.committeeId ? await this.ports.cases.findCommittee(found.committeeId) : null;
    if (!committee || !isOnCommittee(committee, viewer.personId)) {
      throw new AppError("forbidden", "Only a member of the case's committee declares a conflict on it");
    }
    if (!note.trim()) throw invalid("body.note", "Say what the conflict is");
    await this.ports.cases.declareConflict(found.id, {
      memberId: viewer.personId,
      note: note.trim(),
      at: this.ports.now(),
    });
    await this.record(viewer, "promotion.conflict", found, { note: note.trim() });
  }

  /** The chair records the decision with its rationale; an approval carries the day the new level takes effect. */
  async decide(
    viewer: Viewer,
    caseId: string,
    input: { outcome: Outcome; rationale: string; effectiveDate?: string | null },
  ): Promise<PromotionCase> {
    const found = await this.requireCase(caseId);
    const committee = found.committeeId ? await this.ports.cases.findCommittee(found.committeeId) : null;
    if (!committee || committee.chairId !== viewer.personId) {
      throw new AppError("forbidden", "Only the chair of the case's committee records the decision");
    }
    if (found.status === "draft") throw new AppError("conflict", "The case has not been submitted yet");
    if (found.status === "decided") throw new AppError("conflict", "The case is already decided");
    const rationale = input.rationale.trim();
    if (!rationale) throw invalid("body.rationale", "A decision needs its rationale");
    const now = this.ports.now();
    let effectiveDate: string | null = null;
    if (input.outcome === "approved") {
      if (!input.effectiveDate)
        throw invalid("body.effectiveDate", "An approval needs the date the new level takes effect");
      const day = Date.parse(`${input.effectiveDate}T00:00:00Z`);
      if (Number.isNaN(day)) throw invalid("body.effectiveDate", "Give the effective date as YYYY-MM-DD");
      if (day < now.getTime() - MAX_BACKDATE_DAYS * DAY_MS) {
        throw invalid("body.effectiveDate", "The effective date is more than a year in the past");
      }
      effectiveDate = input.effectiveDate;
    }
    const decided = await this.ports.cases.decide(found.id, {
      outcome: input.outcome,
      rationale,
      effectiveDate,
      by: viewer.personId,
      at: now,
    });
    if (!decided) throw new AppError("conflict", "The case is already decided");
    const result: PromotionCase = {
      ...found,
      status: "decided",
      outcome: input.outcome,
      rationale,
      effectiveDate,
      decidedBy: viewer.personId,
      decidedAt: now,
    };
    await this.record(viewer, "promotion.decide", result, { outcome: input.outcome, effectiveDate });
    await this.tell(
      result,
      [found.personId, ...(found.nominatedBy ? [found.nominatedBy] : []), ...committee.memberIds],
      "decided",
    );
    if (effectiveDate && effectiveDate <= dayOf(now)) await this.applyLevelChange(result, now);
    await this.announceCycleDecided(result.cycleId);
    return result;
  }

  /** When the last case of a cycle before a committee is decided, the channel hears that the round is done. */
  private async announceCycleDecided(cycleId: string | null): Promise<void> {
    const { announce, cycleName } = this.ports;
    if (!cycleId || !announce || !cycleName) return;
    for (const status of ["submitted", "in-review"] as const) {
      if ((await this.ports.cases.list({ cycleId, status, limit: 1 })).length) return;
    }
    const name = await cycleName(cycleId);
    if (name) await announce({ kind: "promotions.decided", cycle: { id: cycleId, name } });
  }

  /** The scheduled job: every approval whose effective date has come moves the person's level. Safe to run again. */
  async applyDueLevelChanges(): Promise<{ applied: number }> {
    const now = this.ports.now();
    const due = await this.ports.cases.dueForLevelChange(dayOf(now));
    let applied = 0;
    for (const promotionCase of due) if (await this.applyLevelChange(promotionCase, now)) applied += 1;
    return { applied };
  }

  async list(viewer: Viewer, filter: Omit<CaseFilter, "visibleTo">): Promise<PromotionCase[]> {
    return this.ports.cases.list(viewer.isAdmin ? filter : { ...filter, visibleTo: viewer.personId });
  }

  async createCommittee(viewer: Viewer, input: Omit<Committee, "id">): Promise<Committee> {
    assertAdmin(viewer);
    if (!input.memberIds.includes(input.chairId)) input = { ...input, memberIds: [input.chairId, ...input.memberIds] };
    for (const id of input.memberIds) await this.requirePerson(id, "body.memberIds");
    if (input.minRank !== null && input.maxRank !== null && input.minRank > input.maxRank) {
      throw invalid("body.maxRank", "The highest rank of the band is below its lowest");
    }
    const committee = await this.ports.cases.createCommittee(input);
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "promotion.committee.create",
      targetType: "promotion_committee",
      targetId: committee.id,
      details: { name: committee.name, chairId: committee.chairId, memberIds: committee.memberIds },
    });
    return committee;
  }

  /** Everyone signed in: a manager picks a committee on submission; names and members are not secret inside the company. */
  listCommittees(): Promise<Committee[]> {
    return this.ports.cases.listCommittees();
  }

  /** Per-cycle statistics for admins; the equity view shows a team only with at least k decided cases. */
  async stats(viewer: Viewer, filter: { cycleId?: string }): Promise<PipelineStats> {
    assertAdmin(viewer);
    const cases = await this.ports.cases.list({ ...filter, limit: 100_000 });
    const { k } = await this.ports.readiness.settings();
    const decided = cases.filter((c) => c.status === "decided");
    const approved = decided.filter((c) => c.outcome === "approved");
    const days = decided
      .filter((c) => c.submittedAt && c.decidedAt)
      .map((c) => ((c.decidedAt as Date).getTime() - (c.submittedAt as Date).getTime()) / DAY_MS)
      .sort((a, b) => a - b);
    const median =
      days.length === 0
        ? null
        : (days[Math.floor((days.length - 1) / 2)]! + days[Math.ceil((days.length - 1) / 2)]!) / 2;
    const byLevel = new Map<string, { levelId: string; nominations: number; approved: number; decided: number }>();
    for (const c of cases) {
      const row = byLevel.get(c.toLevelId) ?? { levelId: c.toLevelId, nominations: 0, approved: 0, decided: 0 };
      row.nominations += 1;
      if (c.status === "decided") row.decided += 1;
      if (c.outcome === "approved") row.approved += 1;
      byLevel.set(c.toLevelId, row);
    }
    const byTeam = new Map<string, { decided: number; approved: number }>();
    for (const c of decided) {
      const team = c.packet?.candidate.team || "No team";
      const row = byTeam.get(team) ?? { decided: 0, approved: 0 };
      row.decided += 1;
      if (c.outcome === "approved") row.approved += 1;
      byTeam.set(team, row);
    }
    const shown = [...byTeam].filter(([, row]) => row.decided >= k);
    return {
      nominations: cases.length,
      decided: decided.length,
      approved: approved.length,
      medianDaysToDecision: median,
      byLevel: [...byLevel.values()],
      equity: shown.map(([team, row]) => ({ team, decided: row.decided, approvalRate: row.approved / row.decided })),
      hiddenTeams: byTeam.size - shown.length,
      k,
    };
  }

  private async applyLevelChange(promotionCase: PromotionCase, now: Date): Promise<boolean> {
    if (!promotionCase.effectiveDate) return false;
    if (!(await this.ports.cases.markApplied(promotionCase.id, now))) return false;
    const person = await this.ports.people.findById(promotionCase.personId);
    if (!person) return false;
    await this.ports.people.update(
      person.id,
      { levelId: promotionCase.toLevelId },
      {
        source: "promotion",
        reason: promotionCase.rationale,
        actorId: promotionCase.decidedBy,
        caseId: promotionCase.id,
        effectiveAt: new Date(`${promotionCase.effectiveDate}T00:00:00Z`),
      },
    );
    await this.ports.audit.record({
      kind: "write",
      actorId: null,
      action: "promotion.level_changed",
      subjectId: person.id,
      targetType: "promotion_case",
      targetId: promotionCase.id,
      details: { from: person.levelId, to: promotionCase.toLevelId, effectiveDate: promotionCase.effectiveDate },
    });
    await this.tell(
      promotionCase,
      [person.id, ...(promotionCase.nominatedBy ? [promotionCase.nominatedBy] : [])],
      "level changed",
    );
    return true;
  }

  private async buildPacket(promotionCase: PromotionCase, at: Date): Promise<PromotionPacket> {
    const person = await this.requirePerson(promotionCase.personId);
    const [{ document, version }, readiness, goals, settings, notes, plan] = await Promise.all([
      this.ports.activeFramework(),
      // Only what the person shares with their manager: private evidence and goals stay out of the packet.
      this.ports.readiness.forPerson(person.id, {
        targetLevelId: promotionCase.toLevelId,
        canSeePrivateEvidence: false,
      }),
      this.ports.goals.listForPerson(person.id, { sharedOnly: true }),
      this.ports.readiness.settings(),
      this.ports.calibrationNotes?.(person.id) ?? Promise.resolve([]),
      this.ports.plans.find(person.id),
    ]);
    const packet = assemblePacket({
      person,
      promotionCase,
      framework: document,
      frameworkVersion: version,
      readiness,
      goals,
      plan: plan?.isSharedWithManager ? plan : null,
      k: settings.k,
      at,
    });
    const calibrationNotes = notes.map((note) => ({
      at: note.at.toISOString().slice(0, 10),
      change: note.change,
      reason: note.reason,
    }));
    return { ...packet, calibrationNotes };
  }

  private async rolesOf(
    viewer: Viewer,
    promotionCase: PromotionCase,
  ): Promise<{ roles: CaseRole[]; committee: Committee | null }> {
    const roles: CaseRole[] = [];
    if (viewer.isAdmin) roles.push("admin");
    if (promotionCase.personId === viewer.personId) roles.push("candidate");
    if (promotionCase.nominatedBy === viewer.personId) roles.push("nominator");
    const committee = promotionCase.committeeId
      ? await this.ports.cases.findCommittee(promotionCase.committeeId)
      : null;
    if (committee && isOnCommittee(committee, viewer.personId) && promotionCase.personId !== viewer.personId) {
      roles.push("committee");
    }
    return { roles, committee };
  }

  private async assertDeliberating(viewer: Viewer, promotionCase: PromotionCase): Promise<void> {
    const committee = promotionCase.committeeId
      ? await this.ports.cases.findCommittee(promotionCase.committeeId)
      : null;
    if (!committee || !isOnCommittee(committee, viewer.personId) || promotionCase.personId === viewer.personId) {
      throw new AppError("forbidden", "Only the members of the case's committee take part in its review");
    }
    const conflicts = await this.ports.cases.conflicts(promotionCase.id);
    if (conflicts.some((conflict) => conflict.memberId === viewer.personId)) {
      throw new AppError("forbidden", "You declared a conflict of interest on this case");
    }
    if (promotionCase.status === "draft") throw new AppError("conflict", "The case has not been submitted yet");
    if (promotionCase.status === "decided") throw new AppError("conflict", "The case is already decided");
  }

  /** No member may be the candidate, someone who reports to them, or someone between them and the nominator. */
  private async assertNoConflict(promotionCase: PromotionCase, committee: Committee): Promise<void> {
    const [above, below] = await Promise.all([
      this.ports.people.chainAbove(promotionCase.personId),
      this.ports.people.reportsBelow(promotionCase.personId),
    ]);
    const nominatorAt = above.findIndex((person) => person.id === promotionCase.nominatedBy);
    const betweenIds = nominatorAt > 0 ? above.slice(0, nominatorAt).map((person) => person.id) : [];
    const conflicted = new Map<string, string>([
      [promotionCase.personId, "is the candidate"],
      ...below.map((report): [string, string] => [report.person.id, "reports to the candidate"]),
      ...betweenIds.map((id): [string, string] => [id, "is in the candidate's reporting line below the nominator"]),
    ]);
    for (const memberId of [committee.chairId, ...committee.memberIds]) {
      const why = conflicted.get(memberId);
      if (why) {
        const member = await this.ports.people.findById(memberId);
        throw invalid(
          "body.committeeId",
          `${member?.name ?? memberId}, a member of ${committee.name}, ${why}: pick another committee`,
        );
      }
    }
  }

  private async moveToReview(promotionCase: PromotionCase): Promise<void> {
    if (promotionCase.status === "submitted")
      await this.ports.cases.setStatus(promotionCase.id, "submitted", "in-review");
  }

  private assertDraft(promotionCase: PromotionCase): void {
    if (promotionCase.status !== "draft") throw this.notDraft();
  }

  private notDraft(): AppError {
    return new AppError("conflict", "The case was submitted: its packet is frozen and can no longer be edited");
  }

  private async requireCase(id: string): Promise<PromotionCase> {
    const found = await this.ports.cases.find(id);
    if (!found) throw notFound("promotion case", id);
    return found;
  }

  private async requirePerson(id: string, path = "body.personId"): Promise<Person> {
    const person = await this.ports.people.findById(id);
    if (!person) throw new AppError("not_found", `No person with id ${id}`, [{ path, message: "unknown person" }]);
    return person;
  }

  private record(viewer: Viewer, action: string, promotionCase: PromotionCase, details: Record<string, unknown>) {
    return this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action,
      subjectId: promotionCase.personId,
      targetType: "promotion_case",
      targetId: promotionCase.id,
      details: { status: promotionCase.status, ...details },
    });
  }

  private async tell(promotionCase: PromotionCase, recipientIds: string[], stage: string): Promise<void> {
    if (!this.ports.notify) return;
    const candidate = await this.ports.people.findById(promotionCase.personId);
    await this.ports.notify({
      recipientIds: [...new Set(recipientIds)],
      kind: "promotion.stage",
      subject: `The promotion case of ${candidate?.name ?? "a colleague"} was ${stage}`,
      link: `/promotions/${promotionCase.id}`,
    });
  }
}

function isOnCommittee(committee: Committee, personId: string): boolean {
  return committee.chairId === personId || committee.memberIds.includes(personId);
}
