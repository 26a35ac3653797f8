import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { ApiError, endpoints, type TCycleRaterEffects } from "@ascent/contract";
import { createScratchDatabase, describeOnDriver } from "@ascent/db/testing";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildPersonaOrg, type PersonaOrg } from "../support/org-fixture.ts";

const legs = [{ driver: "pglite" }, { driver: "postgres" }] as const;
const COMPETENCIES = ["strategic-thinking", "communication", "data-analysis"];
const UNKNOWN_CYCLE = "00000000-0000-4000-8000-0000000000c1";

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

/**
 * Dana Direct rates her reports Mia and Pia a point above what they show; Uri Unrelated rates his
 * reports Oscar and Olga half a point below. Three colleagues rate all four as peers, which is the
 * common ground that makes the two managers comparable.
 */
for (const leg of legs) {
  describeOnDriver(leg.driver, "rater effects of a review cycle over HTTP", () => {
    let server: TestServer;
    let org: PersonaOrg;
    let cycleId: string;
    let emptyCycleId: string;
    let peerIds: string[];
    const cleanups: (() => Promise<void>)[] = [];
    const raterEffects = (id: string) =>
      org.admin.client.call(endpoints.raterEffects.getCycleRaterEffects, { params: { id } });

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (leg.driver === "postgres") {
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        cleanups.push(scratch.drop);
      }
      server = await startTestServer({ databaseUrl });
      org = await buildPersonaOrg(server);
      const olga = await org.addPerson("Olga Other", org.people.unrelatedManager.id);
      peerIds = [];
      for (const name of ["Pat One", "Pat Two", "Pat Three"]) peerIds.push((await org.addPerson(name)).id);

      const { db } = server.database;
      const rows = async <T>(query: ReturnType<typeof sql>) =>
        ((await db.execute(query)) as unknown as { rows: T[] }).rows;
      const [framework] = await rows<{ id: string }>(sql`select id from frameworks order by created_at limit 1`);
      const cycles = await rows<{ id: string }>(sql`
        insert into review_cycles (name, starts_at, ends_at)
        values ('Spring review', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'),
               ('Autumn review', '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z')
        returning id`);
      cycleId = cycles[0]?.id as string;
      emptyCycleId = cycles[1]?.id as string;
      const assess = async (raterId: string, subjectId: string, relation: string, scoreOf: (c: number) => number) => {
        const [assessment] = await rows<{ id: string }>(sql`
          insert into assessments (subject_id, rater_id, relation, framework_id, framework_version, level_id,
                                   cycle_id, status, submitted_at)
          values (${subjectId}, ${raterId}, ${relation}, ${framework?.id}, 1, 'pm', ${cycleId}, 'submitted', '2026-03-10T09:00:00Z')
          returning id`);
        for (const [c, competencyId] of COMPETENCIES.entries()) {
          await db.execute(sql`
            insert into ratings (assessment_id, competency_id, score)
            values (${assessment?.id}, ${competencyId}, ${scoreOf(c)})`);
        }
      };
      const teams = [
        { managerId: org.people.directManager.id, offset: 1, reports: [org.people.member.id, org.people.peer.id] },
        { managerId: org.people.unrelatedManager.id, offset: -0.5, reports: [org.people.otherMember.id, olga.id] },
      ];
      for (const { managerId, offset, reports } of teams) {
        for (const [s, subjectId] of reports.entries()) {
          const level = (c: number) => 2 + ((s + c) % 3) * 0.5;
          await assess(managerId, subjectId, "manager", (c) => level(c) + offset);
          for (const [p, peerId] of peerIds.entries()) {
            await assess(peerId, subjectId, "peer", (c) => level(c) + (p - 1) * 0.25);
          }
        }
      }
    });
    afterAll(async () => {
      await server?.stop();
      for (const cleanup of cleanups) await cleanup();
    });

    it("gives an admin each manager's offset, the lenient one first, and names no peer", async () => {
      const effects: TCycleRaterEffects = await raterEffects(cycleId);
      expect(effects.raters.map((r) => r.raterId)).toEqual([
        org.people.directManager.id,
        org.people.unrelatedManager.id,
      ]);
      const [dana, uri] = effects.raters;
      expect(dana).toMatchObject({ ratings: 6, identifiable: true });
      expect(uri).toMatchObject({ ratings: 6, identifiable: true });
      expect(dana?.offset).toBeGreaterThan(0);
      expect(uri?.offset).toBeLessThan(0);
      // A true gap of 1.5 points, shrunk toward 0 for managers with six ratings each.
      expect((dana?.offset as number) - (uri?.offset as number)).toBeGreaterThan(0.5);
      expect((dana?.offset as number) - (uri?.offset as number)).toBeLessThan(1.5);
      expect(dana?.standardError).toBeGreaterThan(0);
      const body = JSON.stringify(effects);
      for (const peerId of peerIds) expect(body).not.toContain(peerId);
    });

    it("corrects manager ratings for leniency only when an admin turns it on, and says so in readiness", async () => {
      const dana = org.personas.directManager.session;
      if (!dana) throw new Error("the direct manager is not signed in");
      const readMia = () =>
        dana.client.call(endpoints.readiness.forPerson, { params: { id: org.people.member.id }, query: {} });
      const managerMeans = (readiness: Awaited<ReturnType<typeof readMia>>) =>
        readiness.competencies.flatMap((c) => {
          const group = c.groups.manager;
          return group && "mean" in group ? [[c.competencyId, group.mean] as const] : [];
        });
      const { db } = server.database;
      await db.execute(sql`
        update review_cycles set status = 'released', released_at = '2026-04-02T00:00:00Z', closed_at = '2026-04-02T00:00:00Z'
        where id = ${cycleId}`);
      const settings = await org.admin.client.call(endpoints.readiness.getSettings, {});
      expect(settings.correctManagerLeniency).toBe(false);
      const raw = await readMia();
      expect(raw.managerCorrection).toBeNull();
      expect(managerMeans(raw).length).toBe(COMPETENCIES.length);

      const turnedOn = await org.admin.client.call(endpoints.readiness.updateSettings, {
        body: { weights: settings.weights, k: settings.k, correctManagerLeniency: true },
      });
      expect(turnedOn.correctManagerLeniency).toBe(true);
      const corrected = await readMia();
      expect(corrected.managerCorrection).toEqual({
        cycleId,
        cycleName: "Spring review",
        correctedRatings: COMPETENCIES.length,
      });
      const [danaEffect] = (await raterEffects(cycleId)).raters;
      const before = new Map(managerMeans(raw));
      for (const [competencyId, mean] of managerMeans(corrected)) {
        expect(mean).toBeCloseTo((before.get(competencyId) as number) - (danaEffect?.offset as number), 6);
      }

      // Leaving the setting out of a change keeps it; turning it off gives the raw ratings back.
      const kept = await org.admin.client.call(endpoints.readiness.updateSettings, {
        body: { weights: settings.weights, k: settings.k },
      });
      expect(kept.correctManagerLeniency).toBe(true);
      await org.admin.client.call(endpoints.readiness.updateSettings, {
        body: { weights: settings.weights, k: settings.k, correctManagerLeniency: false },
      });
      const back = await readMia();
      expect(back.managerCorrection).toBeNull();
      expect(managerMeans(back)).toEqual(managerMeans(raw));
    });

    it("has nobody to show for a cycle without ratings", async () => {
      expect(await raterEffects(emptyCycleId)).toEqual({ raters: [] });
    });

    it("is for admins only: a manager and a member are refused, and nobody signed in is asked to sign in", async () => {
      for (const persona of ["directManager", "member", "skipManager"] as const) {
        const session = org.personas[persona].session;
        if (!session) throw new Error(`${persona} is not signed in`);
        const error = await apiError(
          session.client.call(endpoints.raterEffects.getCycleRaterEffects, { params: { id: cycleId } }),
        );
        expect(error.status).toBe(403);
      }
      expect((await org.personas.anonymous.request(`/api/cycles/${cycleId}/rater-effects`)).status).toBe(401);
    });

    it("answers a malformed id with 400 naming it, and an unknown cycle with 404", async () => {
      const malformed = await org.personas.admin.request("/api/cycles/not-a-uuid/rater-effects");
      expect(malformed.status).toBe(400);
      expect(JSON.stringify(await malformed.json())).toMatch(/\bid\b/);
      const unknown = await apiError(raterEffects(UNKNOWN_CYCLE));
      expect(unknown.status).toBe(404);
      expect(unknown.message).toBe(`No review cycle with id "${UNKNOWN_CYCLE}"`);
    });
  });
}
