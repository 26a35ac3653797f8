import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { endpoints, type TLoadedCalibrationSession } from "@ascent/contract";
import { createScratchDatabase, describeOnDriver } from "@ascent/db/testing";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  apiError,
  applicableCompetencies,
  buildAssessmentOrg,
  daysFromNow,
  type AssessmentOrg,
  type CallerKey,
  type StaffKey,
} from "../support/assessment-fixture.ts";

const legs = [{ driver: "pglite" }, { driver: "postgres" }] as const;

/** Words only one peer wrote: they must never reach a calibration response. */
const PEER_WORDS = ["pia-alone-wrote-this", "pete-alone-wrote-this", "paz-alone-wrote-this"];

/**
 *     vic (VP) ── dana (Director) ─┬─ mia, pia, pete, paz, pol (PMs, team Product)   ← the session's scope
 *     oscar (Senior PM, no manager, team Product)                                     ← outside it
 *
 * Vic facilitates; the participants default to the managers of the people in scope: Dana.
 */
for (const leg of legs) {
  describeOnDriver(leg.driver, "calibration sessions over HTTP", () => {
    let server: TestServer;
    let org: AssessmentOrg;
    let competency: string;
    let cycleId: string;
    let sessionId: string;
    const cleanups: (() => Promise<void>)[] = [];
    const idOf = (key: StaffKey) => org.people[key].id;

    const rate = async (
      rater: StaffKey,
      subject: StaffKey,
      relation: "self" | "manager" | "peer",
      score: number,
      evidence: string,
      feedbackRequestId?: string,
    ) => {
      const draft = await org.as(rater)(endpoints.assessments.start, {
        body: { subjectId: idOf(subject), relation, ...(feedbackRequestId ? { feedbackRequestId } : {}) },
      });
      await org.as(rater)(endpoints.assessments.saveRatings, {
        params: { assessmentId: draft.id },
        body: { ratings: [{ competencyId: competency, score, evidence }] },
      });
      await org.as(rater)(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
    };
    const askPeers = async (subject: StaffKey, answers: [StaffKey, number, string][]) => {
      const request = await org.as("dana")(endpoints.feedback.create, {
        params: { id: idOf(subject) },
        body: { relation: "peer", raterIds: answers.map(([rater]) => idOf(rater)), dueAt: daysFromNow(7) },
      });
      for (const [rater, score, words] of answers) await rate(rater, subject, "peer", score, words, request.id);
      await org.as("dana")(endpoints.feedback.close, { params: { requestId: request.id } });
    };
    const load = (caller: CallerKey) =>
      org.as(caller)(endpoints.calibration.loadSession, { params: { id: sessionId } });
    const personIn = (loaded: TLoadedCalibrationSession, key: StaffKey) =>
      loaded.people.find((p) => p.personId === idOf(key));
    const adjust = (caller: CallerKey, body: Record<string, unknown>) =>
      org.raw(caller, "POST", `/api/calibration/sessions/${sessionId}/adjustments`, body);

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (leg.driver === "postgres") {
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        cleanups.push(scratch.drop);
      }
      server = await startTestServer({ databaseUrl });
      org = await buildAssessmentOrg(server);
      [competency] = (await applicableCompetencies(org.as("mia"), "pm")) as [string];
      await rate("mia", "mia", "self", 4, "Mia on herself");
      for (const report of ["mia", "pia", "pete", "paz", "pol"] as const)
        await rate("dana", report, "manager", 3, "ok");
      await askPeers("mia", [
        ["pia", 2, PEER_WORDS[0]!],
        ["pete", 3, PEER_WORDS[1]!],
        ["paz", 5, PEER_WORDS[2]!],
      ]);
      // Two answers only: below k = 3, so Pol's peer group stays hidden.
      await askPeers("pol", [
        ["pia", 1, PEER_WORDS[0]!],
        ["pete", 5, PEER_WORDS[1]!],
      ]);
      // Review cycles are built elsewhere: the cycle and its membership are written straight to the database.
      const created = await server.database.db.execute(sql`
        insert into review_cycles (name, starts_at, ends_at)
        values ('Spring review', now() - interval '30 days', now() + interval '30 days') returning id`);
      const rows = (Array.isArray(created) ? created : (created as { rows: { id: string }[] }).rows) as {
        id: string;
      }[];
      cycleId = rows[0]!.id;
      await server.database.db.execute(
        sql`update assessments set cycle_id = ${cycleId} where relation in ('self', 'manager')`,
      );
    }, 180_000);

    afterAll(async () => {
      await server?.stop();
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it("lets an admin open a session whose participants default to the managers in scope", async () => {
      const refused = await apiError(
        org.as("dana")(endpoints.calibration.createSession, {
          body: { cycleId, name: "PMs", scope: { levelIds: ["pm"] }, facilitatorId: idOf("vic") },
        }),
      );
      expect(refused.status).toBe(403);
      const empty = await apiError(
        org.as("admin")(endpoints.calibration.createSession, {
          body: { cycleId, name: "Nobody", scope: { teams: ["No such team"] }, facilitatorId: idOf("vic") },
        }),
      );
      expect(empty).toMatchObject({ status: 400, code: "validation_failed" });
      const session = await org.as("admin")(endpoints.calibration.createSession, {
        body: {
          cycleId,
          name: "Product Managers, spring",
          scope: { levelIds: ["pm"], teams: ["Product"] },
          facilitatorId: idOf("vic"),
          guideline: { low: 0.2, medium: 0.6, high: 0.2 },
        },
      });
      sessionId = session.id;
      expect(session).toMatchObject({ status: "open", facilitatorId: idOf("vic"), participantIds: [idOf("dana")] });
      const listed = await org.as("dana")(endpoints.calibration.listSessions, {});
      expect(listed.sessions.map((s) => s.id)).toEqual([sessionId]);
      expect((await org.as("oscar")(endpoints.calibration.listSessions, {})).sessions).toEqual([]);
    });

    it("shows a participant the people in scope only, with ratings, released aggregates and readiness", async () => {
      const loaded = await load("dana");
      expect(loaded.people.map((p) => p.personId).sort()).toEqual(
        (["mia", "pia", "pete", "paz", "pol"] as const).map(idOf).sort(),
      );
      const text = JSON.stringify(loaded);
      expect(text).not.toContain(idOf("oscar"));
      expect(text).not.toContain("Oscar");
      const mia = personIn(loaded, "mia")!;
      expect(mia.competencies.find((c) => c.competencyId === competency)).toEqual({
        competencyId: competency,
        managerRating: 3,
        calibratedRating: 3,
        selfRating: 4,
        peer: { mean: 10 / 3, count: 3 },
        upward: null,
      });
      expect(personIn(loaded, "pol")!.competencies.find((c) => c.competencyId === competency)!.peer).toMatchObject({
        hidden: true,
      });
      expect(mia.performance.targetLevelId).toBe("pm");
      expect(mia.potential.targetLevelId).not.toBe("pm");
      expect(mia.performance.score).toBeGreaterThan(0);
      // Dana is the only manager rating in this cycle: her offset cannot be told apart from the people's level.
      expect(mia.managerRaterEffect).toMatchObject({ offset: 0, identifiable: false });
      expect(mia.managerRaterEffect?.ratings).toBeGreaterThan(0);
      // The facilitator and the managers are named, though Dana may not read Vic's profile; nobody else is.
      expect(loaded.names).toEqual({ [idOf("vic")]: "Vic Vee", [idOf("dana")]: "Dana Director" });
    });

    it("never sends an individual peer answer: no words, no rater, no group below k", async () => {
      const responses = [
        await load("dana"),
        await load("admin"),
        await org.as("dana")(endpoints.calibration.distribution, { params: { id: sessionId }, query: {} }),
        await org.as("dana")(endpoints.calibration.nineBox, { params: { id: sessionId } }),
      ];
      for (const response of responses) {
        const text = JSON.stringify(response);
        for (const words of PEER_WORDS) expect(text).not.toContain(words);
        expect(text).not.toMatch(/"rater[A-Za-z]*":/);
        expect(text).not.toContain("assessmentId");
      }
      for (const person of (responses[0] as TLoadedCalibrationSession).people) {
        for (const c of person.competencies) {
          for (const group of [c.peer, c.upward]) {
            if (group && "mean" in group) expect(Object.keys(group).sort()).toEqual(["count", "mean"]);
            if (group && "mean" in group) expect(group.count).toBeGreaterThanOrEqual(3);
          }
        }
      }
    });

    it("refuses a manager who is not a participant, and anyone else, with 403", async () => {
      for (const caller of ["oscar", "pia", "mia"] as const) {
        const response = await org.raw(caller, "GET", `/api/calibration/sessions/${sessionId}`);
        expect(response.status, caller).toBe(403);
        expect(await response.text()).not.toContain(idOf("pete"));
        expect(
          (await adjust(caller, { subjectId: idOf("pete"), competencyId: competency, to: 4, reason: "x" })).status,
        ).toBe(403);
      }
      expect(
        (await org.raw("dana", "GET", "/api/calibration/sessions/00000000-0000-4000-8000-000000000000")).status,
      ).toBe(404);
    });

    it("refuses an adjustment without a reason, or of someone out of scope, and changes nothing", async () => {
      for (const body of [
        { subjectId: idOf("mia"), competencyId: competency, to: 4 },
        { subjectId: idOf("mia"), competencyId: competency, to: 4, reason: "   " },
      ]) {
        const response = await adjust("dana", body);
        expect(response.status).toBe(400);
        expect(await response.text()).toContain("reason");
      }
      const outside = await adjust("dana", {
        subjectId: idOf("oscar"),
        competencyId: competency,
        to: 4,
        reason: "Oscar is great",
      });
      expect(outside.status).toBe(400);
      expect(await outside.text()).toContain("scope");
      expect(
        (await org.as("dana")(endpoints.calibration.listAdjustments, { params: { id: sessionId } })).adjustments,
      ).toEqual([]);
    });

    it("records an adjustment with its reason, shows it to the manager and in the audit log", async () => {
      const adjustment = await org.as("dana")(endpoints.calibration.adjustRating, {
        params: { id: sessionId },
        body: { subjectId: idOf("mia"), competencyId: competency, to: 4, reason: "Led the pricing launch" },
      });
      expect(adjustment).toMatchObject({
        kind: "rating",
        from: 3,
        to: 4,
        by: idOf("dana"),
        reason: "Led the pricing launch",
      });
      const mia = personIn(await load("dana"), "mia")!.competencies.find((c) => c.competencyId === competency)!;
      expect(mia).toMatchObject({ managerRating: 3, calibratedRating: 4 });

      for (const manager of ["dana", "vic"] as const) {
        const seen = await org.as(manager)(endpoints.calibration.myReportsAdjustments, {});
        expect(seen.adjustments).toEqual([
          expect.objectContaining({
            id: adjustment.id,
            subjectName: "Mia Member",
            byName: "Dana Director",
            reason: "Led the pricing launch",
            to: 4,
          }),
        ]);
      }
      expect((await org.as("oscar")(endpoints.calibration.myReportsAdjustments, {})).adjustments).toEqual([]);

      const audit = await org.as("admin")(endpoints.audit.list, { query: { subjectId: idOf("mia") } });
      const event = audit.events.find((e) => e.action === "calibration.rating.adjust");
      expect(event).toMatchObject({
        actor: expect.objectContaining({ id: idOf("dana") }),
        targetId: sessionId,
        details: expect.objectContaining({
          competencyId: competency,
          from: 3,
          to: 4,
          reason: "Led the pricing launch",
        }),
      });
    });

    it("moves a person in the 9-box with a reason and counts the distribution against the guideline", async () => {
      const before = personIn(await load("dana"), "pol")!;
      const to = { performance: "high", potential: before.box.potential === "high" ? "low" : "high" } as const;
      const missing = await org.raw("dana", "POST", `/api/calibration/sessions/${sessionId}/placements`, {
        subjectId: idOf("pol"),
        to,
      });
      expect(missing.status).toBe(400);
      const moved = await org.as("dana")(endpoints.calibration.moveInNineBox, {
        params: { id: sessionId },
        body: { subjectId: idOf("pol"), to, reason: "Ran the migration alone" },
      });
      expect(moved).toMatchObject({ kind: "box", from: before.box, to });
      const after = personIn(await load("dana"), "pol")!;
      expect(after).toMatchObject({ box: to, proposedBox: before.proposedBox, boxReason: "Ran the migration alone" });
      const { cells } = await org.as("dana")(endpoints.calibration.nineBox, { params: { id: sessionId } });
      expect(cells).toHaveLength(9);
      expect(cells.find((c) => c.performance === to.performance && c.potential === to.potential)!.personIds).toContain(
        idOf("pol"),
      );
      const { levels } = await org.as("dana")(endpoints.calibration.distribution, {
        params: { id: sessionId },
        query: { measure: "performance" },
      });
      expect(levels).toEqual([
        expect.objectContaining({ levelId: "pm", total: 5, expected: { low: 1, medium: 3, high: 1 } }),
      ]);
      expect(levels[0]!.counts.high).toBeGreaterThanOrEqual(1);
    });

    it("lets the facilitator close the session, freezing it: every later change is a 409", async () => {
      expect((await org.raw("dana", "POST", `/api/calibration/sessions/${sessionId}/close`)).status).toBe(403);
      const closed = await org.as("vic")(endpoints.calibration.closeSession, { params: { id: sessionId } });
      expect(closed.isFrozen).toBe(true);
      expect(closed.session.status).toBe("closed");
      const change = await adjust("dana", {
        subjectId: idOf("mia"),
        competencyId: competency,
        to: 5,
        reason: "One more thought",
      });
      expect(change.status).toBe(409);
      const move = await org.raw("dana", "POST", `/api/calibration/sessions/${sessionId}/placements`, {
        subjectId: idOf("mia"),
        to: { performance: "low", potential: "low" },
        reason: "Late change",
      });
      expect(move.status).toBe(409);
      expect((await org.raw("vic", "POST", `/api/calibration/sessions/${sessionId}/close`)).status).toBe(409);
      const frozen = await load("dana");
      expect(personIn(frozen, "mia")!.competencies.find((c) => c.competencyId === competency)!.calibratedRating).toBe(
        4,
      );
      expect(frozen.people.map((p) => p.personId).sort()).toEqual(closed.people.map((p) => p.personId).sort());
      const adjustments = await org.as("dana")(endpoints.calibration.listAdjustments, { params: { id: sessionId } });
      expect(adjustments.adjustments.map((a) => a.kind)).toEqual(["rating", "box"]);
    });
  });
}
