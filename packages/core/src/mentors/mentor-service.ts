import { AppError } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import type { Access } from "../access/access.ts";
import { subject } from "../access/policy.ts";
import type { Framework, Level } from "../framework/framework.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { Person } from "../people/person.ts";
import type { ReadinessSnapshotRepository } from "../readiness/ports.ts";
import { nextLevel } from "../readiness/readiness-service.ts";
import { findMentors, resolveMentorQuery, type MentorSuggestion } from "./find-mentors.ts";
import type { MentorAvailabilityRepository } from "./ports.ts";

export interface MentorPorts {
  people: Pick<PeopleRepository, "findById" | "list" | "chainAbove" | "reportsBelow">;
  snapshots: Pick<ReadinessSnapshotRepository, "list">;
  availability: MentorAvailabilityRepository;
  activeFramework: () => Promise<{ document: Framework; version: number }>;
  /** Who may ask for mentors for a person (MENTOR_SEEKERS). */
  access: Pick<Access, "authorize">;
}

/** About a person's gap: the person and the managers above them, as for readiness. */
export const MENTOR_SEEKERS = subject("id", "self", "managementChain");

export interface MentorQuery {
  competencyId: string;
  /** Default: the level after the person's own. */
  targetLevelId?: string;
  /** Leave out the person's managers above and reports below. */
  isOutsideChain: boolean;
}

export interface MentorSuggestions {
  personId: string;
  competency: { id: string; name: string };
  target: Level;
  isOutsideChain: boolean;
  mentors: MentorSuggestion[];
}

/** Mentor matching (issue #6 §4): colleagues strong where the person has a gap. */
export class MentorService {
  constructor(private readonly ports: MentorPorts) {}

  async suggest(viewer: Viewer, personId: string, query: MentorQuery): Promise<MentorSuggestions> {
    await this.ports.access.authorize(viewer, MENTOR_SEEKERS, personId);
    const person = await this.ports.people.findById(personId);
    if (!person) throw new AppError("not_found", `No person with id "${personId}"`);
    const { document } = await this.ports.activeFramework();
    const targetLevelId = query.targetLevelId ?? nextLevel(document, person.levelId).id;
    const { competencyName, target, targetExpected } = resolveMentorQuery(document, query.competencyId, targetLevelId);

    // Only people whose snapshot clears the target's bar can qualify: load just those.
    const snapshots = await this.ports.snapshots.list();
    const observed = new Map(snapshots.map((s) => [s.personId, s.observed]));
    const strongIds = snapshots
      .filter((s) => (s.observed[query.competencyId] ?? -Infinity) >= targetExpected && s.personId !== person.id)
      .map((s) => s.personId);
    const candidates: Person[] = strongIds.length
      ? (await this.ports.people.list({ ids: strongIds, status: "active", limit: strongIds.length })).people
      : [];
    const optedOut = new Set(
      candidates.length ? await this.ports.availability.listOptedOut(candidates.map((c) => c.id)) : [],
    );
    const excluded = query.isOutsideChain ? await this.chainOf(person.id) : undefined;

    return {
      personId: person.id,
      competency: { id: query.competencyId, name: competencyName },
      target,
      isOutsideChain: query.isOutsideChain,
      mentors: findMentors({
        framework: document,
        personId: person.id,
        competencyId: query.competencyId,
        targetLevelId: target.id,
        candidates,
        observed,
        optedOut,
        ...(excluded ? { excluded } : {}),
      }),
    };
  }

  /** The person's managers above and everyone below them. */
  private async chainOf(personId: string): Promise<Set<string>> {
    const [above, below] = await Promise.all([
      this.ports.people.chainAbove(personId),
      this.ports.people.reportsBelow(personId),
    ]);
    return new Set([...above.map((p) => p.id), ...below.map((r) => r.person.id)]);
  }

  async isAvailable(viewer: Viewer): Promise<boolean> {
    return !(await this.ports.availability.isOptedOut(viewer.personId));
  }

  /** The viewer opts in or out of being suggested as a mentor. */
  async setAvailable(viewer: Viewer, isAvailable: boolean): Promise<boolean> {
    await this.ports.availability.setOptedOut(viewer.personId, !isAvailable);
    return isAvailable;
  }
}
