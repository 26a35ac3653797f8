import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import type { Person } from "../people/person.ts";
import { buildSevenLevelLadder } from "./one-on-ones.fixtures.ts";
import type { HealthCheck, NewHealthCheck, NewOneOnOne, OneOnOne, OneOnOnePatch, PrivateNote } from "./one-on-one.ts";
import { OneOnOneService } from "./one-on-one-service.ts";
import type { OneOnOneRepository } from "./ports.ts";
import { InMemoryAuditLog } from "../audit/audit.fixtures.ts";

class InMemoryOneOnOneRepository implements OneOnOneRepository {
  readonly rows = new Map<string, OneOnOne>();
  readonly notes = new Map<string, PrivateNote>();
  readonly checks: HealthCheck[] = [];
  private nextId = 1;

  async create(input: NewOneOnOne) {
    const now = new Date();
    const row: OneOnOne = { ...input, id: `o${this.nextId++}`, sharedNotes: "", createdAt: now, updatedAt: now };
    this.rows.set(row.id, row);
    return row;
  }
  async findById(id: string) {
    return this.rows.get(id) ?? null;
  }
  async listForPerson(personId: string, options: { withPersonId?: string } = {}) {
    return [...this.rows.values()]
      .filter((o) => o.leadId === personId || o.reportId === personId)
      .filter((o) => !options.withPersonId || o.leadId === options.withPersonId || o.reportId === options.withPersonId)
      .sort((a, b) => b.scheduledAt.getTime() - a.scheduledAt.getTime());
  }
  async latestBefore(a: string, b: string, before: Date) {
    const pair = (await this.listForPerson(a, { withPersonId: b })).filter((o) => o.scheduledAt < before);
    return pair[0] ?? null;
  }
  async update(id: string, patch: OneOnOnePatch) {
    const row = this.rows.get(id);
    if (!row) throw new Error(`1:1 ${id} not found`);
    const updated = { ...row, ...patch, updatedAt: new Date() };
    this.rows.set(id, updated);
    return updated;
  }
  async findPrivateNote(oneOnOneId: string, authorId: string) {
    return this.notes.get(`${oneOnOneId}/${authorId}`) ?? null;
  }
  async savePrivateNote(oneOnOneId: string, authorId: string, body: string) {
    const note = { oneOnOneId, authorId, body, updatedAt: new Date() };
    this.notes.set(`${oneOnOneId}/${authorId}`, note);
    return note;
  }
  async addHealthCheck(check: NewHealthCheck) {
    const row = { ...check, id: `c${this.checks.length + 1}` };
    this.checks.push(row);
    return row;
  }
  async listHealthChecks(ids: string[]) {
    return this.checks.filter((c) => ids.includes(c.oneOnOneId));
  }
}

function buildPerson(overrides: Partial<Person> & Pick<Person, "id">): Person {
  const now = new Date();
  return {
    name: overrides.id,
    email: `${overrides.id}@example.com`,
    title: "",
    levelId: null,
    managerId: null,
    team: "",
    status: "active",
    isDemo: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

// vic (VP) ← dana (Director) ← mia (PM); vic ← skip (PM, directly under the VP); admin elsewhere.
const people = [
  buildPerson({ id: "vic", name: "Vic Vee", levelId: "vp" }),
  buildPerson({ id: "dana", name: "Dana Director", levelId: "director", managerId: "vic" }),
  buildPerson({ id: "mia", name: "Mia Member", levelId: "pm", managerId: "dana" }),
  buildPerson({ id: "skip", name: "Sid Skip", levelId: "pm", managerId: "vic" }),
  buildPerson({ id: "gone", levelId: "pm", managerId: "dana", status: "inactive" }),
  buildPerson({ id: "admin" }),
];

const viewerOf = (personId: string, isAdmin = false): Viewer => ({ personId, name: personId, isAdmin, via: "session" });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const day = (d: number) => new Date(Date.UTC(2026, 2, d, 9, 0));

describe("OneOnOneService", () => {
  let repository: InMemoryOneOnOneRepository;
  let audit: InMemoryAuditLog;
  let service: OneOnOneService;
  let ids = 0;
  const dana = viewerOf("dana");
  const mia = viewerOf("mia");
  const admin = viewerOf("admin", true);

  beforeEach(() => {
    repository = new InMemoryOneOnOneRepository();
    audit = new InMemoryAuditLog();
    service = new OneOnOneService({
      oneOnOnes: repository,
      people: { findById: async (id) => people.find((p) => p.id === id) ?? null },
      activeFramework: async () => ({ document: buildSevenLevelLadder(), version: 1 }),
      newId: () => `item-${++ids}`,
      audit,
      now: () => new Date("2026-03-01T12:00:00Z"),
    });
  });

  it("creates a 1:1 between a manager and a report, either side asking, with the manager leading", async () => {
    const asked = await service.create(dana, { withPersonId: "mia", scheduledAt: day(2) });
    expect(asked).toMatchObject({ leadId: "dana", reportId: "mia" });
    expect(asked.agenda.playbook).toMatchObject({ id: "pm-director", isNearestPair: false });
    expect(asked.agenda.aspects).toHaveLength(7);
    const fromReport = await service.create(mia, { withPersonId: "dana", scheduledAt: day(9) });
    expect(fromReport).toMatchObject({ leadId: "dana", reportId: "mia" });
    const skipLevel = await service.create(viewerOf("vic"), { withPersonId: "skip", scheduledAt: day(2) });
    expect(skipLevel.agenda.playbook).toMatchObject({ id: "director-vp", isNearestPair: true });
  });

  it("refuses anyone who is not the viewer's manager or direct report, themself, and inactive people", async () => {
    expect(
      await rejection(service.create(viewerOf("vic"), { withPersonId: "mia", scheduledAt: day(2) })),
    ).toMatchObject({ code: "forbidden" });
    expect(await rejection(service.create(admin, { withPersonId: "mia", scheduledAt: day(2) }))).toMatchObject({
      code: "forbidden",
    });
    expect(await rejection(service.create(dana, { withPersonId: "dana", scheduledAt: day(2) }))).toMatchObject({
      code: "forbidden",
    });
    expect(await rejection(service.create(dana, { withPersonId: "gone", scheduledAt: day(2) }))).toMatchObject({
      code: "validation_failed",
    });
    expect(await rejection(service.create(dana, { withPersonId: "nobody", scheduledAt: day(2) }))).toMatchObject({
      code: "not_found",
    });
    expect(repository.rows.size).toBe(0);
  });

  it("carries the previous 1:1's open action items over, ids kept", async () => {
    const first = await service.create(dana, { withPersonId: "mia", scheduledAt: day(2) });
    await service.update(mia, first.id, {
      actionItems: [
        { text: "Draft the Q3 roadmap", ownerId: "mia", isDone: false },
        { text: "Book the offsite", ownerId: "dana", isDone: true },
      ],
    });
    const second = await service.create(dana, { withPersonId: "mia", scheduledAt: day(16) });
    expect(second.agenda.carriedOver.map((i) => i.text)).toEqual(["Draft the Q3 roadmap"]);
    expect(second.actionItems).toEqual(second.agenda.carriedOver);
    expect(second.actionItems[0]?.id).toBe((await service.get(dana, first.id)).actionItems[0]?.id);
    // A 1:1 slotted before the first one has no previous 1:1 to carry from.
    const earlier = await service.create(dana, { withPersonId: "mia", scheduledAt: day(1) });
    expect(earlier.agenda.carriedOver).toEqual([]);
  });

  it("hides a 1:1 from everyone but its two participants, admins included", async () => {
    const created = await service.create(dana, { withPersonId: "mia", scheduledAt: day(2) });
    await service.update(dana, created.id, { sharedNotes: "Talked about the roadmap" });
    expect((await service.get(mia, created.id)).sharedNotes).toBe("Talked about the roadmap");
    // DESIGN §5: the read of shared notes is logged for the other participant.
    expect(audit.events.map((e) => [e.action, e.actorId, e.subjectId, e.targetId])).toEqual([
      ["one_on_one.shared_notes.read", "mia", "dana", created.id],
    ]);
    for (const other of [viewerOf("vic"), admin]) {
      expect(await rejection(service.get(other, created.id))).toMatchObject({ code: "not_found" });
      expect(await rejection(service.update(other, created.id, { sharedNotes: "x" }))).toMatchObject({
        code: "not_found",
      });
      expect(await service.list(other)).toEqual([]);
    }
    expect((await service.list(mia, "dana")).map((o) => o.id)).toEqual([created.id]);
    expect(await service.list(mia, "vic")).toEqual([]);
  });

  it("gives each side only their own private notes, and not_found to everyone else, admins included", async () => {
    const created = await service.create(dana, { withPersonId: "mia", scheduledAt: day(2) });
    expect(await service.privateNote(dana, created.id)).toEqual({
      oneOnOneId: created.id,
      authorId: "dana",
      body: "",
      updatedAt: null,
    });
    await service.savePrivateNote(dana, created.id, "Mia seems stretched");
    expect((await service.privateNote(dana, created.id)).body).toBe("Mia seems stretched");
    // The other side reads their own, still empty, notes: never Dana's.
    expect(await service.privateNote(mia, created.id)).toMatchObject({ authorId: "mia", body: "", updatedAt: null });
    for (const other of [admin, viewerOf("vic")]) {
      const error = await rejection(service.privateNote(other, created.id));
      expect(error.code).toBe("not_found");
      expect(error.message).not.toContain("stretched");
    }
    expect(await rejection(service.savePrivateNote(admin, created.id, "x"))).toMatchObject({ code: "not_found" });
    await service.savePrivateNote(mia, created.id, "Ask for more scope");
    expect((await service.privateNote(mia, created.id)).body).toBe("Ask for more scope");
    expect((await service.privateNote(dana, created.id)).body).toBe("Mia seems stretched");
  });

  it("records health checks on the playbook's aspects and compares the sides", async () => {
    const created = await service.create(dana, { withPersonId: "mia", scheduledAt: day(2) });
    const aspectIds = created.agenda.aspects.map((a) => a.id);
    const rate = (values: number[]) => Object.fromEntries(aspectIds.map((id, i) => [id, values[i] ?? 3]));
    expect(await rejection(service.recordHealthCheck(dana, created.id, { ...rate([]), unknown: 3 }))).toMatchObject({
      code: "validation_failed",
    });
    expect(await rejection(service.recordHealthCheck(admin, created.id, rate([])))).toMatchObject({
      code: "not_found",
    });
    await service.recordHealthCheck(dana, created.id, rate([4, 4, 4, 4, 4, 4, 4]));
    await service.recordHealthCheck(mia, created.id, rate([4, 1, 4, 3, 4, 4, 4]));
    const health = await service.health(mia, "dana");
    expect(health.highlighted).toEqual([aspectIds[1]]);
    expect(health.sessions[0]?.aspects[1]).toMatchObject({ lead: 4, report: 1, difference: 3 });
    expect((await service.health(viewerOf("vic"), "dana")).sessions).toEqual([]);
  });

  it("makes an ICS of the 1:1 for its participants only", async () => {
    const created = await service.create(dana, { withPersonId: "mia", scheduledAt: day(2) });
    const file = await service.calendar(mia, created.id, { repeat: "monthly", durationMinutes: 45 });
    expect(file.fileName).toBe("one-on-one-2026-03-02.ics");
    expect(file.content).toContain("RRULE:FREQ=MONTHLY\r\n");
    expect(file.content).toContain("DURATION:PT45M\r\n");
    expect(file.content).toContain("SUMMARY:1:1: Dana Director and Mia Member\r\n");
    expect(
      await rejection(service.calendar(admin, created.id, { repeat: "weekly", durationMinutes: 30 })),
    ).toMatchObject({ code: "not_found" });
  });
});
