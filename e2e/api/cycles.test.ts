import { afterAll, beforeAll, expect, it } from "vitest";
import { endpoints, type TCreateCycleBody, type TReviewCycle } from "@ascent/contract";
import { createScratchDatabase, describeOnDriver } from "@ascent/db/testing";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { createTestClock } from "../support/test-clock.ts";
import {
  apiError,
  applicableCompetencies,
  buildAssessmentOrg,
  type AssessmentOrg,
} from "../support/assessment-fixture.ts";

const legs = [{ driver: "pglite" }, { driver: "postgres" }] as const;
const DAY = 86_400_000;
const api = endpoints.cycles;

for (const leg of legs) {
  describeOnDriver(leg.driver, "review cycles over HTTP", () => {
    let server: TestServer;
    let org: AssessmentOrg;
    const clock = createTestClock();
    const cleanups: (() => Promise<void>)[] = [];
    const at = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();

    /** Phases around the test clock's now: self and nomination open, manager open, release later. */
    const cycleBody = (overrides: Partial<TCreateCycleBody> = {}): TCreateCycleBody => ({
      name: "Spring review",
      population: { managers: [org.people.vic.id] },
      phases: [
        { kind: "self", opensAt: at(-1), dueAt: at(7) },
        { kind: "nomination", opensAt: at(-1), dueAt: at(5) },
        { kind: "manager", opensAt: at(-1), dueAt: at(10) },
        { kind: "calibration", opensAt: at(10), dueAt: at(12) },
        { kind: "release", opensAt: at(12), dueAt: at(14) },
      ],
      nominationsMin: 2,
      nominationsMax: 3,
      ...overrides,
    });

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (leg.driver === "postgres") {
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        cleanups.push(scratch.drop);
      }
      server = await startTestServer({ databaseUrl, now: clock.now });
      org = await buildAssessmentOrg(server);
    });
    afterAll(async () => {
      await server?.stop();
      for (const cleanup of cleanups) await cleanup();
    });

    it("refuses bad cycles with a 4xx naming the problem, and creates nothing", async () => {
      const before = (await org.as("admin")(api.list)).cycles.length;
      const empty = await apiError(
        org.as("admin")(api.create, { body: cycleBody({ population: { teams: ["Nowhere"] } }) }),
      );
      expect([empty.status, empty.message]).toEqual([400, expect.stringContaining("population is empty")]);
      const backwards = await apiError(
        org.as("admin")(api.create, {
          body: cycleBody({ phases: [{ kind: "self", opensAt: at(3), dueAt: at(1) }] }),
        }),
      );
      expect(backwards.status).toBe(400);
      expect(backwards.details?.[0]?.path).toBe("body.phases[0].dueAt");
      const minAboveMax = await apiError(
        org.as("admin")(api.create, { body: cycleBody({ nominationsMin: 3, nominationsMax: 1 }) }),
      );
      expect(minAboveMax.status).toBe(400);
      const unknownFramework = await apiError(
        org.as("admin")(api.create, { body: cycleBody({ population: { frameworks: ["no-such-ladder"] } }) }),
      );
      expect([unknownFramework.status, unknownFramework.message]).toEqual([
        400,
        expect.stringContaining("no-such-ladder"),
      ]);
      expect((await org.as("admin")(api.list)).cycles).toHaveLength(before);
    });

    it("lets only an admin preview a population or create a cycle", async () => {
      const preview = await org.as("admin")(api.previewPopulation, {
        body: { population: { managers: [org.people.dana.id] } },
      });
      expect(preview.people.map((p) => p.name).sort()).toEqual(
        ["Mia Member", "Paz Peer", "Pete Peer", "Pia Peer", "Pol Peer"].sort(),
      );
      expect((await apiError(org.as("mia")(api.create, { body: cycleBody() }))).status).toBe(403);
      expect((await apiError(org.as("dana")(api.previewPopulation, { body: { population: {} } }))).status).toBe(403);
    });

    it("runs a cycle: nominations, tasks, phases, progress by chain, joiners and leavers, release and acknowledgement", async () => {
      const { people } = org;
      // Dana rates Pete before the cycle starts: once the cycle is released, readiness's window starts with it.
      const [competency] = await applicableCompetencies(org.as("mia"), "pm");
      if (!competency) throw new Error("the built-in ladder has no competency at PM");
      const rate = async (rater: "mia" | "dana", subjectId: string, relation: "self" | "manager") => {
        const draft = await org.as(rater)(endpoints.assessments.start, { body: { subjectId, relation } });
        await org.as(rater)(endpoints.assessments.saveRatings, {
          params: { assessmentId: draft.id },
          body: { ratings: [{ competencyId: competency, score: 3, evidence: "Shipped" }] },
        });
        await org.as(rater)(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
      };
      const petesObserved = async () =>
        (await org.as("vic")(endpoints.readiness.forPerson, { params: { id: people.pete.id } })).competencies.find(
          (c) => c.competencyId === competency,
        )?.observed;
      await rate("dana", people.pete.id, "manager");
      expect(await petesObserved()).toBe(3);
      clock.advance(2 * DAY);

      const cycle = await org.as("admin")(api.create, { body: cycleBody() });
      expect(cycle).toMatchObject({ status: "active", nominationsMin: 2, nominationsMax: 3 });
      expect(cycle.phases.map((p) => p.kind)).toEqual(["self", "nomination", "manager", "calibration", "release"]);
      const cycleId = cycle.id;
      const participants = await org.as("admin")(api.participants, { params: { cycleId } });
      expect(participants.participants.map((p) => p.person.name).sort()).toEqual(
        ["Dana Director", "Mia Member", "Paz Peer", "Pete Peer", "Pia Peer", "Pol Peer"].sort(),
      );

      // Nominations: the subject proposes; self, a manager above or a direct report as a peer are refused.
      const propose = (caller: "mia" | "dana", nomineeId: string, relation: "peer" | "upward" = "peer") =>
        org.as(caller)(api.propose, { params: { cycleId }, body: { nomineeId, relation } });
      for (const [caller, nominee] of [
        ["mia", people.mia.id],
        ["mia", people.dana.id],
        ["mia", people.vic.id],
        ["dana", people.mia.id],
      ] as const) {
        const refused = await apiError(propose(caller, nominee));
        expect([refused.status, refused.details?.[0]?.path]).toEqual([400, "body.nomineeId"]);
      }
      expect((await apiError(propose("mia", people.oscar.id, "upward"))).status).toBe(400);
      const toPia = await propose("mia", people.pia.id);
      const toPete = await propose("mia", people.pete.id);
      const toPaz = await propose("mia", people.paz.id);
      expect((await apiError(propose("mia", people.pia.id))).status).toBe(409);
      const overMax = await apiError(propose("mia", people.pol.id));
      expect([overMax.status, overMax.message]).toEqual([400, expect.stringContaining("maximum of 3")]);

      const miaTasks = await org.as("mia")(api.myTasks);
      expect(miaTasks.tasks.map((t) => [t.kind, t.state])).toEqual([
        ["self-assessment", "not-started"],
        ["nominate", "in-progress"],
      ]);
      expect(miaTasks.team).toEqual([]);

      // Only the subject's manager decides; to anyone else the nomination does not exist.
      const decide = (caller: "mia" | "dana" | "oscar", nominationId: string, body: object) =>
        org.as(caller)(api.decide, {
          params: { nominationId },
          body: body as { decision: "approve" | "reject" },
        });
      expect((await apiError(decide("mia", toPia.id, { decision: "approve" }))).status).toBe(404);
      expect((await apiError(decide("oscar", toPia.id, { decision: "approve" }))).status).toBe(404);
      const danaTasks = await org.as("dana")(api.myTasks);
      expect(danaTasks.tasks.filter((t) => t.subject.id === people.mia.id).map((t) => t.kind)).toEqual([
        "manager-assessment",
        "approve-nominations",
      ]);
      expect(danaTasks.team[0]?.people.map((p) => p.person.name)).toContain("Mia Member");
      const approved = await decide("dana", toPia.id, { decision: "approve" });
      expect(approved.status).toBe("approved");
      const edited = await decide("dana", toPete.id, { decision: "approve", nomineeId: people.pol.id });
      expect([edited.nominee.name, edited.feedbackRequestId]).toEqual(["Pol Peer", approved.feedbackRequestId]);
      const editedToReport = await apiError(
        decide("dana", toPaz.id, { decision: "approve", nomineeId: people.dana.id }),
      );
      expect(editedToReport.status).toBe(400);
      expect((await decide("dana", toPaz.id, { decision: "reject" })).status).toBe("rejected");
      expect((await apiError(decide("dana", toPaz.id, { decision: "approve" }))).status).toBe(409);
      // Two approved (the cycle's minimum) and none waiting: Dana's approval task for Mia is done.
      const danaAfter = await org.as("dana")(api.myTasks);
      expect(
        danaAfter.tasks.find((t) => t.kind === "approve-nominations" && t.subject.id === people.mia.id)?.state,
      ).toBe("done");

      // The approvals asked Pia and Pol on one request about Mia, tagged with the cycle.
      const requests = await org.as("mia")(endpoints.feedback.listAbout, { params: { id: people.mia.id } });
      const cycleRequest = requests.requests.find((r) => r.id === approved.feedbackRequestId);
      expect(cycleRequest?.invited.map((i) => i.name)).toEqual(["Pia Peer", "Pol Peer"]);
      const piaTasks = await org.as("pia")(api.myTasks);
      expect(piaTasks.tasks.find((t) => t.kind === "answer-request")).toMatchObject({
        subject: { name: "Mia Member" },
        requestId: approved.feedbackRequestId,
      });

      // Phase control: a deadline before the start, closing twice, proposing in a closed phase.
      const extendBad = await apiError(
        org.as("admin")(api.extendPhase, { params: { cycleId, kind: "self" }, body: { dueAt: at(-2) } }),
      );
      expect([extendBad.status, extendBad.details?.[0]?.path]).toEqual([400, "body.dueAt"]);
      const newDeadline = at(6);
      const extended = await org.as("admin")(api.extendPhase, {
        params: { cycleId, kind: "self" },
        body: { dueAt: newDeadline },
      });
      expect(extended.phases[0]?.dueAt).toBe(newDeadline);
      await org.as("admin")(api.closePhase, { params: { cycleId, kind: "nomination" } });
      const twice = await apiError(org.as("admin")(api.closePhase, { params: { cycleId, kind: "nomination" } }));
      expect([twice.status, twice.message]).toEqual([409, expect.stringContaining("already closed")]);
      expect((await apiError(propose("mia", people.pol.id))).status).toBe(409);
      const reopened = await org.as("admin")(api.reopenPhase, { params: { cycleId, kind: "nomination" } });
      expect(reopened.phases[1]?.closedAt).toBeNull();
      expect((await apiError(org.as("dana")(api.closePhase, { params: { cycleId, kind: "self" } }))).status).toBe(403);

      // Mia submits her self-assessment; a week later everyone else's is late.
      await rate("mia", people.mia.id, "self");
      clock.advance(8 * DAY);

      const progress = await org.as("admin")(api.progress, { params: { cycleId } });
      expect([progress.people.length, progress.total]).toEqual([6, 6]);
      const page = await org.as("admin")(api.progress, { params: { cycleId }, query: { limit: 2, offset: 4 } });
      expect([page.people.map((p) => p.person.name), page.total]).toEqual([["Pia Peer", "Pol Peer"], 6]);
      expect(page.byPhase).toEqual(progress.byPhase);
      expect(progress.byPhase.self).toEqual({ done: 1, inProgress: 0, notStarted: 0, late: 5 });
      const mia = progress.people.find((p) => p.person.id === people.mia.id);
      expect(mia?.phases).toEqual({ self: "done", nomination: "done", manager: "not-started" });
      const { reminders } = await org.as("admin")(api.reminders, { params: { cycleId } });
      expect(reminders).toContainEqual(
        expect.objectContaining({ person: { id: people.pia.id, name: "Pia Peer" }, phase: "self", state: "late" }),
      );
      expect(reminders).toContainEqual(
        expect.objectContaining({ person: { id: people.dana.id, name: "Dana Director" }, phase: "manager" }),
      );
      expect(progress.byManager.map((m) => m.manager?.name ?? "none").sort()).toEqual(["Dana Director", "Vic Vee"]);
      expect(progress.reminders).toEqual({
        total: reminders.length,
        late: reminders.filter((r) => r.state === "late").length,
      });

      const csv = new TextDecoder().decode(
        (await org.sessions.admin.client.download(api.progressCsv, { params: { cycleId } })).bytes,
      );
      const lines = csv.trim().split(/\r\n/);
      expect(lines[0]).toBe("name,team,manager,self,nomination,manager_assessment");
      expect(lines).toHaveLength(7);
      expect(lines).toContain("Mia Member,Product,Dana Director,done,done,not-started");

      // Managers see their reporting chain only; a PM sees no one's progress.
      const danaView = await org.as("dana")(api.progress, { params: { cycleId } });
      expect(danaView.people.map((p) => p.person.name).sort()).toEqual(
        ["Mia Member", "Paz Peer", "Pete Peer", "Pia Peer", "Pol Peer"].sort(),
      );
      const danaReminders = await org.as("dana")(api.reminders, { params: { cycleId } });
      expect(danaReminders.reminders.length).toBeGreaterThan(0);
      expect(danaReminders.reminders.every((r) => r.about.id !== people.dana.id)).toBe(true);
      expect((await org.as("vic")(api.progress, { params: { cycleId } })).people).toHaveLength(6);
      for (const caller of ["mia", "oscar"] as const) {
        expect((await apiError(org.as(caller)(api.progress, { params: { cycleId } }))).status).toBe(403);
        expect((await apiError(org.as(caller)(api.reminders, { params: { cycleId } }))).status).toBe(403);
        const response = await org.raw(caller, "GET", `/api/cycles/${cycleId}/progress.csv`);
        expect(response.status).toBe(403);
      }

      // Joiners and leavers: Pol moves to Oscar's line, Nia joins under Dana.
      await org.as("admin")(endpoints.people.update, {
        params: { id: people.pol.id },
        body: { managerId: people.oscar.id },
      });
      const nia = await org.as("admin")(endpoints.people.create, {
        body: {
          name: "Nia New",
          email: "nia@assess.example.com",
          title: "PM",
          levelId: "pm",
          managerId: people.dana.id,
        },
      });
      const synced = await org.as("admin")(api.syncParticipants, { params: { cycleId } });
      expect([synced.joined.map((p) => p.name), synced.left.map((p) => p.name)]).toEqual([["Nia New"], ["Pol Peer"]]);
      const afterSync = await org.as("admin")(api.participants, { params: { cycleId } });
      expect(afterSync.participants.find((p) => p.person.id === people.pol.id)?.leftAt).not.toBeNull();
      expect(afterSync.participants.find((p) => p.person.id === nia.id)?.leftAt).toBeNull();
      expect(
        (await org.as("admin")(api.progress, { params: { cycleId } })).people.map((p) => p.person.name),
      ).not.toContain("Pol Peer");

      // Release: only an admin, once; acknowledgement only after it.
      expect((await apiError(org.as("mia")(api.acknowledge, { params: { cycleId }, body: {} }))).status).toBe(409);
      expect((await apiError(org.as("dana")(api.release, { params: { cycleId } }))).status).toBe(403);
      const released: TReviewCycle = await org.as("admin")(api.release, { params: { cycleId } });
      expect(released.status).toBe("released");
      expect(await petesObserved()).toBeNull();
      expect((await apiError(org.as("admin")(api.release, { params: { cycleId } }))).status).toBe(409);
      const afterRelease = await org.as("mia")(endpoints.feedback.listAbout, { params: { id: people.mia.id } });
      expect(afterRelease.requests.find((r) => r.id === approved.feedbackRequestId)?.status).toBe("closed");
      expect((await org.as("mia")(api.myTasks)).tasks).toEqual([
        expect.objectContaining({ kind: "acknowledge", state: "not-started" }),
      ]);
      const acknowledged = await org.as("mia")(api.acknowledge, {
        params: { cycleId },
        body: { comment: "Fair, thanks" },
      });
      expect(acknowledged.comment).toBe("Fair, thanks");
      const seenByDana = await org.as("dana")(api.acknowledgements, { params: { cycleId } });
      expect(seenByDana.people.find((p) => p.person.id === people.mia.id)).toMatchObject({
        acknowledgedAt: acknowledged.acknowledgedAt,
        comment: "Fair, thanks",
      });
      expect(seenByDana.people.find((p) => p.person.id === people.pia.id)?.acknowledgedAt).toBeNull();
      expect(seenByDana.people.some((p) => p.person.id === people.dana.id)).toBe(false);
      expect((await apiError(org.as("pia")(api.acknowledgements, { params: { cycleId } }))).status).toBe(403);

      // History stays readable for the person and their chain, not for others.
      const history = await org.as("mia")(api.history, { params: { id: people.mia.id } });
      expect(history.cycles.map((c) => [c.cycle.id, c.acknowledgedAt, c.acknowledgementComment])).toContainEqual([
        cycleId,
        acknowledged.acknowledgedAt,
        "Fair, thanks",
      ]);
      expect((await org.as("vic")(api.history, { params: { id: people.mia.id } })).cycles).toHaveLength(
        history.cycles.length,
      );
      expect((await apiError(org.as("oscar")(api.history, { params: { id: people.mia.id } }))).status).toBe(403);
      expect((await apiError(org.as("admin")(api.closePhase, { params: { cycleId, kind: "self" } }))).status).toBe(409);
    });
  });
}
