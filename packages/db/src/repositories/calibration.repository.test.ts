import { expect, it } from "vitest";
import { FrameworkCatalog } from "@ascent/core";
import { buildFramework } from "@ascent/core/testing";
import { describeEachDriver } from "../testing/test-databases.ts";
import { reviewCycles } from "../schema/index.ts";
import { DrizzleAssessmentRepository } from "./assessments.repository.ts";
import { DrizzleCalibrationRepository } from "./calibration.repository.ts";
import { DrizzleFrameworkRepository } from "./frameworks.repository.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";

describeEachDriver("calibration sessions, adjustments and placements", (db) => {
  let counter = 0;
  const at = new Date("2026-05-04T10:00:00Z");

  const setup = async () => {
    const n = ++counter;
    const people = new DrizzlePeopleRepository(db().db);
    const team = `Growth-${n}`;
    const dana = await people.create({ name: "Dana", email: `dana-${n}@x.test`, levelId: "director", team });
    const mia = await people.create({ name: "Mia", email: `mia-${n}@x.test`, levelId: "pm", managerId: dana.id, team });
    const pia = await people.create({ name: "Pia", email: `pia-${n}@x.test`, levelId: "pm", managerId: mia.id, team });
    const gone = await people.create({
      name: "Gone",
      email: `gone-${n}@x.test`,
      levelId: "pm",
      managerId: dana.id,
      team,
      status: "inactive",
    });
    const other = await people.create({ name: "Olu", email: `olu-${n}@x.test`, levelId: "pm", team: `Other-${n}` });
    const [cycle] = await db()
      .db.insert(reviewCycles)
      .values({ name: `Spring ${n}`, startsAt: new Date("2026-04-01Z"), endsAt: new Date("2026-05-31Z") })
      .returning();
    if (!cycle) throw new Error("no cycle");
    const repository = new DrizzleCalibrationRepository(db().db);
    const session = await repository.createSession(
      {
        cycleId: cycle.id,
        name: "Senior PMs",
        scope: { teams: [team], levelIds: ["pm"] },
        facilitatorId: dana.id,
        participantIds: [dana.id, mia.id],
        guideline: { low: 0.2, medium: 0.6, high: 0.2 },
        createdBy: dana.id,
      },
      at,
    );
    return { people, dana, mia, pia, gone, other, cycle, team, repository, session };
  };

  it("selects active people by level, team and department, and finds a review cycle", async () => {
    const { repository, dana, mia, pia, other, team, cycle } = await setup();
    const names = async (scope: Parameters<typeof repository.peopleInScope>[0]) =>
      (await repository.peopleInScope(scope)).map((p) => p.id);
    expect(await names({ teams: [team], levelIds: ["pm"] })).toEqual([mia.id, pia.id]);
    expect(await names({ managerId: dana.id })).toEqual([mia.id, pia.id]);
    expect(await names({ managerId: mia.id, levelIds: ["director"] })).toEqual([]);
    expect(await names({ teams: [team, other.team] })).toEqual([dana.id, mia.id, other.id, pia.id]);
    expect(await repository.cycleExists(cycle.id)).toBe(true);
    expect(await repository.cycleExists("00000000-0000-4000-8000-000000000000")).toBe(false);
  });

  it("stores a session with its participants and lists it for its members only", async () => {
    const { repository, session, dana, mia, pia } = await setup();
    expect(await repository.findSession(session.id)).toEqual(session);
    expect(session).toMatchObject({ status: "open", closedAt: null, guideline: { low: 0.2, medium: 0.6, high: 0.2 } });
    expect(session.participantIds).toEqual([dana.id, mia.id].sort());
    expect((await repository.listSessions({ personId: mia.id })).map((s) => s.id)).toEqual([session.id]);
    expect(await repository.listSessions({ personId: pia.id })).toEqual([]);
    expect((await repository.listSessions({ all: true })).map((s) => s.id)).toContain(session.id);
  });

  it("reads the latest submitted self and manager ratings of the cycle only", async () => {
    const { repository, session, cycle, dana, mia, pia } = await setup();
    const catalog = new FrameworkCatalog(new DrizzleFrameworkRepository(db().db));
    const { framework } = await catalog.ensureBuiltin(buildFramework({ slug: "product-management" }));
    const assessments = new DrizzleAssessmentRepository(db().db);
    const submit = async (
      raterId: string,
      relation: "self" | "manager" | "peer",
      score: number,
      cycleId: string | null,
      when: Date,
    ) => {
      const created = await assessments.create({
        subjectId: pia.id,
        raterId,
        relation,
        frameworkId: framework.id,
        frameworkVersion: 1,
        levelId: "pm",
        cycleId,
        feedbackRequestId: null,
        supersedesId: null,
        ratings: [{ competencyId: "strategy", score, evidence: "", evidenceIds: [], confidence: null }],
      });
      await assessments.markSubmitted(created.id, when);
    };
    await submit(mia.id, "manager", 2, session.cycleId, new Date("2026-04-10Z"));
    await submit(mia.id, "manager", 3, session.cycleId, new Date("2026-04-20Z"));
    await submit(mia.id, "manager", 5, null, new Date("2026-04-25Z"));
    await submit(pia.id, "self", 4, cycle.id, new Date("2026-04-12Z"));
    await submit(dana.id, "peer", 1, cycle.id, new Date("2026-04-12Z"));
    const ratings = await repository.cycleRatings(cycle.id, [pia.id, mia.id]);
    expect(ratings.sort((a, b) => a.relation.localeCompare(b.relation))).toEqual([
      { subjectId: pia.id, raterId: mia.id, relation: "manager", competencyId: "strategy", score: 3 },
      { subjectId: pia.id, raterId: pia.id, relation: "self", competencyId: "strategy", score: 4 },
    ]);
  });

  it("appends adjustments with a box while open, freezes placements on closing, and refuses both after", async () => {
    const { repository, session, dana, mia, pia } = await setup();
    const rating = await repository.addAdjustment({
      sessionId: session.id,
      subjectId: pia.id,
      competencyId: "strategy",
      kind: "rating",
      from: 3,
      to: 4,
      reason: "Led the pricing work",
      by: dana.id,
      at,
    });
    expect(rating).toMatchObject({ from: 3, to: 4, reason: "Led the pricing work", by: dana.id, at });
    const box = { performance: "high", potential: "medium" } as const;
    await repository.addAdjustment(
      {
        sessionId: session.id,
        subjectId: mia.id,
        competencyId: null,
        kind: "box",
        from: { performance: "medium", potential: "medium" },
        to: box,
        reason: "Carried the launch",
        by: dana.id,
        at,
      },
      box,
    );
    expect((await repository.adjustments(session.id)).map((a) => a.kind)).toEqual(["rating", "box"]);
    expect((await repository.adjustmentsAbout([pia.id])).map((a) => a.to)).toEqual([4]);
    expect(await repository.placements(session.id)).toEqual([
      {
        subjectId: mia.id,
        performance: null,
        potential: null,
        calibrated: box,
        reason: "Carried the launch",
        isFrozen: false,
      },
    ]);

    const frozen = [
      { subjectId: mia.id, performance: 0.9, potential: 0.5 },
      { subjectId: pia.id, performance: 0.75, potential: 0.25 },
    ];
    expect(await repository.close(session.id, dana.id, at, frozen)).toBe(true);
    expect(await repository.close(session.id, dana.id, at, frozen)).toBe(false);
    const placements = await repository.placements(session.id);
    expect(placements.find((p) => p.subjectId === mia.id)).toMatchObject({
      performance: 0.9,
      calibrated: box,
      isFrozen: true,
    });
    expect(placements.find((p) => p.subjectId === pia.id)).toMatchObject({ potential: 0.25, isFrozen: true });
    expect(await repository.findSession(session.id)).toMatchObject({
      status: "closed",
      closedAt: at,
      closedBy: dana.id,
    });
    const late = await repository.addAdjustment({ ...rating!, from: 4, to: 5 });
    expect(late).toBeNull();
    expect(await repository.adjustments(session.id)).toHaveLength(2);
  });

  it("refuses an adjustment without a reason in the database too", async () => {
    const { repository, session, dana, pia } = await setup();
    await expect(
      repository.addAdjustment({
        sessionId: session.id,
        subjectId: pia.id,
        competencyId: "strategy",
        kind: "rating",
        from: null,
        to: 4,
        reason: "   ",
        by: dana.id,
        at,
      }),
    ).rejects.toThrow();
  });
});
