import { AppError, notFound } from "../errors/app-error.ts";
import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";
import type { AuditRepository } from "../audit/audit.ts";
import type { AssessmentRepository } from "../assessments/ports.ts";
import type { Framework } from "../framework/framework.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { Person } from "../people/person.ts";
import { computeReadiness, readinessWindow } from "../readiness/compute-readiness.ts";
import type { SettingsRepository } from "../readiness/ports.ts";
import type { ReadinessSettings, SubmittedRating } from "../readiness/readiness.ts";
import { nextLevel, type ReadinessService } from "../readiness/readiness-service.ts";
import {
  assertValidGuideline,
  assertValidThresholds,
  bandOf,
  DEFAULT_NINE_BOX_THRESHOLDS,
  distributionOf,
  NINE_BOX_SETTINGS_KEY,
  nineBoxOf,
  requireReason,
  type CalibrationAdjustment,
  type CalibrationCompetency,
  type CalibrationGuideline,
  type CalibrationMeasure,
  type CalibrationPerson,
  type CalibrationScope,
  type CalibrationSession,
  type DistributionRow,
  type LoadedSession,
  type NineBoxCell,
  type NineBoxPlacement,
  type NineBoxThresholds,
  type ManagerRaterEffect,
  type StoredPlacement,
} from "./calibration.ts";
import type { CalibrationRepository } from "./ports.ts";
import { latestRatingAdjustments, withCalibratedRatings } from "./calibrated-ratings.ts";

export interface CalibrationPorts {
  calibration: CalibrationRepository;
  people: Pick<PeopleRepository, "findById" | "list" | "reportsBelow">;
  /** Released ratings as readiness counts them: peer and upward ones anonymised, by release. */
  assessments: Pick<AssessmentRepository, "countableRatings">;
  /** The ladder in force and the readiness settings (weights, k), as readiness itself reads them. */
  readiness: Pick<ReadinessService, "framework" | "settings">;
  settings: SettingsRepository;
  audit: AuditRepository;
  /**
   * The rater effect of each subject's manager in the cycle, from the rater-effects model once it
   * exists; until then every person shows null.
   */
  raterEffects?: (cycleId: string, managerIds: string[]) => Promise<Map<string, ManagerRaterEffect>>;
  /** Tells a person (in the app and by mail, as they chose); the manager learns of a calibrated rating of their report. */
  notify?: (
    recipientId: string,
    notification: { kind: string; subject: string; link: string; email?: { body: string } },
  ) => Promise<unknown>;
  now?: () => Date;
}

export interface NewSessionInput {
  cycleId: string;
  name: string;
  scope: CalibrationScope;
  facilitatorId: string;
  /** The managers of the people in scope unless given. */
  participantIds?: string[];
  guideline?: CalibrationGuideline | null;
}

export interface ManagerAdjustment extends CalibrationAdjustment {
  subjectName: string;
  /** Who made the adjustment; null when that person is gone. */
  byName: string | null;
}

interface Ladder {
  document: Framework;
  settings: ReadinessSettings;
  thresholds: NineBoxThresholds;
}

/** The calibration meeting of a review cycle: who is in it, what it shows, and every change with its reason. */
export class CalibrationService {
  private readonly now: () => Date;

  constructor(private readonly ports: CalibrationPorts) {
    this.now = ports.now ?? (() => new Date());
  }

  async thresholds(): Promise<NineBoxThresholds> {
    const stored = await this.ports.settings.get<Partial<NineBoxThresholds>>(NINE_BOX_SETTINGS_KEY);
    return {
      performance: { ...DEFAULT_NINE_BOX_THRESHOLDS.performance, ...stored?.performance },
      potential: { ...DEFAULT_NINE_BOX_THRESHOLDS.potential, ...stored?.potential },
    };
  }

  async readThresholds(viewer: Viewer): Promise<NineBoxThresholds> {
    assertAdmin(viewer);
    return this.thresholds();
  }

  async updateThresholds(viewer: Viewer, next: NineBoxThresholds): Promise<NineBoxThresholds> {
    assertAdmin(viewer);
    assertValidThresholds(next);
    const before = await this.thresholds();
    await this.ports.settings.set(NINE_BOX_SETTINGS_KEY, next);
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "settings.calibration.update",
      targetType: "settings",
      targetId: NINE_BOX_SETTINGS_KEY,
      details: { before, after: next },
    });
    return next;
  }

  /** An admin opens a session over a scope of the cycle's people, with a facilitator and participants. */
  async createSession(viewer: Viewer, input: NewSessionInput): Promise<CalibrationSession> {
    assertAdmin(viewer);
    if (!(await this.ports.calibration.cycleExists(input.cycleId))) throw notFound("review cycle", input.cycleId);
    if (input.guideline) assertValidGuideline(input.guideline);
    const inScope = await this.ports.calibration.peopleInScope(input.scope);
    if (inScope.length === 0) {
      throw new AppError("validation_failed", "The scope selects nobody", [
        { path: "scope", message: "no active person matches these filters" },
      ]);
    }
    const participantIds = [
      ...new Set(input.participantIds ?? inScope.flatMap((p) => (p.managerId ? [p.managerId] : []))),
    ];
    const named = [...new Set([input.facilitatorId, ...participantIds])];
    const found = await this.ports.people.list({ ids: named, limit: named.length });
    const missing = named.filter((id) => !found.people.some((p) => p.id === id));
    if (missing.length > 0) {
      throw new AppError("validation_failed", "Some facilitator or participant is not a person here", [
        {
          path: missing.includes(input.facilitatorId) ? "facilitatorId" : "participantIds",
          message: missing.join(", "),
        },
      ]);
    }
    const session = await this.ports.calibration.createSession(
      {
        cycleId: input.cycleId,
        name: input.name.trim(),
        scope: input.scope,
        facilitatorId: input.facilitatorId,
        participantIds,
        guideline: input.guideline ?? null,
        createdBy: viewer.personId,
      },
      this.now(),
    );
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "calibration.session.create",
      targetType: "calibration_session",
      targetId: session.id,
      details: { cycleId: session.cycleId, scope: session.scope, people: inScope.length, participantIds },
    });
    return session;
  }

  /** Sessions the viewer facilitates or takes part in; all of them for an admin. */
  async listSessions(viewer: Viewer): Promise<CalibrationSession[]> {
    return this.ports.calibration.listSessions(viewer.isAdmin ? { all: true } : { personId: viewer.personId });
  }

  /**
   * Everything the session shows, for its facilitator, participants and admins only: each person in
   * scope with attributed ratings, released aggregates and readiness, in a fixed number of queries.
   */
  async loadSession(viewer: Viewer, sessionId: string): Promise<LoadedSession> {
    const { loaded, adjustments } = await this.loadPeople(viewer, sessionId);
    const { session, people } = loaded;
    const named = [
      session.facilitatorId,
      ...session.participantIds,
      ...people.map((p) => p.managerId),
      ...adjustments.map((a) => a.by),
    ];
    return { ...loaded, names: await this.namesOf(named) };
  }

  private async loadPeople(
    viewer: Viewer,
    sessionId: string,
  ): Promise<{ loaded: Omit<LoadedSession, "names">; adjustments: CalibrationAdjustment[] }> {
    const session = await this.authorizedSession(viewer, sessionId);
    const [ladder, people, adjustments, placements] = await Promise.all([
      this.ladder(),
      this.scopeOf(session),
      this.ports.calibration.adjustments(session.id),
      this.ports.calibration.placements(session.id),
    ]);
    const loaded = {
      session,
      thresholds: ladder.thresholds,
      people: await this.present(session, people, ladder, adjustments, placements),
      isFrozen: session.status === "closed",
    };
    return { loaded, adjustments };
  }

  /** Names by id, in one read; ids of people who are gone are left out. */
  private async namesOf(ids: (string | null)[]): Promise<Record<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => id !== null))];
    if (unique.length === 0) return {};
    const { people } = await this.ports.people.list({ ids: unique, limit: unique.length });
    return Object.fromEntries(people.map((p) => [p.id, p.name]));
  }

  async distribution(viewer: Viewer, sessionId: string, measure: CalibrationMeasure): Promise<DistributionRow[]> {
    const { loaded } = await this.loadPeople(viewer, sessionId);
    return distributionOf(loaded.people, measure, loaded.session.guideline);
  }

  async nineBox(viewer: Viewer, sessionId: string): Promise<NineBoxCell[]> {
    return nineBoxOf((await this.loadPeople(viewer, sessionId)).loaded.people);
  }

  /** Every adjustment of the session, oldest first, for its members. */
  async listAdjustments(viewer: Viewer, sessionId: string): Promise<CalibrationAdjustment[]> {
    const session = await this.authorizedSession(viewer, sessionId);
    return this.ports.calibration.adjustments(session.id);
  }

  /** Changes a manager's rating of one competency of one person in scope, with a reason, in the audit log. */
  async adjustRating(
    viewer: Viewer,
    sessionId: string,
    input: { subjectId: string; competencyId: string; to: number; reason?: string },
  ): Promise<CalibrationAdjustment> {
    const session = await this.authorizedSession(viewer, sessionId);
    const reason = requireReason(input.reason);
    assertOpen(session);
    const [ladder, subject] = await Promise.all([this.ladder(), this.subjectInScope(session, input.subjectId)]);
    const { scale, competencies } = ladder.document;
    if (!competencies.some((c) => c.id === input.competencyId)) {
      throw new AppError("validation_failed", `Unknown competency "${input.competencyId}"`, [
        { path: "competencyId", message: "not a competency of the ladder" },
      ]);
    }
    if (input.to < scale.min || input.to > scale.max) {
      throw new AppError("validation_failed", `A rating is between ${scale.min} and ${scale.max}`, [
        { path: "to", message: `outside ${scale.min}–${scale.max}` },
      ]);
    }
    const [adjustments, ratings] = await Promise.all([
      this.ports.calibration.adjustments(session.id),
      this.ports.calibration.cycleRatings(session.cycleId, [subject.id]),
    ]);
    const from =
      latestRatingAdjustments(adjustments).get(`${subject.id}:${input.competencyId}`) ??
      ratings.find((r) => r.relation === "manager" && r.competencyId === input.competencyId)?.score ??
      null;
    if (from === input.to) {
      throw new AppError("validation_failed", "The rating already has this value", [
        { path: "to", message: "no change" },
      ]);
    }
    const stored = await this.store(viewer, session, {
      subjectId: subject.id,
      competencyId: input.competencyId,
      kind: "rating",
      from,
      to: input.to,
      reason,
    });
    // Nothing a calibration changes is silent: the manager whose rating moved is told. The reason stays in
    // the app, not in a mail that leaves it.
    if (subject.managerId && subject.managerId !== viewer.personId && this.ports.notify) {
      const competency = competencies.find((c) => c.id === input.competencyId)?.name ?? input.competencyId;
      const change = `from ${from ?? "no rating"} to ${input.to}`;
      await this.ports.notify(subject.managerId, {
        kind: "calibration.adjusted",
        subject: `Calibration changed your rating of ${subject.name} on ${competency}`,
        link: `/team/${subject.id}`,
        email: {
          body: `In the calibration session "${session.name}", your rating of ${subject.name} on ${competency} was changed ${change}.\n\nAscent keeps the reason given, for you to read there.`,
        },
      });
    }
    return stored;
  }

  /** Moves a person in scope to another box of the 9-box, with a reason, in the audit log. */
  async moveInNineBox(
    viewer: Viewer,
    sessionId: string,
    input: { subjectId: string; to: NineBoxPlacement; reason?: string },
  ): Promise<CalibrationAdjustment> {
    const session = await this.authorizedSession(viewer, sessionId);
    const reason = requireReason(input.reason);
    assertOpen(session);
    const [ladder, subject, adjustments, placements] = await Promise.all([
      this.ladder(),
      this.subjectInScope(session, input.subjectId),
      this.ports.calibration.adjustments(session.id),
      this.ports.calibration.placements(session.id),
    ]);
    const [current] = await this.present(session, [subject], ladder, adjustments, placements);
    if (!current) throw new AppError("internal", `No placement computed for ${subject.id}`);
    if (current.box.performance === input.to.performance && current.box.potential === input.to.potential) {
      throw new AppError("validation_failed", "The person is in this box already", [
        { path: "to", message: "no change" },
      ]);
    }
    return this.store(
      viewer,
      session,
      { subjectId: subject.id, competencyId: null, kind: "box", from: current.box, to: input.to, reason },
      input.to,
    );
  }

  /** Every adjustment to the ratings and boxes of the people below the viewer, with its reason. */
  async listAdjustmentsForManager(viewer: Viewer): Promise<ManagerAdjustment[]> {
    const reports = await this.ports.people.reportsBelow(viewer.personId);
    if (reports.length === 0) return [];
    const names = new Map(reports.map((r) => [r.person.id, r.person.name]));
    const adjustments = await this.ports.calibration.adjustmentsAbout([...names.keys()]);
    const authors = await this.namesOf(adjustments.map((a) => a.by));
    return adjustments.map((a) => ({
      ...a,
      subjectName: names.get(a.subjectId) ?? "",
      byName: (a.by && authors[a.by]) || null,
    }));
  }

  /** The facilitator or an admin closes the session: its scores and boxes are frozen as they stand. */
  async closeSession(viewer: Viewer, sessionId: string): Promise<LoadedSession> {
    const session = await this.authorizedSession(viewer, sessionId);
    if (!viewer.isAdmin && session.facilitatorId !== viewer.personId) {
      throw new AppError("forbidden", "Only the facilitator or an admin can close a calibration session");
    }
    assertOpen(session);
    const { loaded } = await this.loadPeople(viewer, sessionId);
    const at = this.now();
    const frozen = loaded.people.map((p) => ({
      subjectId: p.personId,
      performance: p.performance.score,
      potential: p.potential.score,
    }));
    if (!(await this.ports.calibration.close(session.id, viewer.personId, at, frozen))) throw closedConflict();
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "calibration.session.close",
      targetType: "calibration_session",
      targetId: session.id,
      details: { people: frozen.length },
    });
    return this.loadSession(viewer, sessionId);
  }

  private async store(
    viewer: Viewer,
    session: CalibrationSession,
    change: Pick<CalibrationAdjustment, "subjectId" | "competencyId" | "kind" | "from" | "to" | "reason">,
    box?: NineBoxPlacement,
  ): Promise<CalibrationAdjustment> {
    const stored = await this.ports.calibration.addAdjustment(
      { ...change, sessionId: session.id, by: viewer.personId, at: this.now() },
      box,
    );
    if (!stored) throw closedConflict();
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: change.kind === "rating" ? "calibration.rating.adjust" : "calibration.box.move",
      subjectId: change.subjectId,
      targetType: "calibration_session",
      targetId: session.id,
      details: {
        adjustmentId: stored.id,
        competencyId: change.competencyId,
        from: change.from,
        to: change.to,
        reason: change.reason,
      },
    });
    return stored;
  }

  /** The facilitator, the participants and admins; anyone else learns nothing of the session. */
  private async authorizedSession(viewer: Viewer, sessionId: string): Promise<CalibrationSession> {
    const session = await this.ports.calibration.findSession(sessionId);
    if (!session) throw notFound("calibration session", sessionId);
    const isMember = session.facilitatorId === viewer.personId || session.participantIds.includes(viewer.personId);
    if (!isMember && !viewer.isAdmin) {
      throw new AppError("forbidden", "Only the session's facilitator, its participants and admins can see it");
    }
    return session;
  }

  /** The people in scope now; once closed, the people it was closed with. */
  private async scopeOf(session: CalibrationSession): Promise<Person[]> {
    if (session.status === "open") return this.ports.calibration.peopleInScope(session.scope);
    const frozen = (await this.ports.calibration.placements(session.id)).filter((p) => p.isFrozen);
    const ids = frozen.map((p) => p.subjectId);
    if (ids.length === 0) return [];
    return (await this.ports.people.list({ ids, limit: ids.length })).people;
  }

  private async subjectInScope(session: CalibrationSession, subjectId: string): Promise<Person> {
    const subject = (await this.scopeOf(session)).find((p) => p.id === subjectId);
    if (!subject) {
      throw new AppError("validation_failed", "This person is not in the session's scope", [
        { path: "subjectId", message: "outside the session's scope" },
      ]);
    }
    return subject;
  }

  private async ladder(): Promise<Ladder> {
    const [framework, settings, thresholds] = await Promise.all([
      this.ports.readiness.framework(),
      this.ports.readiness.settings(),
      this.thresholds(),
    ]);
    return { document: framework.document, settings, thresholds };
  }

  /** Each person's view, from a fixed number of batch reads whatever the number of people. */
  private async present(
    session: CalibrationSession,
    people: Person[],
    { document, settings, thresholds }: Ladder,
    adjustments: CalibrationAdjustment[],
    placements: StoredPlacement[],
  ): Promise<CalibrationPerson[]> {
    const now = this.now();
    const ids = people.map((p) => p.id);
    const managerIds = [...new Set(people.flatMap((p) => (p.managerId ? [p.managerId] : [])))];
    const [countable, cycleRatings, effects] = await Promise.all([
      this.ports.assessments.countableRatings(ids, now),
      this.ports.calibration.cycleRatings(session.cycleId, ids),
      this.ports.raterEffects?.(session.cycleId, managerIds) ?? Promise.resolve(new Map<string, ManagerRaterEffect>()),
    ]);
    const calibrated = latestRatingAdjustments(adjustments);
    const placementBySubject = new Map(placements.map((p) => [p.subjectId, p]));
    const cycleBySubject = groupBy(cycleRatings, (r) => r.subjectId);
    const adjustmentsBySubject = groupBy(
      adjustments.filter((a) => a.kind === "rating"),
      (a) => a.subjectId,
    );
    const window = readinessWindow(now);
    const lowest = [...document.levels].sort((a, b) => a.rank - b.rank)[0];
    return people.map((person): CalibrationPerson => {
      const own = cycleBySubject.get(person.id) ?? [];
      const managerRaterId = own.find((r) => r.relation === "manager")?.raterId ?? person.managerId;
      const ratings = withCalibratedRatings(
        // Written comments are never part of a calibration: they go before the rule sees them.
        (countable.get(person.id) ?? []).map(withoutComment),
        managerRaterId,
        calibrated,
        adjustmentsBySubject.get(person.id) ?? [],
      );
      const ownLevel = document.levels.find((l) => l.id === person.levelId) ?? lowest;
      const readinessAt = (targetLevelId: string) =>
        computeReadiness({ framework: document, targetLevelId, ratings, window, settings });
      const performance = readinessAt(ownLevel?.id ?? nextLevel(document, null).id);
      const potential = readinessAt(nextLevel(document, person.levelId).id);
      const placement = placementBySubject.get(person.id);
      const performanceScore = placement?.isFrozen ? (placement.performance ?? 0) : performance.score;
      const potentialScore = placement?.isFrozen ? (placement.potential ?? 0) : potential.score;
      const proposedBox = {
        performance: bandOf(performanceScore, thresholds.performance),
        potential: bandOf(potentialScore, thresholds.potential),
      };
      const groups = new Map(
        [...potential.competencies, ...performance.competencies].map((c) => [c.competencyId, c.groups]),
      );
      const competencies = document.competencies.flatMap((competency): CalibrationCompetency[] => {
        const group = groups.get(competency.id);
        if (!group) return [];
        const managerRating =
          own.find((r) => r.relation === "manager" && r.competencyId === competency.id)?.score ?? null;
        return [
          {
            competencyId: competency.id,
            managerRating,
            calibratedRating: calibrated.get(`${person.id}:${competency.id}`) ?? managerRating,
            selfRating: own.find((r) => r.relation === "self" && r.competencyId === competency.id)?.score ?? null,
            peer: group.peer,
            upward: group.upward,
          },
        ];
      });
      return {
        personId: person.id,
        name: person.name,
        title: person.title,
        team: person.team,
        levelId: person.levelId,
        managerId: person.managerId,
        competencies,
        performance: {
          targetLevelId: performance.targetLevelId,
          score: performanceScore,
          verdict: performance.verdict,
        },
        potential: { targetLevelId: potential.targetLevelId, score: potentialScore, verdict: potential.verdict },
        box: placement?.calibrated ?? proposedBox,
        proposedBox,
        boxReason: placement?.calibrated ? placement.reason : null,
        managerRaterEffect: (person.managerId && effects.get(person.managerId)) || null,
      };
    });
  }
}

function closedConflict(): AppError {
  return new AppError("conflict", "The calibration session is closed: its calibrated values are frozen");
}

function assertOpen(session: CalibrationSession): void {
  if (session.status === "closed") throw closedConflict();
}

function withoutComment(rating: SubmittedRating): SubmittedRating {
  if (rating.comment === undefined) return rating;
  const { comment: _comment, ...rest } = rating;
  return rest;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}

/** subjectId:competencyId → the latest calibrated rating (adjustments come oldest first). */
