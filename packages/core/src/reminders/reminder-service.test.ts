import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer.ts";
import type { AuditRepository, NewAuditEvent } from "../audit/audit.ts";
import type { CycleParticipant, ReviewCycle } from "../cycles/cycle.ts";
import type { Reminder } from "../cycles/cycle-progress.ts";
import { AppError } from "../errors/app-error.ts";
import type { NotifyInput } from "../notifications/notification-service.ts";
import type { Agenda } from "../one-on-ones/one-on-one.ts";
import type { PlannedReminder } from "./due-reminders.ts";
import type { DueGoal, DueRequest, PlanSchedule, ReminderKey, ReminderLog, UpcomingOneOnOne } from "./ports.ts";
import { REMINDERS_PER_JOB, ReminderService } from "./reminder-service.ts";

const DAY = 24 * 60 * 60 * 1000;
const START = new Date("2026-12-07T09:00:00Z");
const at = (days: number) => new Date(START.getTime() + days * DAY);

const ADMIN: Viewer = { personId: "admin", name: "Ada Admin", isAdmin: true, via: "session" };
const MEMBER: Viewer = { personId: "m-1", name: "Max", isAdmin: false, via: "session" };

function memoryLog(): ReminderLog & { notified: Set<string> } {
  const claimed = new Set<string>();
  const notified = new Set<string>();
  const id = (k: ReminderKey) => `${k.recipientId}|${k.kind}|${k.subjectKey}|${k.period}`;
  return {
    notified,
    async claimMany(keys) {
      const won = keys.filter((key) => !claimed.has(id(key)));
      for (const key of won) claimed.add(id(key));
      return won;
    },
    async markNotified(key) {
      if (!claimed.has(id(key)) || notified.has(id(key))) return false;
      notified.add(id(key));
      return true;
    },
    async unmarkNotified(key) {
      notified.delete(id(key));
    },
  };
}

function buildCycle(overrides: Partial<ReviewCycle> = {}): ReviewCycle {
  return {
    id: "c-1",
    name: "Winter review",
    status: "active",
    population: {},
    frameworkVersion: 1,
    nominationsMin: 0,
    nominationsMax: 8,
    startsAt: at(-10),
    endsAt: at(30),
    closedAt: null,
    releasedAt: null,
    createdBy: "admin",
    createdAt: at(-10),
    phases: [
      { kind: "self", opensAt: at(-0.5), dueAt: at(10), closedAt: null },
      { kind: "manager", opensAt: at(-20), dueAt: at(1.5), closedAt: null },
    ],
    ...overrides,
  };
}

const AGENDA: Agenda = {
  playbook: null,
  aspects: [
    { id: "a1", name: "Strategic alignment", leadBrings: "", reportBrings: "", prompts: ["Where are we headed?"] },
  ],
  carriedOver: [{ id: "i1", text: "Share the roadmap draft", ownerId: "r-1", isDone: false }],
};

interface World {
  requests: DueRequest[];
  meetings: UpcomingOneOnOne[];
  goals: DueGoal[];
  plans: PlanSchedule[];
  cycles: ReviewCycle[];
  participants: CycleParticipant[];
  toRemind: Reminder[];
  failFor?: string;
}

function emptyWorld(): World {
  return { requests: [], meetings: [], goals: [], plans: [], cycles: [], participants: [], toRemind: [] };
}

function setup(world: World, clock = { now: START }) {
  const log = memoryLog();
  const sent: { recipientId: string; input: NotifyInput }[] = [];
  const audited: NewAuditEvent[] = [];
  const windows: Record<string, unknown[]> = {};
  const audit: AuditRepository = { record: async (event) => void audited.push(event), list: async () => [] };
  /** The queue: each batch is delivered at once, and a failed delivery is kept for a retry. */
  const failedJobs: PlannedReminder[][] = [];
  const service: ReminderService = new ReminderService({
    deliverLater: async (batch) => {
      await service.deliver(batch).catch(() => void failedJobs.push(batch));
    },
    log,
    source: {
      async requestsDueBetween(from, to) {
        windows.requests = [from, to];
        return world.requests.filter((r) => r.dueAt > from && r.dueAt <= to);
      },
      async oneOnOnesBetween(from, to) {
        return world.meetings.filter((m) => m.scheduledAt > from && m.scheduledAt <= to);
      },
      async goalsDueBetween(from, to) {
        windows.goals = [from, to];
        return world.goals.filter((g) => g.due >= from && g.due <= to);
      },
      planSchedules: async () => world.plans,
    },
    cycles: {
      list: async () => world.cycles,
      participants: async () => world.participants,
    },
    toRemind: async () => world.toRemind,
    progress: async (viewer, cycleId) => {
      const cycle = world.cycles.find((c) => c.id === cycleId);
      if (!cycle) throw new AppError("not_found", `No review cycle with id "${cycleId}"`);
      if (!viewer.isAdmin) throw new AppError("forbidden", "no");
      return { cycle, progress: { toRemind: world.toRemind } };
    },
    notify: async (recipientId, input) => {
      if (recipientId === world.failFor) throw new Error("mail queue down");
      sent.push({ recipientId, input });
    },
    audit,
    now: () => clock.now,
  });
  return { service, sent, audited, log, windows, clock, failedJobs };
}

describe("ReminderService.sendDue", () => {
  it("reminds each waiting rater of a request due within two days, once, and not the one due later", async () => {
    const world = emptyWorld();
    world.requests = [
      { id: "rq-1", subjectName: "Bea Park", dueAt: at(1.5), waitingRaterIds: ["r-1", "r-2"] },
      { id: "rq-2", subjectName: "Cy Ode", dueAt: at(5), waitingRaterIds: ["r-3"] },
    ];
    const { service, sent, windows } = setup(world);
    const run = await service.sendDue();
    expect(run.queued["feedback.due"]).toBe(2);
    expect(sent.map((s) => s.recipientId)).toEqual(["r-1", "r-2"]);
    expect(sent[0]?.input).toMatchObject({ kind: "feedback.due", link: "/feedback/rq-1" });
    expect(sent[0]?.input.subject).toContain("Bea Park");
    expect(windows.requests).toEqual([START, at(2)]);
    expect((await service.sendDue()).queued).toEqual({});
    expect(sent).toHaveLength(2);
  });

  it("sends both sides of a 1:1 in the next day its agenda, and again only when it moves", async () => {
    const world = emptyWorld();
    const meeting: UpcomingOneOnOne = {
      id: "o-1",
      leadId: "l-1",
      leadName: "Lia Lead",
      reportId: "r-1",
      reportName: "Ray Report",
      scheduledAt: at(0.9),
      agenda: AGENDA,
    };
    world.meetings = [meeting, { ...meeting, id: "o-2", scheduledAt: at(1.5) }];
    const { service, sent } = setup(world);
    await service.sendDue();
    expect(sent.map((s) => [s.recipientId, s.input.link])).toEqual([
      ["l-1", "/one-on-ones/o-1"],
      ["r-1", "/one-on-ones/o-1"],
    ]);
    const body = sent[0]?.input.email?.body ?? "";
    expect(body).toContain("1. Strategic alignment: Where are we headed?");
    expect(body).toContain("Open from last time: Share the roadmap draft");
    expect(sent[0]?.input.subject).toContain("Ray Report");
    world.meetings = [{ ...meeting, scheduledAt: at(0.95) }];
    await service.sendDue();
    expect(sent).toHaveLength(4);
  });

  it("tells a goal's owner when it is due soon and again on the day, moving only with the clock", async () => {
    const world = emptyWorld();
    world.goals = [{ id: "g-1", personId: "p-1", title: "Run a pricing test", due: "2026-12-09" }];
    const { service, sent, clock } = setup(world);
    await service.sendDue();
    expect(sent.map((s) => s.input.subject)).toEqual(["Run a pricing test is due on 9 December 2026"]);
    clock.now = at(1);
    await service.sendDue();
    expect(sent).toHaveLength(1);
    clock.now = at(2);
    await service.sendDue();
    expect(sent.map((s) => s.input.subject)).toEqual([
      "Run a pricing test is due on 9 December 2026",
      "Run a pricing test is due today",
    ]);
  });

  it("reminds of a career plan one cadence after its last review, once per due date", async () => {
    const world = emptyWorld();
    world.plans = [
      { personId: "p-1", cadence: "quarterly", lastReviewedAt: new Date("2026-09-01T00:00:00Z"), createdAt: at(-400) },
      { personId: "p-2", cadence: "yearly", lastReviewedAt: new Date("2026-09-01T00:00:00Z"), createdAt: at(-400) },
    ];
    const { service, sent, clock } = setup(world);
    await service.sendDue();
    expect(sent.map((s) => [s.recipientId, s.input.kind, s.input.link])).toEqual([["p-1", "plan.review-due", "/plan"]]);
    expect(sent[0]?.input.email?.body).toContain("every quarter");
    clock.now = at(3);
    await service.sendDue();
    expect(sent).toHaveLength(1);
  });

  it("tells the people with work in a phase that it opened and that it closes soon, one notice per person", async () => {
    const world = emptyWorld();
    world.cycles = [buildCycle()];
    const remind = (personId: string, phase: Reminder["phase"], aboutName: string): Reminder => ({
      personId,
      name: personId,
      phase,
      aboutId: aboutName,
      aboutName,
      state: "not-started",
      dueAt: phase === "self" ? at(10) : at(1.5),
    });
    world.toRemind = [remind("p-1", "self", "p-1"), remind("mgr", "manager", "Pia"), remind("mgr", "manager", "Ola")];
    const { service, sent } = setup(world);
    const run = await service.sendDue();
    // The self phase opened half a day ago; the manager phase opened long ago but is due in a day and a half.
    expect(run.queued["cycle.phase"]).toBe(2);
    expect(sent.map((s) => [s.recipientId, s.input.subject])).toEqual([
      ["p-1", '"Winter review": the self-assessment phase is open'],
      ["mgr", '"Winter review": the manager assessment phase closes on 8 December 2026'],
    ]);
    expect(sent[1]?.input.email?.body).toContain("the manager assessment of Pia");
    expect(sent[1]?.input.email?.body).toContain("the manager assessment of Ola");
    await service.sendDue();
    expect(sent).toHaveLength(2);
  });

  it("tells every remaining participant of a cycle released this week, once", async () => {
    const world = emptyWorld();
    world.cycles = [
      buildCycle({ status: "released", releasedAt: at(-1) }),
      buildCycle({ id: "c-old", status: "released", releasedAt: at(-30) }),
    ];
    world.participants = [
      { cycleId: "c-1", personId: "p-1", managerId: null, joinedAt: at(-10), leftAt: null },
      { cycleId: "c-1", personId: "p-2", managerId: null, joinedAt: at(-10), leftAt: at(-5) },
    ];
    const { service, sent } = setup(world);
    await service.sendDue();
    expect(sent.map((s) => [s.recipientId, s.input.kind, s.input.subject])).toEqual([
      ["p-1", "cycle.released", 'The results of "Winter review" are released'],
    ]);
    await service.sendDue();
    expect(sent).toHaveLength(1);
  });

  it("retries a failed delivery for whoever it did not reach, and never claims a reminder twice", async () => {
    const world = emptyWorld();
    world.requests = [{ id: "rq-1", subjectName: "Bea", dueAt: at(1), waitingRaterIds: ["r-1", "r-2"] }];
    world.failFor = "r-1";
    const { service, sent, failedJobs } = setup(world);
    expect(await service.sendDue()).toEqual({ queued: { "feedback.due": 2 } });
    expect(sent.map((s) => s.recipientId)).toEqual(["r-2"]);
    expect(failedJobs).toHaveLength(1);
    // The next run claims nothing; the job's retry tells r-1 and skips r-2.
    expect(await service.sendDue()).toEqual({ queued: {} });
    delete world.failFor;
    expect(await service.deliver(failedJobs[0]!)).toEqual({ sent: 1, skipped: 1 });
    expect(sent.map((s) => s.recipientId)).toEqual(["r-2", "r-1"]);
    expect(await service.deliver(failedJobs[0]!)).toEqual({ sent: 0, skipped: 2 });
  });

  it("queues a large fan-out in batches of REMINDERS_PER_JOB", async () => {
    const world = emptyWorld();
    const raters = Array.from({ length: REMINDERS_PER_JOB * 2 + 1 }, (_, i) => `r-${i}`);
    world.requests = [{ id: "rq-1", subjectName: "Bea", dueAt: at(1), waitingRaterIds: raters }];
    const { service, sent } = setup(world);
    const batches: number[] = [];
    const deliver = service.deliver.bind(service);
    service.deliver = async (batch) => {
      batches.push(batch.length);
      return deliver(batch);
    };
    await service.sendDue();
    expect(batches).toEqual([REMINDERS_PER_JOB, REMINDERS_PER_JOB, 1]);
    expect(new Set(sent.map((s) => s.recipientId)).size).toBe(raters.length);
  });
});

describe("ReminderService.remindLatePeople", () => {
  function lateWorld(): World {
    const world = emptyWorld();
    world.cycles = [buildCycle()];
    world.toRemind = [
      { personId: "p-1", name: "P", phase: "self", aboutId: "p-1", aboutName: "P", state: "late", dueAt: at(-1) },
      { personId: "mgr", name: "M", phase: "manager", aboutId: "p-1", aboutName: "P", state: "late", dueAt: at(-1) },
      { personId: "mgr", name: "M", phase: "manager", aboutId: "p-2", aboutName: "Q", state: "late", dueAt: at(-1) },
    ];
    return world;
  }

  it("reminds each person on the list once a day, and audits every attempt", async () => {
    const { service, sent, audited, clock } = setup(lateWorld());
    expect(await service.remindLatePeople(ADMIN, "c-1")).toEqual({ reminded: 2, alreadyReminded: 0 });
    expect(sent.map((s) => [s.recipientId, s.input.kind, s.input.link])).toEqual([
      ["p-1", "cycle.reminder", "/tasks"],
      ["mgr", "cycle.reminder", "/tasks"],
    ]);
    expect(sent[1]?.input.email?.body).toContain("the manager assessment of Q: due 6 December 2026 (late)");
    expect(await service.remindLatePeople(ADMIN, "c-1")).toEqual({ reminded: 0, alreadyReminded: 2 });
    clock.now = at(1);
    expect(await service.remindLatePeople(ADMIN, "c-1")).toEqual({ reminded: 2, alreadyReminded: 0 });
    expect(audited.map((e) => [e.action, e.actorId, e.details])).toEqual([
      ["cycle.remind", "admin", { reminded: 2, alreadyReminded: 0, day: "2026-12-07" }],
      ["cycle.remind", "admin", { reminded: 0, alreadyReminded: 2, day: "2026-12-07" }],
      ["cycle.remind", "admin", { reminded: 2, alreadyReminded: 0, day: "2026-12-08" }],
    ]);
  });

  it("refuses anyone but an admin, and names an unknown cycle", async () => {
    const { service, sent } = setup(lateWorld());
    await expect(service.remindLatePeople(MEMBER, "c-1")).rejects.toMatchObject({ code: "forbidden" });
    await expect(service.remindLatePeople(null, "c-1")).rejects.toBeInstanceOf(AppError);
    await expect(service.remindLatePeople(ADMIN, "nope")).rejects.toMatchObject({ code: "not_found" });
    expect(sent).toHaveLength(0);
  });
});
