import { AppError } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import type { Framework } from "../framework/framework.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { Person } from "../people/person.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { recordRead } from "../audit/read-log.ts";
import { buildAgenda, choosePlaybook } from "./agenda.ts";
import { compareHealthChecks, type HealthComparison } from "./health-check.ts";
import { buildRecurringEventIcs, describeAgenda, type CalendarRepeat } from "./ics.ts";
import {
  assertValidActionItems,
  assertValidHealthRatings,
  assertValidNotes,
  isParticipant,
  otherParticipant,
  openActionItems,
  unwrittenPrivateNote,
  type OneOnOneActionItem,
  type HealthCheck,
  type OneOnOne,
  type OneOnOnePatch,
  type PrivateNote,
} from "./one-on-one.ts";
import type { OneOnOneRepository } from "./ports.ts";

export interface OneOnOnePorts {
  oneOnOnes: OneOnOneRepository;
  people: Pick<PeopleRepository, "findById">;
  /** The framework version in force: its playbooks make the agendas. */
  activeFramework: () => Promise<{ document: Framework; version: number }>;
  newId: () => string;
  /** Reads of notes that are not only the reader's are logged, and the other side sees that log (DESIGN §5). */
  audit: AuditRepository;
  now?: () => Date;
}

/** An action item as a participant sends it: without an id when it is new. */
export type OneOnOneActionItemInput = Omit<OneOnOneActionItem, "id"> & { id?: string };

export interface OneOnOneUpdate {
  sharedNotes?: string;
  actionItems?: OneOnOneActionItemInput[];
}

export interface OneOnOneCalendarOptions {
  repeat: CalendarRepeat;
  durationMinutes: number;
}

export const DEFAULT_ONE_ON_ONE_MINUTES = 30;

/**
 * After an admin-made password reset, whoever signs in with the new password may be the admin: private
 * notes stay sealed, for reading and for overwriting, until the person unseals them (decisions/0004).
 */
function assertNotSealed(viewer: Viewer): void {
  if (viewer.privateSealedAt) {
    throw new AppError(
      "forbidden",
      "Your private notes are sealed because an admin reset your password; unseal them with the password you had before",
    );
  }
}

/**
 * 1:1s between a manager and a direct report (DESIGN §1.6, §5). Everything about a 1:1 is for its
 * two participants only: to anyone else, admins included, it does not exist (not_found). Private
 * notes go further: each side reads only their own.
 */
export class OneOnOneService {
  private readonly now: () => Date;

  constructor(private readonly ports: OneOnOnePorts) {
    this.now = ports.now ?? (() => new Date());
  }

  private async requirePerson(id: string, path: string): Promise<Person> {
    const person = await this.ports.people.findById(id);
    if (!person) throw new AppError("not_found", `No person with id "${id}"`, [{ path, message: "no such person" }]);
    return person;
  }

  /** The 1:1 if the viewer takes part in it; to anyone else it does not exist. */
  private async requireOwn(viewer: Viewer, id: string): Promise<OneOnOne> {
    const oneOnOne = await this.ports.oneOnOnes.findById(id);
    if (!oneOnOne || !isParticipant(oneOnOne, viewer.personId)) {
      throw new AppError("not_found", `No 1:1 "${id}" of yours`);
    }
    return oneOnOne;
  }

  /**
   * Schedules a 1:1 between the viewer and their manager or one of their direct reports. The
   * manager leads; the agenda comes from the pair's playbook and the previous 1:1's open items.
   */
  async create(viewer: Viewer, input: { withPersonId: string; scheduledAt: Date }): Promise<OneOnOne> {
    const [me, other] = await Promise.all([
      this.requirePerson(viewer.personId, "viewer"),
      this.requirePerson(input.withPersonId, "body.withPersonId"),
    ]);
    let lead: Person;
    let report: Person;
    if (other.managerId === me.id) [lead, report] = [me, other];
    else if (me.managerId === other.id) [lead, report] = [other, me];
    // Anyone else, yourself included, is not a pair a 1:1 is for.
    else throw new AppError("forbidden", "1:1s are between a manager and a direct report");
    if (other.status !== "active") {
      throw new AppError("validation_failed", `${other.name} is inactive`, [
        { path: "body.withPersonId", message: "is inactive" },
      ]);
    }

    const { document } = await this.ports.activeFramework();
    const previous = await this.ports.oneOnOnes.latestBefore(lead.id, report.id, input.scheduledAt);
    const carried = openActionItems(previous?.actionItems ?? []);
    return this.ports.oneOnOnes.create({
      leadId: lead.id,
      reportId: report.id,
      scheduledAt: input.scheduledAt,
      agenda: buildAgenda(choosePlaybook(document, lead.levelId, report.levelId), carried),
      // The carried items keep their ids: closing one here closes the same commitment.
      actionItems: carried.map((item) => ({ ...item })),
    });
  }

  /** The viewer's 1:1s, newest first, optionally only those with one person. */
  async list(viewer: Viewer, withPersonId?: string): Promise<OneOnOne[]> {
    return this.ports.oneOnOnes.listForPerson(viewer.personId, withPersonId ? { withPersonId } : {});
  }

  async get(viewer: Viewer, id: string): Promise<OneOnOne> {
    const oneOnOne = await this.requireOwn(viewer, id);
    if (oneOnOne.sharedNotes.length > 0) {
      await recordRead(this.ports.audit, viewer, {
        subjectId: otherParticipant(oneOnOne, viewer.personId),
        targetType: "one_on_one",
        targetId: oneOnOne.id,
        action: "one_on_one.shared_notes.read",
      });
    }
    return oneOnOne;
  }

  async update(viewer: Viewer, id: string, changes: OneOnOneUpdate): Promise<OneOnOne> {
    const oneOnOne = await this.requireOwn(viewer, id);
    const patch: OneOnOnePatch = {};
    if (changes.sharedNotes !== undefined) {
      assertValidNotes(changes.sharedNotes, "body.sharedNotes");
      patch.sharedNotes = changes.sharedNotes;
    }
    if (changes.actionItems !== undefined) {
      const items = changes.actionItems.map((item) => ({
        id: item.id ?? this.ports.newId(),
        text: item.text.trim(),
        ownerId: item.ownerId,
        isDone: item.isDone,
      }));
      assertValidActionItems(items, oneOnOne);
      patch.actionItems = items;
    }
    return this.ports.oneOnOnes.update(oneOnOne.id, patch);
  }

  /**
   * The viewer's own private notes, empty until they write some. To anyone but the two participants
   * the 1:1 does not exist, and neither side ever reads the other's notes.
   */
  async privateNote(viewer: Viewer, id: string): Promise<PrivateNote> {
    assertNotSealed(viewer);
    const oneOnOne = await this.ports.oneOnOnes.findById(id);
    if (!oneOnOne || !isParticipant(oneOnOne, viewer.personId)) {
      throw new AppError("not_found", `No private notes of yours on 1:1 "${id}"`);
    }
    const note = await this.ports.oneOnOnes.findPrivateNote(oneOnOne.id, viewer.personId);
    return note ?? unwrittenPrivateNote(oneOnOne.id, viewer.personId);
  }

  async savePrivateNote(viewer: Viewer, id: string, body: string): Promise<PrivateNote> {
    assertNotSealed(viewer);
    const oneOnOne = await this.requireOwn(viewer, id);
    assertValidNotes(body, "body.body");
    return this.ports.oneOnOnes.savePrivateNote(oneOnOne.id, viewer.personId, body);
  }

  /** The viewer's side rates every aspect of the 1:1's playbook, 1 to 5. */
  async recordHealthCheck(viewer: Viewer, id: string, ratings: Record<string, number>): Promise<HealthCheck> {
    const oneOnOne = await this.requireOwn(viewer, id);
    assertValidHealthRatings(ratings, oneOnOne.agenda.aspects);
    return this.ports.oneOnOnes.addHealthCheck({
      oneOnOneId: oneOnOne.id,
      raterId: viewer.personId,
      ratings: Object.fromEntries(oneOnOne.agenda.aspects.map((a) => [a.id, ratings[a.id] ?? 0])),
      at: this.now(),
    });
  }

  /** Both sides' health checks over the viewer's 1:1s with one person. */
  async health(viewer: Viewer, withPersonId: string): Promise<HealthComparison> {
    const oneOnOnes = await this.ports.oneOnOnes.listForPerson(viewer.personId, { withPersonId });
    const checks = await this.ports.oneOnOnes.listHealthChecks(oneOnOnes.map((o) => o.id));
    return compareHealthChecks(oneOnOnes, checks);
  }

  /** An ICS file for the 1:1 as a recurring event, starting at its scheduled time. */
  async calendar(
    viewer: Viewer,
    id: string,
    options: OneOnOneCalendarOptions,
  ): Promise<{ fileName: string; content: string }> {
    const oneOnOne = await this.requireOwn(viewer, id);
    const [lead, report] = await Promise.all([
      this.ports.people.findById(oneOnOne.leadId),
      this.ports.people.findById(oneOnOne.reportId),
    ]);
    const content = buildRecurringEventIcs({
      uid: `${oneOnOne.id}@ascent`,
      start: oneOnOne.scheduledAt,
      durationMinutes: options.durationMinutes,
      repeat: options.repeat,
      summary: `1:1: ${lead?.name ?? "manager"} and ${report?.name ?? "report"}`,
      description: describeAgenda(oneOnOne.agenda),
      stamp: this.now(),
    });
    return { fileName: `one-on-one-${oneOnOne.scheduledAt.toISOString().slice(0, 10)}.ics`, content };
  }
}
