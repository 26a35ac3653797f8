import { afterAll, beforeAll, expect, it } from "vitest";
import { endpoints, type TPersonReadiness } from "@ascent/contract";
import { createTestClock } from "../support/test-clock.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import {
  apiError,
  applicableCompetencies,
  buildAssessmentOrg,
  type AssessmentOrg,
  type CallerKey,
  type StaffKey,
} from "../support/assessment-fixture.ts";
import { describeOnDriver } from "@ascent/db/testing";

/**
 * The server keeps tokens, reporting lines and readiness in memory (DESIGN §7). Over HTTP, every
 * change must show on the very next request, and a due date must release answers with no write at all;
 * on PostgreSQL, a change made through one server must reach another server on the same database.
 */
const legs = [
  { driver: "pglite", usesPostgres: false },
  { driver: "postgres", usesPostgres: true },
] as const;

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

for (const leg of legs) {
  describeOnDriver(leg.driver, "reads kept in memory follow every change", () => {
    let server: TestServer;
    let org: AssessmentOrg;
    let databaseUrl: string | undefined;
    let dropScratch: (() => Promise<void>) | undefined;
    let competencies: string[];
    const clock = createTestClock();

    const readiness = (caller: CallerKey, person: StaffKey): Promise<TPersonReadiness> =>
      org.as(caller)(endpoints.readiness.forPerson, { params: { id: org.people[person].id } });

    async function assess(
      rater: StaffKey,
      subject: StaffKey,
      relation: "self" | "manager" | "peer",
      score: number,
      requestId?: string,
    ) {
      const draft = await org.as(rater)(endpoints.assessments.start, {
        body: { subjectId: org.people[subject].id, relation, ...(requestId ? { feedbackRequestId: requestId } : {}) },
      });
      await org.as(rater)(endpoints.assessments.saveRatings, {
        params: { assessmentId: draft.id },
        body: { ratings: competencies.map((competencyId) => ({ competencyId, score })) },
      });
      await org.as(rater)(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
    }

    beforeAll(async () => {
      if (leg.usesPostgres) {
        const { createScratchDatabase } = await import("@ascent/db/testing");
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        dropScratch = scratch.drop;
      }
      server = await startTestServer({ databaseUrl, now: clock.now });
      org = await buildAssessmentOrg(server);
      competencies = (await applicableCompetencies(org.as("mia"), "pm")).slice(0, 2);
    });

    afterAll(async () => {
      await server?.stop();
      await dropScratch?.();
    });

    it("refuses a revoked API token on the next request", async () => {
      const { token, apiToken } = await org.as("mia")(endpoints.auth.createToken, { body: { name: "script" } });
      const read = () =>
        fetch(`${server.url}/api/people/${org.people.mia.id}/readiness`, {
          headers: { authorization: `Bearer ${token}` },
        });
      expect((await read()).status).toBe(200);
      expect((await read()).status).toBe(200);
      await org.as("mia")(endpoints.auth.revokeToken, { params: { tokenId: apiToken.id } });
      expect((await read()).status).toBe(401);
    });

    it("follows a move to another manager at once: the old chain loses access, the new one gains it", async () => {
      await readiness("dana", "pol");
      expect((await apiError(readiness("oscar", "pol"))).status).toBe(403);
      await org.as("admin")(endpoints.people.update, {
        params: { id: org.people.pol.id },
        body: { managerId: org.people.oscar.id },
      });
      expect((await apiError(readiness("dana", "pol"))).status).toBe(403);
      expect((await readiness("oscar", "pol")).personId).toBe(org.people.pol.id);
      // And a move higher up the chain reaches the people below: Oscar now reports to Vic.
      expect((await apiError(readiness("vic", "pol"))).status).toBe(403);
      await org.as("admin")(endpoints.people.update, {
        params: { id: org.people.oscar.id },
        body: { managerId: org.people.vic.id },
      });
      expect((await readiness("vic", "pol")).personId).toBe(org.people.pol.id);
    });

    it("shows a submission, and new settings, on the next read", async () => {
      const before = await readiness("dana", "mia");
      expect(before.competencies.find((c) => c.competencyId === competencies[0])?.groups.self).toBeNull();
      await assess("mia", "mia", "self", 3);
      const after = await readiness("dana", "mia");
      expect(after.competencies.find((c) => c.competencyId === competencies[0])?.groups.self).toEqual({
        mean: 3,
        count: 1,
      });

      const settings = await org.as("admin")(endpoints.readiness.getSettings, {});
      await org.as("admin")(endpoints.readiness.updateSettings, {
        body: { weights: { ...settings.weights, self: 0 }, k: settings.k },
      });
      const reweighted = await readiness("dana", "mia");
      expect(reweighted.settings.weights.self).toBe(0);
      expect(reweighted.competencies.find((c) => c.competencyId === competencies[0])?.observed).toBeNull();
      await org.as("admin")(endpoints.readiness.updateSettings, { body: { weights: settings.weights, k: settings.k } });
    });

    it("releases peer answers when their request falls due, with no write to tell it", async () => {
      const dueAt = new Date(clock.now().getTime() + 60 * 60_000);
      const request = await org.as("dana")(endpoints.feedback.create, {
        params: { id: org.people.paz.id },
        body: {
          relation: "peer",
          raterIds: [org.people.pia.id, org.people.pete.id, org.people.pol.id],
          dueAt: dueAt.toISOString(),
        },
      });
      for (const rater of ["pia", "pete", "pol"] as const) await assess(rater, "paz", "peer", 4, request.id);
      const peerOf = (result: TPersonReadiness) =>
        result.competencies.find((c) => c.competencyId === competencies[0])?.groups.peer;
      const beforeDue = peerOf(await readiness("dana", "paz"));
      expect(clock.now().getTime()).toBeLessThan(dueAt.getTime());
      // Unreleased answers do not count at all yet.
      expect(beforeDue).toBeNull();
      clock.advance(dueAt.getTime() - clock.now().getTime() + 1);
      expect(peerOf(await readiness("dana", "paz"))).toEqual({ mean: 4, count: 3 });
    });

    if (leg.usesPostgres) {
      it("hears what another server on the same database changes", async () => {
        const other = await startTestServer({ databaseUrl });
        try {
          const { token, apiToken } = await org.as("mia")(endpoints.auth.createToken, {
            body: { name: "two servers" },
          });
          const readOnOther = () =>
            fetch(`${other.url}/api/people/${org.people.mia.id}/readiness`, {
              headers: { authorization: `Bearer ${token}` },
            });
          expect((await readOnOther()).status).toBe(200);
          await org.as("mia")(endpoints.auth.revokeToken, { params: { tokenId: apiToken.id } });
          expect(await waitUntil(async () => (await readOnOther()).status === 401, 2000)).toBe(true);
        } finally {
          await other.stop();
        }
      });
    }
  });
}
