import { expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { CyclePhase } from "@ascent/core";
import { describeEachDriver } from "../testing/test-databases.ts";
import { resultRows } from "../migrate.ts";
import { DrizzleCycleRepository } from "./cycles.repository.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";
import { DrizzleAssessmentRepository } from "./assessments.repository.ts";

const day = (d: number) => new Date(Date.UTC(2026, 2, d, 9));
const phases: CyclePhase[] = [
  { kind: "self", opensAt: day(1), dueAt: day(10), closedAt: null },
  { kind: "manager", opensAt: day(5), dueAt: day(20), closedAt: null },
];

describeEachDriver("review cycles repository", (db) => {
  let counter = 0;
  const setup = async () => {
    const n = ++counter;
    const people = new DrizzlePeopleRepository(db().db);
    const dana = await people.create({
      name: `Dana ${n}`,
      email: `dana-${n}@x.test`,
      team: `T${n}`,
      levelId: "director",
    });
    const mia = await people.create({
      name: `Mia ${n}`,
      email: `mia-${n}@x.test`,
      team: `T${n}`,
      levelId: "pm",
      managerId: dana.id,
    });
    const repository = new DrizzleCycleRepository(db().db);
    const cycle = await repository.create(
      {
        name: `Spring ${n}`,
        status: "active",
        population: { teams: [`T${n}`], startedBefore: day(1) },
        frameworkVersion: 2,
        nominationsMin: 2,
        nominationsMax: 4,
        startsAt: day(1),
        endsAt: day(30),
        createdBy: dana.id,
      },
      phases,
      [
        { personId: mia.id, managerId: dana.id, joinedAt: day(1), leftAt: null },
        { personId: dana.id, managerId: null, joinedAt: day(1), leftAt: null },
      ],
    );
    return { dana, mia, repository, cycle, n };
  };

  it("stores a cycle with its filter, phases in order and participants, and lists it", async () => {
    const { repository, cycle, mia, dana, n } = await setup();
    expect(cycle).toMatchObject({
      name: `Spring ${n}`,
      status: "active",
      population: { teams: [`T${n}`], startedBefore: day(1) },
      nominationsMin: 2,
      nominationsMax: 4,
      releasedAt: null,
    });
    expect(cycle.phases.map((p) => p.kind)).toEqual(["self", "manager"]);
    expect(await repository.findById(cycle.id)).toEqual(cycle);
    expect((await repository.list()).map((c) => c.id)).toContain(cycle.id);
    const participants = await repository.participants(cycle.id);
    expect(participants.map((p) => p.personId).sort()).toEqual([mia.id, dana.id].sort());
    expect(participants.find((p) => p.personId === mia.id)).toEqual({
      cycleId: cycle.id,
      personId: mia.id,
      managerId: dana.id,
      joinedAt: day(1),
      leftAt: null,
    });
    expect(await repository.participant(cycle.id, mia.id)).toEqual(participants.find((p) => p.personId === mia.id));
    expect(await repository.participant(cycle.id, cycle.id)).toBeNull();
    expect((await repository.participants(cycle.id, { personIds: [mia.id] })).map((p) => p.personId)).toEqual([mia.id]);
    expect(await repository.participants(cycle.id, { personIds: [] })).toEqual([]);
    // Mia's manager comes with her, by name.
    expect(await repository.participantNames(cycle.id, { personIds: [mia.id] })).toEqual(
      new Map([
        [mia.id, { name: mia.name, team: mia.team }],
        [dana.id, { name: dana.name, team: dana.team }],
      ]),
    );
    expect(await repository.participantNames(cycle.id, { personIds: [dana.id] })).toEqual(
      new Map([[dana.id, { name: dana.name, team: dana.team }]]),
    );
    expect((await repository.cyclesOf(mia.id)).map((c) => c.cycle.id)).toEqual([cycle.id]);
    expect(await repository.participantNames(cycle.id)).toEqual(
      new Map([
        [mia.id, { name: mia.name, team: mia.team }],
        [dana.id, { name: dana.name, team: dana.team }],
      ]),
    );
  });

  it("reads a row written with only the original columns, with the defaults", async () => {
    const rows = await db().db.execute(
      sql`insert into review_cycles (name, starts_at, ends_at) values ('Bare', now(), now()) returning id`,
    );
    const id = resultRows<{ id: string }>(rows)[0]!.id;
    expect(await new DrizzleCycleRepository(db().db).findById(id)).toMatchObject({
      status: "draft",
      population: {},
      nominationsMin: 0,
      phases: [],
    });
  });

  it("extends and closes phases, releases, and marks leavers without deleting them", async () => {
    const { repository, cycle, mia } = await setup();
    await repository.updatePhase(cycle.id, "self", { dueAt: day(12) });
    await repository.updatePhase(cycle.id, "manager", { closedAt: day(15) });
    await repository.markLeft(cycle.id, [mia.id], day(16));
    await repository.setStatus(cycle.id, "released", day(25));
    const stored = await repository.findById(cycle.id);
    expect(stored?.phases).toEqual([
      { ...phases[0], dueAt: day(12) },
      { ...phases[1], closedAt: day(15) },
    ]);
    expect(stored).toMatchObject({ status: "released", releasedAt: day(25), closedAt: day(25) });
    const leaver = (await repository.participants(cycle.id)).find((p) => p.personId === mia.id);
    expect(leaver?.leftAt).toEqual(day(16));
    await repository.markRejoined(cycle.id, [mia.id]);
    expect((await repository.participants(cycle.id)).find((p) => p.personId === mia.id)?.leftAt).toBeNull();
  });

  it("decides a nomination once, and stores acknowledgements with a replaced comment", async () => {
    const { repository, cycle, mia, dana } = await setup();
    const people = new DrizzlePeopleRepository(db().db);
    const ana = await people.create({ name: "Ana", email: `ana-${cycle.id}@x.test` });
    const nomination = await repository.createNomination({
      cycleId: cycle.id,
      subjectId: mia.id,
      nomineeId: ana.id,
      relation: "peer",
      proposedBy: mia.id,
    });
    expect(nomination.status).toBe("proposed");
    const decision = {
      status: "approved" as const,
      decidedBy: dana.id,
      decidedAt: day(3),
      nomineeId: ana.id,
      relation: "peer" as const,
      feedbackRequestId: null,
    };
    expect(await repository.decideNomination(nomination.id, decision)).toBe(true);
    expect(await repository.decideNomination(nomination.id, { ...decision, status: "rejected" })).toBe(false);
    expect(await repository.findNomination(nomination.id)).toMatchObject({ status: "approved", decidedBy: dana.id });
    expect((await repository.listNominations(cycle.id, { nomineeId: ana.id })).map((x) => x.id)).toEqual([
      nomination.id,
    ]);
    expect(await repository.listNominations(cycle.id, { subjectIds: [] })).toEqual([]);
    await repository.acknowledge({ cycleId: cycle.id, personId: mia.id, acknowledgedAt: day(26), comment: "ok" });
    await repository.acknowledge({ cycleId: cycle.id, personId: mia.id, acknowledgedAt: day(27), comment: "Agreed" });
    expect(await repository.acknowledgements(cycle.id)).toEqual([
      { cycleId: cycle.id, personId: mia.id, acknowledgedAt: day(27), comment: "Agreed" },
    ]);
  });

  it("reports self and manager assessment progress: submitted wins over draft", async () => {
    const { repository, cycle, mia, dana } = await setup();
    const rows = await db().db.execute(
      sql`insert into frameworks (slug, name) values (${`f-${cycle.id}`}, 'F') returning id`,
    );
    const frameworkId = resultRows<{ id: string }>(rows)[0]!.id;
    const assessments = new DrizzleAssessmentRepository(db().db);
    const base = { subjectId: mia.id, frameworkId, frameworkVersion: 1, levelId: "pm", feedbackRequestId: null };
    const self = await assessments.create({
      ...base,
      raterId: mia.id,
      relation: "self",
      cycleId: cycle.id,
      supersedesId: null,
      ratings: [],
    });
    await assessments.markSubmitted(self.id, day(4));
    await assessments.create({
      ...base,
      raterId: dana.id,
      relation: "manager",
      cycleId: cycle.id,
      supersedesId: null,
      ratings: [],
    });
    const progress = await repository.assessmentProgress(cycle.id, [mia.id, dana.id], day(1));
    expect(progress.get(mia.id)).toEqual({ self: "submitted", manager: "draft" });
    expect(progress.has(dana.id)).toBe(false);
    // Without ids: every participant still in the cycle.
    expect(await repository.assessmentProgress(cycle.id, null, day(1))).toEqual(progress);
    await repository.markLeft(cycle.id, [mia.id], day(5));
    expect((await repository.assessmentProgress(cycle.id, null, day(1))).size).toBe(0);
  });

  it("finds the start of the cycle that closed last by a moment, for readiness's window", async () => {
    const { repository, dana } = await setup();
    // Years after every other test's cycles, so only these two count.
    const year = (y: number, month: number) => new Date(Date.UTC(y, month, 1));
    const make = (startsAt: Date) =>
      repository.create(
        {
          name: `Window ${startsAt.toISOString()}`,
          status: "active",
          population: {},
          frameworkVersion: null,
          nominationsMin: 0,
          nominationsMax: 8,
          startsAt,
          endsAt: startsAt,
          createdBy: dana.id,
        },
        [],
        [],
      );
    const first = await make(year(2040, 0));
    const second = await make(year(2040, 6));
    await repository.setStatus(first.id, "released", year(2040, 3));
    await repository.setStatus(second.id, "released", year(2040, 9));
    expect(await repository.lastClosedCycleStart(year(2040, 5))).toEqual(year(2040, 0));
    expect(await repository.lastClosedCycleStart(year(2041, 0))).toEqual(year(2040, 6));
  });

  it("lists active people as population candidates", async () => {
    const { repository, mia } = await setup();
    const people = new DrizzlePeopleRepository(db().db);
    await people.update(mia.id, { status: "inactive" });
    const candidates = await repository.populationCandidates();
    expect(candidates.some((c) => c.id === mia.id)).toBe(false);
    expect(candidates.length).toBeGreaterThan(0);
  });
});
