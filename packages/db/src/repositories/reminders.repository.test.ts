import { expect, it } from "vitest";
import { describeEachDriver } from "../testing/test-databases.ts";
import { careerPlans, developmentGoals, feedbackRequestRaters, feedbackRequests, oneOnOnes } from "../schema/index.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";
import { DrizzleReminderLog, DrizzleReminderSource } from "./reminders.repository.ts";

const NOW = new Date("2026-12-07T09:00:00Z");
const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * 3600_000);
const AGENDA = { playbook: null, aspects: [], carriedOver: [] };

describeEachDriver("reminders: the sent-once log and what may be due", (db) => {
  let counter = 0;
  const setup = async () => {
    const people = new DrizzlePeopleRepository(db().db);
    const n = ++counter;
    const ada = await people.create({ name: `Ada ${n}`, email: `ada-${n}@x.test` });
    const bo = await people.create({ name: `Bo ${n}`, email: `bo-${n}@x.test` });
    const gone = await people.create({ name: `Gone ${n}`, email: `gone-${n}@x.test` });
    await people.update(gone.id, { status: "inactive" });
    return { ada, bo, gone, source: new DrizzleReminderSource(db().db), log: new DrizzleReminderLog(db().db) };
  };

  it("claims each reminder once, even when two servers claim at once, and marks it notified once", async () => {
    const { ada, bo, log } = await setup();
    const key = { recipientId: ada.id, kind: "goal.due", subjectKey: "goal:1", period: "2026-12-09:soon" };
    const other = { ...key, recipientId: bo.id };
    expect(await log.claimMany([key], NOW)).toEqual([key]);
    expect(await log.claimMany([key, other, { ...key, period: "2026-12-09:due" }], NOW)).toEqual([
      other,
      { ...key, period: "2026-12-09:due" },
    ]);
    expect(await log.claimMany([], NOW)).toEqual([]);
    const race = { ...key, subjectKey: "goal:2" };
    const [first, second] = await Promise.all([log.claimMany([race], NOW), log.claimMany([race], NOW)]);
    expect(first!.length + second!.length).toBe(1);

    expect(await log.markNotified(key, NOW)).toBe(true);
    expect(await log.markNotified(key, NOW)).toBe(false);
    await log.unmarkNotified(key);
    expect(await log.markNotified(key, NOW)).toBe(true);
    // A reminder nobody claimed cannot be marked.
    expect(await log.markNotified({ ...key, subjectKey: "goal:never" }, NOW)).toBe(false);
  });

  it("finds open requests due in the window with their active raters who have not answered", async () => {
    const { ada, bo, gone, source } = await setup();
    const request = async (dueAt: Date, closedAt: Date | null = null) => {
      const [row] = await db()
        .db.insert(feedbackRequests)
        .values({ subjectId: ada.id, relation: "peer", dueAt, closedAt })
        .returning();
      return row!.id;
    };
    const due = await request(hoursFromNow(30));
    const later = await request(hoursFromNow(100));
    const closed = await request(hoursFromNow(20), NOW);
    await db()
      .db.insert(feedbackRequestRaters)
      .values([
        { requestId: due, raterId: bo.id },
        { requestId: due, raterId: gone.id },
        { requestId: later, raterId: bo.id },
        { requestId: closed, raterId: bo.id },
      ]);
    const answered = await request(hoursFromNow(10));
    await db().db.insert(feedbackRequestRaters).values({ requestId: answered, raterId: bo.id, answeredAt: NOW });
    const found = (await source.requestsDueBetween(NOW, hoursFromNow(48))).filter((r) =>
      [due, later, closed, answered].includes(r.id),
    );
    expect(found).toEqual([{ id: due, subjectName: ada.name, dueAt: hoursFromNow(30), waitingRaterIds: [bo.id] }]);
  });

  it("finds 1:1s in the next day between active people, with names and agenda", async () => {
    const { ada, bo, gone, source } = await setup();
    const meeting = (reportId: string, scheduledAt: Date) =>
      db().db.insert(oneOnOnes).values({ leadId: ada.id, reportId, scheduledAt, agenda: AGENDA }).returning();
    const [tomorrow] = await meeting(bo.id, hoursFromNow(20));
    await meeting(bo.id, hoursFromNow(30));
    await meeting(gone.id, hoursFromNow(10));
    await meeting(bo.id, hoursFromNow(-1));
    const found = (await source.oneOnOnesBetween(NOW, hoursFromNow(24))).filter((m) => m.leadId === ada.id);
    expect(found).toEqual([
      {
        id: tomorrow!.id,
        leadId: ada.id,
        leadName: ada.name,
        reportId: bo.id,
        reportName: bo.name,
        scheduledAt: hoursFromNow(20),
        agenda: AGENDA,
      },
    ]);
  });

  it("finds active goals due in the window and every active person's plan schedule", async () => {
    const { ada, bo, gone, source } = await setup();
    const goal = (personId: string, due: string | null, status: "active" | "achieved" = "active") =>
      db()
        .db.insert(developmentGoals)
        .values({ personId, competencyId: "strategy", target: 3, title: `due ${due}`, due, status })
        .returning();
    const [inWindow] = await goal(ada.id, "2026-12-08");
    await goal(ada.id, "2026-12-20");
    await goal(ada.id, null);
    await goal(ada.id, "2026-12-08", "achieved");
    await goal(gone.id, "2026-12-08");
    const goals = (await source.goalsDueBetween("2026-12-06", "2026-12-09")).filter((g) =>
      [ada.id, gone.id].includes(g.personId),
    );
    expect(goals).toEqual([{ id: inWindow!.id, personId: ada.id, title: "due 2026-12-08", due: "2026-12-08" }]);
    const reviewed = new Date("2026-09-01T00:00:00Z");
    await db()
      .db.insert(careerPlans)
      .values([
        { personId: bo.id, plan: {}, cadence: "monthly", lastReviewedAt: reviewed, createdAt: reviewed },
        { personId: gone.id, plan: {}, cadence: "monthly", lastReviewedAt: null, createdAt: reviewed },
      ]);
    const plans = (await source.planSchedules()).filter((p) => [bo.id, gone.id].includes(p.personId));
    expect(plans).toEqual([{ personId: bo.id, cadence: "monthly", lastReviewedAt: reviewed, createdAt: reviewed }]);
  });
});
