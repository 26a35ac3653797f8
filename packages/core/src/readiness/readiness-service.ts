import { AppError } from "../errors/app-error.ts";
import type { AssessmentRepository, FeedbackRequestRepository } from "../assessments/ports.ts";
import { NO_MEMO, type Memo, type Remembered } from "../caching/memo.ts";
import { ACTIVE_FRAMEWORK_SLUG } from "../assessments/assessment-service.ts";
import type { EvidenceRepository } from "../evidence/evidence.ts";
import type { Framework, Level } from "../framework/framework.ts";
import type { FrameworkCatalog } from "../framework/framework-catalog.ts";
import { nextOnTrack } from "../framework/tracks.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { Person } from "../people/person.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { recordRead } from "../audit/read-log.ts";
import type { Viewer } from "../access/viewer.ts";
import { assertAdmin, type Access } from "../access/access.ts";
import { subject } from "../access/policy.ts";
import { assertValidSettings, computeReadiness, readinessWindow } from "./compute-readiness.ts";
import { withReleasedCalibration, type ReleasedCalibration } from "../calibration/calibrated-ratings.ts";
import {
  correctManagerRatings,
  MANAGER_OFFSETS_KEY,
  type ManagerCorrectionNote,
  type ManagerOffsets,
} from "./manager-correction.ts";
import type { ManagementChains, ReadinessSnapshot, ReadinessSnapshotRepository, SettingsRepository } from "./ports.ts";
import {
  DEFAULT_READINESS_SETTINGS,
  type CompetencyReadiness,
  type CommentSummary,
  type EvidenceRef,
  type Readiness,
  type ReadinessSettings,
  type SubmittedRating,
} from "./readiness.ts";

export const READINESS_SETTINGS_KEY = "readiness";

/** Who reads a person's readiness in full: the person and the managers above them. */
const PERSONAL_READERS = subject("id", "self", "managementChain");

/**
 * A person's readiness is theirs and their managers' above. Admins read the numbers too (they run
 * the organisation's reviews and the `ascent` command acts as one), but not what is private to the
 * person and their managers: no evidence and no released comments (DESIGN §5), and each read is logged.
 */
export const READINESS_READERS = subject("id", "self", "managementChain", "admin");

/** Why an admin's read of someone's readiness carries no comments. */
const COMMENTS_NOT_FOR_ADMINS = "Released comments are shown to the person and their managers only";

/** People computed again per step when the settings change: one ratings query each. */
const REFRESH_CHUNK = 500;

export interface ReadinessPorts {
  people: PeopleRepository;
  assessments: AssessmentRepository;
  evidence: EvidenceRepository;
  frameworks: FrameworkCatalog;
  settings: SettingsRepository;
  snapshots: ReadinessSnapshotRepository;
  /** Changes to the readiness settings are written to the audit log. */
  audit: AuditRepository;
  /** Who may read whose readiness (READINESS_READERS). */
  access: Pick<Access, "authorize">;
  /** For the moment open feedback requests fall due, which releases their answers. */
  requests: Pick<FeedbackRequestRepository, "nextDueDates" | "recordReleaseThreshold">;
  /** Keeps results between requests; a change to the person, their managers, settings or the ladder drops them. */
  memo?: Memo;
  /** Whose change drops a kept result besides the person's own: the managers above them. */
  chains?: ManagementChains;
  /**
   * When the last review cycle closed (or was released) by `now` started: the window then runs from
   * there (DESIGN §4); null when no cycle has closed, and the window is the last 12 months.
   */
  lastClosedCycleStart?: (now: Date) => Promise<Date | null>;
  /** Fits a cycle's rater effects: each identifiable manager's offset by person id. */
  fitManagerOffsets?: (cycleId: string) => Promise<Record<string, number>>;
  /** Rating adjustments of released cycles' closed calibrations, by subject: they count in place of the manager's. */
  releasedCalibrations?: (subjectIds: string[]) => Promise<Map<string, ReleasedCalibration>>;
  /** The review cycle released last, whose offsets count when the correction is turned on. */
  lastReleasedCycle?: () => Promise<{ id: string; name: string } | null>;
  now?: () => Date;
}

export interface ReadinessOptions {
  targetLevelId?: string;
  canSeePrivateEvidence: boolean;
}

/** Whose evidence shows: the person's own view includes private entries; everyone else's, shared ones only. */
function memoKey(personId: string, options: ReadinessOptions): string {
  return `readiness:${personId}:${options.targetLevelId ?? "next"}:${options.canSeePrivateEvidence ? "own" : "shared"}`;
}

/**
 * When time alone changes a result: the oldest rating it counts leaving the window, or an open
 * feedback request falling due (its answers are then released).
 */
export function readinessExpiry(
  ratings: SubmittedRating[],
  now: Date,
  nextDueAt: Date | undefined,
  cycleStart: Date | null = null,
): Date | null {
  const window = readinessWindow(now);
  const counted = ratings.filter((r) => r.submittedAt >= window.from).map((r) => r.submittedAt.getTime());
  // A window that starts with a closed cycle does not slide: time alone takes no rating out of it.
  const leavesWindow =
    counted.length && !cycleStart ? Math.min(...counted) + (now.getTime() - window.from.getTime()) : Infinity;
  const expiry = Math.min(leavesWindow, nextDueAt?.getTime() ?? Infinity);
  return expiry === Infinity ? null : new Date(expiry);
}

export interface PersonReadiness extends Readiness {
  personId: string;
  currentLevelId: string | null;
  frameworkVersion: number;
  settings: ReadinessSettings;
  /** Set when manager ratings were corrected for their leniency (an organisation setting). */
  managerCorrection: ManagerCorrectionNote | null;
}

/**
 * The next level up on the person's own track (the same rule as the stretch ratings' `levelAbove`), their
 * own level at the top, and the lowest level for someone not yet placed.
 */
export function nextLevel(framework: Framework, levelId: string | null): Level {
  const current = framework.levels.find((l) => l.id === levelId);
  const level = current
    ? (nextOnTrack(framework, current) ?? current)
    : [...framework.levels].sort((a, b) => a.rank - b.rank)[0];
  if (!level) throw new AppError("not_found", "The framework has no levels");
  return level;
}

/** Readiness for the next level at one past moment, with each competency's numbers then (for "then versus now"). */
export interface ReadinessHistoryPoint {
  at: Date;
  score: number;
  verdict: Readiness["verdict"];
  targetLevelId: string;
  competencies: Pick<CompetencyReadiness, "competencyId" | "expected" | "observed" | "status">[];
}

/**
 * A person's readiness over time. Each point is for the level after the one they held then (from their level
 * history), so a promotion does not rewrite the past; `targetLevelId` is the one after their level now.
 */
export interface ReadinessHistory {
  targetLevelId: string;
  points: ReadinessHistoryPoint[];
}

/** Gathers what the readiness rule needs and keeps the per-person snapshots fresh. */
export class ReadinessService {
  private readonly now: () => Date;

  private readonly memo: Memo;

  constructor(private readonly ports: ReadinessPorts) {
    this.now = ports.now ?? (() => new Date());
    this.memo = ports.memo ?? NO_MEMO;
  }

  settings(): Promise<ReadinessSettings> {
    return this.memo.remember("readiness-settings", async () => {
      const stored = await this.ports.settings.get<Partial<ReadinessSettings>>(READINESS_SETTINGS_KEY);
      const settings = {
        weights: { ...DEFAULT_READINESS_SETTINGS.weights, ...stored?.weights },
        k: stored?.k ?? DEFAULT_READINESS_SETTINGS.k,
        correctManagerLeniency: stored?.correctManagerLeniency ?? false,
      };
      return { value: settings, dependsOn: [] };
    });
  }

  /**
   * An admin's new weights, k and manager correction. Releases made before a change of k keep the k they were made under
   * (recorded after the new value is saved, so a request released in between keeps the stricter one);
   * every stored readiness used the old settings, so all are computed again.
   */
  async updateSettings(actor: Viewer, change: ReadinessSettings): Promise<ReadinessSettings> {
    assertAdmin(actor);
    assertValidSettings(change);
    const before = await this.settings();
    // The correction is kept as it was when a change leaves it out.
    const next = { ...change, correctManagerLeniency: change.correctManagerLeniency ?? before.correctManagerLeniency };
    await this.ports.settings.set(READINESS_SETTINGS_KEY, next);
    if (next.correctManagerLeniency && !(await this.managerOffsets())) {
      const released = await this.ports.lastReleasedCycle?.();
      if (released) await this.recordManagerOffsets(released);
    }
    if (before.k !== next.k) await this.ports.requests.recordReleaseThreshold(before.k, this.now());
    await this.ports.audit.record({
      kind: "write",
      actorId: actor.personId,
      action: "settings.readiness.update",
      targetType: "settings",
      targetId: "readiness",
      details: { before, after: next },
    });
    await this.refreshAllSnapshots();
    return next;
  }

  /** The offsets of the last released cycle, or null before any was recorded. */
  managerOffsets(): Promise<ManagerOffsets | null> {
    return this.memo.remember(MANAGER_OFFSETS_KEY, async () => ({
      value: await this.ports.settings.get<ManagerOffsets>(MANAGER_OFFSETS_KEY),
      dependsOn: [],
    }));
  }

  /**
   * Keeps a released cycle's manager offsets for the correction setting. Not a use case: the cycle's
   * release, which an admin made and the audit log holds, calls it; the caller refreshes readiness.
   */
  async recordManagerOffsets(cycle: { id: string; name: string }): Promise<void> {
    if (!this.ports.fitManagerOffsets) return;
    const offsets: ManagerOffsets = {
      cycleId: cycle.id,
      cycleName: cycle.name,
      fittedAt: this.now().toISOString(),
      offsets: await this.ports.fitManagerOffsets(cycle.id),
    };
    await this.ports.settings.set(MANAGER_OFFSETS_KEY, offsets);
  }

  /** Recomputes every stored snapshot, after a change to everyone's rule: new settings, or a cycle's release. */
  async refreshAllSnapshots(): Promise<void> {
    const stored = (await this.ports.snapshots.list()).map((s) => s.personId);
    for (let i = 0; i < stored.length; i += REFRESH_CHUNK) {
      await this.refreshSnapshots(stored.slice(i, i + REFRESH_CHUNK));
    }
  }

  framework(): Promise<{ document: Framework; version: number }> {
    return this.memo.remember("framework:latest", async () => {
      const version = await this.ports.frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest");
      return { value: { document: version.document, version: version.version }, dependsOn: [] };
    });
  }

  private async requirePerson(personId: string): Promise<Person> {
    const person = await this.ports.people.findById(personId);
    if (!person) throw new AppError("not_found", `No person with id "${personId}"`);
    return person;
  }

  private async evidenceByPerson(
    personIds: string[],
    includePrivate: boolean,
  ): Promise<Map<string, Record<string, EvidenceRef[]>>> {
    const items = await this.ports.evidence.listForPeople(personIds, { sharedOnly: !includePrivate });
    const byPerson = new Map<string, Record<string, EvidenceRef[]>>();
    for (const item of items) {
      const byCompetency = byPerson.get(item.personId) ?? {};
      byPerson.set(item.personId, byCompetency);
      for (const competencyId of item.competencyIds) {
        (byCompetency[competencyId] ??= []).push({ id: item.id, title: item.title, date: item.date });
      }
    }
    return byPerson;
  }

  /**
   * The readiness a viewer may read of a person: their own with all their evidence, a report's with
   * the evidence shared with the manager. A read of someone else's evidence is logged for its owner
   * (DESIGN §5). The same result object comes back while it is fresh, so callers may keep what they
   * make of it.
   */
  async readFor(viewer: Viewer, personId: string, target: { targetLevelId?: string } = {}): Promise<PersonReadiness> {
    // The relationship comes from the per-process memo: on the hot path this costs no query.
    await this.ports.access.authorize(viewer, READINESS_READERS, personId);
    if (viewer.isAdmin && viewer.personId !== personId && !(await this.isPersonalReader(viewer, personId))) {
      return this.readAsAdmin(viewer, personId, target);
    }
    const result = await this.forPerson(personId, { ...target, canSeePrivateEvidence: viewer.personId === personId });
    const evidenceIds = this.evidenceShownIn(result);
    if (evidenceIds.length > 0) {
      await recordRead(this.ports.audit, viewer, {
        subjectId: result.personId,
        targetType: "evidence",
        targetId: result.personId,
        details: { evidenceIds, via: "readiness" },
      });
    }
    return result;
  }

  /**
   * The numbers of a person's readiness, with only the evidence they share, for comparing raters side
   * by side: for READINESS_READERS, like every read of a person's readiness. Evidence plays no part in
   * the comparison, so no read of it is logged.
   */
  async sharedReadinessFor(viewer: Viewer, personId: string): Promise<PersonReadiness> {
    await this.ports.access.authorize(viewer, READINESS_READERS, personId);
    return this.forPerson(personId, { canSeePrivateEvidence: false });
  }

  private async isPersonalReader(viewer: Viewer, personId: string): Promise<boolean> {
    try {
      await this.ports.access.authorize(viewer, PERSONAL_READERS, personId);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === "forbidden") return false;
      throw error;
    }
  }

  /** An admin outside the person's chain: the numbers, with no evidence and no comments; the read is logged. */
  private async readAsAdmin(
    viewer: Viewer,
    personId: string,
    target: { targetLevelId?: string },
  ): Promise<PersonReadiness> {
    const result = await this.forPerson(personId, { ...target, canSeePrivateEvidence: false });
    const hide = (summary: CommentSummary | null): CommentSummary | null =>
      summary === null ? null : { hidden: true, reason: COMMENTS_NOT_FOR_ADMINS };
    await recordRead(this.ports.audit, viewer, {
      subjectId: result.personId,
      targetType: "readiness",
      targetId: result.personId,
      details: { targetLevelId: result.targetLevelId, via: "admin" },
    });
    return {
      ...result,
      competencies: result.competencies.map((c) => ({
        ...c,
        evidence: [],
        comments: { peer: hide(c.comments.peer), upward: hide(c.comments.upward) },
      })),
    };
  }

  private readonly evidenceShown = new WeakMap<PersonReadiness, string[]>();

  /** The evidence a result shows, worked out once per result: it is on the path of every readiness read. */
  private evidenceShownIn(result: PersonReadiness): string[] {
    let ids = this.evidenceShown.get(result);
    if (!ids) {
      ids = [...new Set(result.competencies.flatMap((c) => c.evidence.map((e) => e.id)))];
      this.evidenceShown.set(result, ids);
    }
    return ids;
  }

  /**
   * Readiness of a person for a target level (default: the next one). `canSeePrivateEvidence` is true
   * only for the person themself; managers see evidence the person chose to share. Not a use case: it
   * checks nobody's permission, so it is for other use cases that have authorised their caller already.
   */
  async forPerson(personId: string, options: ReadinessOptions): Promise<PersonReadiness> {
    return this.memo.remember(memoKey(personId, options), async () => {
      const person = await this.requirePerson(personId);
      const computed = (await this.compute([person], options)).get(person.id);
      if (!computed) throw new AppError("internal", `Readiness of ${person.id} was not computed`);
      return computed;
    });
  }

  /**
   * Computes and keeps the next-level readiness that managers see for these people, in batches: the
   * server does this for everyone when it starts, so that single reads come from memory.
   */
  async warm(people: Person[]): Promise<void> {
    const options: ReadinessOptions = { canSeePrivateEvidence: false };
    const personByKey = new Map(people.map((person) => [memoKey(person.id, options), person]));
    await this.memo.rememberMany([...personByKey.keys()], async (staleKeys) => {
      const stale = staleKeys.flatMap((key) => personByKey.get(key) ?? []);
      const computed = await this.compute(stale, options);
      return new Map(
        stale.flatMap((person) => {
          const result = computed.get(person.id);
          return result ? [[memoKey(person.id, options), result] as const] : [];
        }),
      );
    });
  }

  private async cycleStart(now: Date): Promise<Date | null> {
    return (await this.ports.lastClosedCycleStart?.(now)) ?? null;
  }

  private async compute(
    people: Person[],
    options: ReadinessOptions,
  ): Promise<Map<string, Remembered<PersonReadiness>>> {
    const now = this.now();
    const ids = people.map((p) => p.id);
    // Independent reads, issued together: on PostgreSQL they overlap instead of queuing.
    const [{ document, version }, settings, ratingsBySubject, evidence, nextDueDates, chains, cycleStart, offsets] =
      await Promise.all([
        this.framework(),
        this.settings(),
        this.ports.assessments.countableRatings(ids, now),
        this.evidenceByPerson(ids, options.canSeePrivateEvidence),
        this.ports.requests.nextDueDates(ids, now),
        this.ports.chains?.managerIdsAbove(ids) ?? Promise.resolve(new Map<string, string[]>()),
        this.cycleStart(now),
        this.managerOffsets(),
      ]);
    const calibrations = (await this.ports.releasedCalibrations?.(ids)) ?? new Map<string, ReleasedCalibration>();
    const correction = settings.correctManagerLeniency ? offsets : null;
    if (options.targetLevelId !== undefined && !document.levels.some((l) => l.id === options.targetLevelId)) {
      throw new AppError("validation_failed", `Unknown target level "${options.targetLevelId}"`, [
        { path: "query.target", message: "not a level of the ladder" },
      ]);
    }
    const results = new Map<string, Remembered<PersonReadiness>>();
    for (const person of people) {
      const ratings = ratingsBySubject.get(person.id) ?? [];
      const corrected = correction ? correctManagerRatings(ratings, correction, document.scale) : null;
      // Calibrated values replace the manager's after the leniency correction: calibrators already judged them.
      const calibration = calibrations.get(person.id);
      const counted = corrected?.ratings ?? ratings;
      const readiness = computeReadiness({
        framework: document,
        targetLevelId: options.targetLevelId ?? nextLevel(document, person.levelId).id,
        ratings: calibration ? withReleasedCalibration(counted, calibration) : counted,
        window: readinessWindow(now, cycleStart ?? undefined),
        settings,
        evidence: evidence.get(person.id) ?? {},
      });
      results.set(person.id, {
        value: {
          ...readiness,
          personId: person.id,
          currentLevelId: person.levelId,
          frameworkVersion: version,
          settings,
          managerCorrection: corrected?.note ?? null,
        },
        // A manager joining or leaving the chain changes whose peer answers count.
        dependsOn: [person.id, ...(chains.get(person.id) ?? [])],
        validUntil: readinessExpiry(ratings, now, nextDueDates.get(person.id), cycleStart),
      });
    }
    return results;
  }

  /**
   * Readiness for the next level at each moment something entered the rule: a self or manager
   * submission, or a feedback request's release. Never at a single peer's answer.
   */
  async history(viewer: Viewer, personId: string): Promise<ReadinessHistory> {
    await this.ports.access.authorize(viewer, READINESS_READERS, personId);
    const person = await this.requirePerson(personId);
    const { document } = await this.framework();
    const target = nextLevel(document, person.levelId).id;
    const settings = await this.settings();
    const ratings = (await this.ports.assessments.countableRatings([person.id], this.now())).get(person.id) ?? [];
    // Each past point is read as it was: against the level after the one the person held at that moment.
    const changes = await this.ports.people.levelHistory(person.id);
    const levelAt = (at: Date) =>
      changes.reduce<string | null>(
        (level, change) => (change.effectiveAt <= at ? change.toLevelId : level),
        changes[0]?.fromLevelId ?? person.levelId,
      );
    const moments = [...new Set(ratings.map((r) => r.submittedAt.getTime()))].sort((a, b) => a - b);
    const points = moments.map((time) => {
      const at = new Date(time);
      const targetThen = changes.length === 0 ? target : nextLevel(document, levelAt(at)).id;
      const result = computeReadiness({
        framework: document,
        targetLevelId: targetThen,
        ratings: ratings.filter((r) => r.submittedAt.getTime() <= time),
        window: readinessWindow(at),
        settings,
      });
      return {
        at,
        score: result.score,
        verdict: result.verdict,
        targetLevelId: targetThen,
        competencies: result.competencies.map(({ competencyId, expected, observed, status }) => ({
          competencyId,
          expected,
          observed,
          status,
        })),
      };
    });
    return { targetLevelId: target, points };
  }

  /** Recomputes and stores the next-level snapshot of these people (after a submission, a release, new settings). */
  async refreshSnapshots(personIds: string[]): Promise<void> {
    if (personIds.length === 0) return;
    const { document } = await this.framework();
    const settings = await this.settings();
    const now = this.now();
    const cycleStart = await this.cycleStart(now);
    const window = readinessWindow(now, cycleStart ?? undefined);
    const people = (await this.ports.people.list({ ids: personIds, limit: personIds.length })).people;
    const ids = people.map((p) => p.id);
    const [ratings, nextDueDates] = await Promise.all([
      this.ports.assessments.countableRatings(ids, now),
      this.ports.requests.nextDueDates(ids, now),
    ]);
    const snapshots = people.map((person): ReadinessSnapshot => {
      const own: SubmittedRating[] = ratings.get(person.id) ?? [];
      const target = nextLevel(document, person.levelId).id;
      const result = computeReadiness({ framework: document, targetLevelId: target, ratings: own, window, settings });
      const observed = Object.fromEntries(result.competencies.map((c) => [c.competencyId, c.observed]));
      // Stale when a rating leaves the window or an open request falls due: org views then recompute it.
      const validUntil = readinessExpiry(own, now, nextDueDates.get(person.id), cycleStart);
      return {
        personId: person.id,
        targetLevelId: target,
        score: result.score,
        verdict: result.verdict,
        observed,
        computedAt: now,
        validUntil,
      };
    });
    await this.ports.snapshots.upsertMany(snapshots);
  }
}
