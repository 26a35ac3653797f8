import { AppError } from "../errors/app-error.ts";
import type { AssessmentRepository } from "../assessments/ports.ts";
import { ACTIVE_FRAMEWORK_SLUG } from "../assessments/assessment-service.ts";
import type { EvidenceRepository } from "../evidence/evidence.ts";
import type { Framework, Level } from "../framework/framework.ts";
import type { FrameworkCatalog } from "../framework/framework-catalog.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { Person } from "../people/person.ts";
import { assertValidSettings, computeReadiness, readinessWindow } from "./compute-readiness.ts";
import type { ReadinessSnapshot, ReadinessSnapshotRepository, SettingsRepository } from "./ports.ts";
import {
  DEFAULT_READINESS_SETTINGS,
  type EvidenceRef,
  type Readiness,
  type ReadinessSettings,
  type SubmittedRating,
} from "./readiness.ts";

export const READINESS_SETTINGS_KEY = "readiness";

export interface ReadinessPorts {
  people: PeopleRepository;
  assessments: AssessmentRepository;
  evidence: EvidenceRepository;
  frameworks: FrameworkCatalog;
  settings: SettingsRepository;
  snapshots: ReadinessSnapshotRepository;
  now?: () => Date;
}

export interface PersonReadiness extends Readiness {
  personId: string;
  currentLevelId: string | null;
  frameworkVersion: number;
  settings: ReadinessSettings;
}

/** The level after the person's own, or their own when they are at the top. */
export function nextLevel(framework: Framework, levelId: string | null): Level {
  const sorted = [...framework.levels].sort((a, b) => a.rank - b.rank);
  const index = sorted.findIndex((l) => l.id === levelId);
  const level = index === -1 ? sorted[0] : (sorted[index + 1] ?? sorted[index]);
  if (!level) throw new AppError("not_found", "The framework has no levels");
  return level;
}

/** Gathers what the readiness rule needs and keeps the per-person snapshots fresh. */
export class ReadinessService {
  private readonly now: () => Date;

  constructor(private readonly ports: ReadinessPorts) {
    this.now = ports.now ?? (() => new Date());
  }

  async settings(): Promise<ReadinessSettings> {
    const stored = await this.ports.settings.get<Partial<ReadinessSettings>>(READINESS_SETTINGS_KEY);
    return {
      weights: { ...DEFAULT_READINESS_SETTINGS.weights, ...stored?.weights },
      k: stored?.k ?? DEFAULT_READINESS_SETTINGS.k,
    };
  }

  async updateSettings(next: ReadinessSettings): Promise<ReadinessSettings> {
    assertValidSettings(next);
    await this.ports.settings.set(READINESS_SETTINGS_KEY, next);
    return next;
  }

  async framework(): Promise<{ document: Framework; version: number }> {
    const version = await this.ports.frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest");
    return { document: version.document, version: version.version };
  }

  private async requirePerson(personId: string): Promise<Person> {
    const person = await this.ports.people.findById(personId);
    if (!person) throw new AppError("not_found", `No person with id "${personId}"`);
    return person;
  }

  private async evidenceByCompetency(
    personId: string,
    includePrivate: boolean,
  ): Promise<Record<string, EvidenceRef[]>> {
    const items = await this.ports.evidence.listForPerson(personId, { sharedOnly: !includePrivate });
    const byCompetency: Record<string, EvidenceRef[]> = {};
    for (const item of items) {
      for (const competencyId of item.competencyIds) {
        (byCompetency[competencyId] ??= []).push({ id: item.id, title: item.title, date: item.date });
      }
    }
    return byCompetency;
  }

  /**
   * Readiness of a person for a target level (default: the next one). `canSeePrivateEvidence` is true
   * only for the person themself; managers see evidence the person chose to share.
   */
  async forPerson(
    personId: string,
    options: { targetLevelId?: string; canSeePrivateEvidence: boolean },
  ): Promise<PersonReadiness> {
    const now = this.now();
    // Independent reads, issued together: on PostgreSQL they overlap instead of queuing.
    const [person, { document, version }, settings, ratingsBySubject, evidence] = await Promise.all([
      this.requirePerson(personId),
      this.framework(),
      this.settings(),
      this.ports.assessments.countableRatings([personId], now),
      this.evidenceByCompetency(personId, options.canSeePrivateEvidence),
    ]);
    const target = options.targetLevelId ?? nextLevel(document, person.levelId).id;
    if (!document.levels.some((l) => l.id === target)) {
      throw new AppError("validation_failed", `Unknown target level "${target}"`, [
        { path: "query.target", message: "not a level of the ladder" },
      ]);
    }
    const readiness = computeReadiness({
      framework: document,
      targetLevelId: target,
      ratings: ratingsBySubject.get(person.id) ?? [],
      window: readinessWindow(now),
      settings,
      evidence,
    });
    return { ...readiness, personId: person.id, currentLevelId: person.levelId, frameworkVersion: version, settings };
  }

  /**
   * Readiness for the next level at each moment something entered the rule: a self or manager
   * submission, or a feedback request's release. Never at a single peer's answer.
   */
  async history(
    personId: string,
  ): Promise<{ at: Date; score: number; verdict: Readiness["verdict"]; targetLevelId: string }[]> {
    const person = await this.requirePerson(personId);
    const { document } = await this.framework();
    const target = nextLevel(document, person.levelId).id;
    const settings = await this.settings();
    const ratings = (await this.ports.assessments.countableRatings([person.id], this.now())).get(person.id) ?? [];
    const moments = [...new Set(ratings.map((r) => r.submittedAt.getTime()))].sort((a, b) => a - b);
    return moments.map((time) => {
      const at = new Date(time);
      const result = computeReadiness({
        framework: document,
        targetLevelId: target,
        ratings: ratings.filter((r) => r.submittedAt.getTime() <= time),
        window: readinessWindow(at),
        settings,
      });
      return { at, score: result.score, verdict: result.verdict, targetLevelId: target };
    });
  }

  /** Recomputes and stores the next-level snapshot of these people (after a submission, a release, new settings). */
  async refreshSnapshots(personIds: string[]): Promise<void> {
    if (personIds.length === 0) return;
    const { document } = await this.framework();
    const settings = await this.settings();
    const now = this.now();
    const window = readinessWindow(now);
    const people = (await this.ports.people.list({ ids: personIds, limit: personIds.length })).people;
    const ratings = await this.ports.assessments.countableRatings(
      people.map((p) => p.id),
      now,
    );
    const snapshots = people.map((person): ReadinessSnapshot => {
      const own: SubmittedRating[] = ratings.get(person.id) ?? [];
      const target = nextLevel(document, person.levelId).id;
      const result = computeReadiness({ framework: document, targetLevelId: target, ratings: own, window, settings });
      const observed = Object.fromEntries(result.competencies.map((c) => [c.competencyId, c.observed]));
      const oldest = own.filter((r) => r.submittedAt >= window.from).map((r) => r.submittedAt.getTime());
      const validUntil = oldest.length ? new Date(Math.min(...oldest) + (now.getTime() - window.from.getTime())) : null;
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
