import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { endpoints, type TPromotionCommittee } from "@ascent/contract";
import { describeOnDriver } from "@ascent/db/testing";
import { extractText, getDocumentProxy } from "unpdf";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  apiError,
  applicableCompetencies,
  buildAssessmentOrg,
  type AssessmentOrg,
} from "../support/assessment-fixture.ts";
import { submitRatings } from "../support/growth-fixture.ts";
import { createTestClock } from "../support/test-clock.ts";

const legs = [
  { driver: "pglite", usesPostgres: false },
  { driver: "postgres", usesPostgres: true },
] as const;

const DAY = 86_400_000;

for (const leg of legs) {
  describeOnDriver(leg.driver, "promotion cases over HTTP", () => {
    const clock = createTestClock();
    let server: TestServer;
    let org: AssessmentOrg;
    let dropScratch: (() => Promise<void>) | undefined;
    let committee: TPromotionCommittee;
    let conflicted: TPromotionCommittee;
    let caseId: string;

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (leg.usesPostgres) {
        const { createScratchDatabase } = await import("@ascent/db/testing");
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        dropScratch = scratch.drop;
      }
      server = await startTestServer({ databaseUrl, now: clock.now });
      org = await buildAssessmentOrg(server);
      const { people } = org;
      // Ratings, so the packet carries real numbers: Mia's own and her manager's, at her level and the next.
      const competencies = await applicableCompetencies(org.as("admin"), "senior-pm");
      const scores = Object.fromEntries(competencies.map((id, i) => [id, 3 + (i % 3)]));
      await submitRatings(org.sessions.mia, people.mia.id, "self", scores);
      await submitRatings(org.sessions.dana, people.mia.id, "manager", scores);
      const today = clock.now().toISOString().slice(0, 10);
      await org.as("mia")(endpoints.evidence.create, {
        params: { id: people.mia.id },
        body: {
          date: today,
          title: "Ran the pricing review",
          competencyIds: [competencies[0]!],
          isSharedWithManager: true,
        },
      });
      await org.as("mia")(endpoints.evidence.create, {
        params: { id: people.mia.id },
        body: { date: today, title: "A private reflection", competencyIds: [competencies[0]!] },
      });
      committee = await org.as("admin")(endpoints.promotions.createCommittee, {
        body: {
          name: "Senior band",
          minRank: 2,
          maxRank: 3,
          chairId: people.oscar.id,
          memberIds: [people.vic.id, people.pia.id],
        },
      });
      conflicted = await org.as("admin")(endpoints.promotions.createCommittee, {
        body: { name: "Peers of Mia", chairId: people.oscar.id, memberIds: [people.mia.id] },
      });
    });

    afterAll(async () => {
      await server?.stop();
      await dropScratch?.();
    });

    it("lets a person ask their manager to nominate them, and tells the manager", async () => {
      const same = await apiError(
        org.as("pete")(endpoints.promotions.requestNomination, { body: { toLevelId: "pm", note: "" } }),
      );
      expect(same.status).toBe(400);
      await org.as("pete")(endpoints.promotions.requestNomination, {
        body: { toLevelId: "senior-pm", note: "I have led two launches this half" },
      });
      const inbox = await org.as("dana")(endpoints.notifications.list, {});
      expect(inbox.notifications.map((n) => [n.subject, n.link])).toContainEqual([
        "Pete Peer asks you to nominate them for Senior Product Manager",
        `/people/${org.people.pete.id}`,
      ]);
      const noManager = await apiError(
        org.as("oscar")(endpoints.promotions.requestNomination, { body: { toLevelId: "director", note: "" } }),
      );
      expect(noManager.status).toBe(409);
    });

    it("refuses a nomination to the same level, by someone who is not the manager, and a second open case", async () => {
      const { mia } = org.people;
      const same = await apiError(
        org.as("dana")(endpoints.promotions.nominate, { body: { personId: mia.id, toLevelId: "pm" } }),
      );
      expect(same.status).toBe(400);
      expect(same.message).toMatch(/not above/);
      const notManager = await apiError(
        org.as("vic")(endpoints.promotions.nominate, { body: { personId: mia.id, toLevelId: "senior-pm" } }),
      );
      expect(notManager.status).toBe(403);
      const created = await org.as("dana")(endpoints.promotions.nominate, {
        body: { personId: mia.id, toLevelId: "senior-pm" },
      });
      caseId = created.case.id;
      expect(created.case.status).toBe("draft");
      // Each section starts from the evidence Mia shares, tagged to it; her private entries stay out.
      const sectionText = created.case.managerCase.map((section) => section.text).join("\n");
      expect(sectionText).toContain("Ran the pricing review");
      expect(sectionText).not.toContain("A private reflection");
      expect(created.case.managerCase.length).toBeGreaterThan(0);
      const second = await apiError(
        org.as("dana")(endpoints.promotions.nominate, { body: { personId: mia.id, toLevelId: "director" } }),
      );
      expect(second.status).toBe(409);
      const asking = await apiError(
        org.as("mia")(endpoints.promotions.requestNomination, { body: { toLevelId: "director", note: "" } }),
      );
      expect(asking.status).toBe(409);
      expect(asking.message).toMatch(/already have an open promotion case/);
    });

    it("lets the nominator write the case, then submit it to a committee without conflicts; the packet matches readiness", async () => {
      const view = await org.as("dana")(endpoints.promotions.get, { params: { id: caseId } });
      const first = view.case.managerCase[0]?.competencyId as string;
      await org.as("dana")(endpoints.promotions.writeCase, {
        params: { id: caseId },
        body: { sections: [{ competencyId: first, text: "Led the pricing launch end to end." }] },
      });
      const unknown = await apiError(
        org.as("dana")(endpoints.promotions.writeCase, {
          params: { id: caseId },
          body: { sections: [{ competencyId: "juggling", text: "x" }] },
        }),
      );
      expect(unknown.status).toBe(400);

      const conflict = await apiError(
        org.as("dana")(endpoints.promotions.submit, { params: { id: caseId }, body: { committeeId: conflicted.id } }),
      );
      expect(conflict.status).toBe(400);
      expect(conflict.message).toMatch(/Mia Member.*is the candidate/);

      // A calibration of Mia's cycle adjusts one of Dana's ratings, with a reason the packet carries.
      const { mia, dana, oscar } = org.people;
      const cycleRows = await server.database.db.execute(
        sql`insert into review_cycles (name, starts_at, ends_at) values ('H1', now() - interval '30 days', now()) returning id`,
      );
      const cycleId = String((cycleRows as unknown as { rows: { id: string }[] }).rows[0]?.id);
      await server.database.db.execute(
        sql`update assessments set cycle_id = ${cycleId} where subject_id = ${mia.id} and rater_id = ${dana.id}`,
      );
      const session = await org.as("admin")(endpoints.calibration.createSession, {
        body: { cycleId, name: "H1 PMs", scope: { managerId: dana.id }, facilitatorId: oscar.id },
      });
      await org.as("oscar")(endpoints.calibration.adjustRating, {
        params: { id: session.id },
        body: { subjectId: mia.id, competencyId: first, to: 4, reason: "Evidence from the pricing launch" },
      });

      // Mia shares her career plan: its steps go into the packet.
      await org.as("mia")(endpoints.plans.save, {
        params: { id: mia.id },
        body: { steps: [{ text: "Lead the pricing experiment", due: null, isDone: true }] },
      });
      await org.as("mia")(endpoints.plans.setSharing, {
        params: { id: mia.id },
        body: { isSharedWithManager: true },
      });

      const readiness = await org.as("dana")(endpoints.readiness.forPerson, {
        params: { id: org.people.mia.id },
        query: { target: "senior-pm" },
      });
      const submitted = await org.as("dana")(endpoints.promotions.submit, {
        params: { id: caseId },
        body: { committeeId: committee.id },
      });
      expect(submitted.case.status).toBe("submitted");
      // The chair and members learn of it in their inbox, linked to the case.
      const inbox = await org.as("oscar")(endpoints.notifications.list, {});
      expect(inbox.notifications.map((n) => [n.subject, n.link])).toContainEqual([
        "The promotion case of Mia Member was submitted",
        `/promotions/${caseId}`,
      ]);
      const { packet } = await org.as("oscar")(endpoints.promotions.packet, { params: { id: caseId } });
      expect(packet.readiness.score).toBe(readiness.score);
      expect(packet.readiness.verdict).toBe(readiness.verdict);
      expect(packet.competencies.map((c) => [c.competencyId, c.observed])).toEqual(
        readiness.competencies.map((c) => [c.competencyId, c.observed]),
      );
      expect(packet.competencies.find((c) => c.competencyId === first)?.managerCase).toBe(
        "Led the pricing launch end to end.",
      );
      expect(packet.planSteps).toEqual([{ text: "Lead the pricing experiment", due: null, isDone: true }]);
      expect(packet.calibrationNotes).toEqual([
        expect.objectContaining({ reason: "Evidence from the pricing launch", change: expect.stringContaining(first) }),
      ]);

      const frozen = await apiError(
        org.as("dana")(endpoints.promotions.writeCase, {
          params: { id: caseId },
          body: { sections: [{ competencyId: first, text: "Edited after submission" }] },
        }),
      );
      expect(frozen.status).toBe(409);
    });

    it("refuses the packet to anyone outside the case, and shows the candidate who read it", async () => {
      for (const outsider of ["pete", "paz"] as const) {
        const refused = await apiError(org.as(outsider)(endpoints.promotions.packet, { params: { id: caseId } }));
        expect(refused.status, outsider).toBe(403);
        const refusedPdf = await org.raw(outsider, "GET", `/api/promotions/${caseId}/packet.pdf`);
        expect(refusedPdf.status, outsider).toBe(403);
      }
      const { entries } = await org.as("mia")(endpoints.audit.myAccessLog, {});
      const readers = entries.filter((e) => e.targetType === "promotion_packet").map((e) => e.reader?.name);
      expect(readers).toContain("Oscar Outsider");
    });

    it("exports the packet as a PDF whose text carries the readiness numbers, and as Markdown", async () => {
      const { packet } = await org.as("dana")(endpoints.promotions.packet, { params: { id: caseId } });
      const response = await org.raw("vic", "GET", `/api/promotions/${caseId}/packet.pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
      const { text } = await extractText(pdf, { mergePages: true });
      expect(text).toContain("Promotion packet: Mia Member");
      expect(text).toContain(`${(packet.readiness.score * 100).toFixed(0)}%`);
      const firstObserved = packet.competencies.find((c) => c.observed !== null)?.observed as number;
      expect(text).toContain(firstObserved.toFixed(2));
      const markdown = await (await org.raw("dana", "GET", `/api/promotions/${caseId}/packet.md`)).text();
      expect(markdown).toContain("# Promotion packet: Mia Member");
      expect(markdown).toContain("Led the pricing launch end to end.");
    });

    it("takes votes with reasons from the committee only, and a decision with its rationale from the chair only", async () => {
      const noReason = await org.raw("vic", "POST", `/api/promotions/${caseId}/votes`, {
        vote: "approve",
        reason: " ",
      });
      expect(noReason.status).toBe(400);
      const outsider = await apiError(
        org.as("pete")(endpoints.promotions.vote, {
          params: { id: caseId },
          body: { vote: "approve", reason: "Sure" },
        }),
      );
      expect(outsider.status).toBe(403);
      await org.as("vic")(endpoints.promotions.vote, {
        params: { id: caseId },
        body: { vote: "approve", reason: "Clear scope growth this half" },
      });
      const afterVote = await org.as("pia")(endpoints.promotions.vote, {
        params: { id: caseId },
        body: { vote: "approve", reason: "Strong partner to the team" },
      });
      expect(afterVote.case.status).toBe("in-review");
      expect(afterVote.votes).toHaveLength(2);

      const notChair = await apiError(
        org.as("vic")(endpoints.promotions.decide, {
          params: { id: caseId },
          body: { outcome: "approved", rationale: "Yes", effectiveDate: "2030-01-01" },
        }),
      );
      expect(notChair.status).toBe(403);
      const noRationale = await org.raw("oscar", "POST", `/api/promotions/${caseId}/decision`, {
        outcome: "approved",
        rationale: "",
        effectiveDate: "2030-01-01",
      });
      expect(noRationale.status).toBe(400);
      const longAgo = new Date(clock.now().getTime() - 400 * DAY).toISOString().slice(0, 10);
      const tooOld = await apiError(
        org.as("oscar")(endpoints.promotions.decide, {
          params: { id: caseId },
          body: { outcome: "approved", rationale: "Ready", effectiveDate: longAgo },
        }),
      );
      expect(tooOld.status).toBe(400);
      expect(tooOld.message).toMatch(/more than a year/);
    });

    it("moves the level on the effective date, records it in the level history, and shows the candidate the rationale but not the votes", async () => {
      const tomorrow = new Date(clock.now().getTime() + DAY).toISOString().slice(0, 10);
      await org.as("oscar")(endpoints.promotions.decide, {
        params: { id: caseId },
        body: { outcome: "approved", rationale: "Operates at senior scope across two teams", effectiveDate: tomorrow },
      });
      expect((await server.services.promotions.applyDueLevelChanges()).applied).toBe(0);
      expect((await org.as("admin")(endpoints.people.get, { params: { id: org.people.mia.id } })).level?.id).toBe("pm");

      clock.advance(DAY + 60_000);
      expect((await server.services.promotions.applyDueLevelChanges()).applied).toBe(1);
      expect((await server.services.promotions.applyDueLevelChanges()).applied).toBe(0);
      const mia = await org.as("admin")(endpoints.people.get, { params: { id: org.people.mia.id } });
      expect(mia.level?.id).toBe("senior-pm");
      const { entries } = await org.as("mia")(endpoints.people.levelHistory, { params: { id: org.people.mia.id } });
      expect(entries.at(-1)).toMatchObject({
        from: { id: "pm" },
        to: { id: "senior-pm" },
        source: "promotion",
        caseId,
        reason: "Operates at senior scope across two teams",
        effectiveAt: `${tomorrow}T00:00:00.000Z`,
      });

      // Her readiness before the promotion stays as it was: measured against Senior PM, not her new next level.
      const history = await org.as("mia")(endpoints.readiness.history, { params: { id: org.people.mia.id } });
      expect(history.targetLevel.id).not.toBe("senior-pm");
      expect(history.points.length).toBeGreaterThan(0);
      expect(history.points.every((point) => point.targetLevel.id === "senior-pm")).toBe(true);

      const asCandidate = await org.as("mia")(endpoints.promotions.get, { params: { id: caseId } });
      expect(asCandidate.case.decision).toMatchObject({
        outcome: "approved",
        rationale: "Operates at senior scope across two teams",
        isApplied: true,
      });
      expect(asCandidate.votes).toBeNull();
      expect(asCandidate.comments).toBeNull();
      const raw = await (await org.raw("mia", "GET", `/api/promotions/${caseId}`)).text();
      expect(raw).not.toContain("Clear scope growth this half");

      const audit = await org.as("admin")(endpoints.audit.list, { query: { subjectId: org.people.mia.id } });
      const actions = audit.events.map((e) => e.action);
      for (const action of [
        "promotion.nominate",
        "promotion.case.write",
        "promotion.submit",
        "promotion.vote",
        "promotion.decide",
        "promotion.level_changed",
      ]) {
        expect(actions, action).toContain(action);
      }
    });

    it("gives admins the pipeline statistics and hides the equity view below k decided cases", async () => {
      const stats = await org.as("admin")(endpoints.promotions.stats, {});
      expect(stats).toMatchObject({ nominations: 1, decided: 1, approved: 1 });
      expect(stats.equity).toEqual([]);
      expect(stats.hiddenTeams).toBe(1);
      const refused = await apiError(org.as("dana")(endpoints.promotions.stats, {}));
      expect(refused.status).toBe(403);
    });
  });
}
