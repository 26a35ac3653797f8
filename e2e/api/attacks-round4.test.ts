import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { endpoints } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildPersonaOrg, type PersonaOrg } from "../support/org-fixture.ts";

/**
 * Attacks on round 4's features by someone who only knows the API: calibration, notification settings,
 * bulk invitations, the channel webhook, leniency-corrected readiness and cycle progress. Each test is an
 * attack that must fail for the attacker.
 */

const COMPETENCIES = ["strategic-thinking", "communication", "data-analysis"];

async function rowsOf<T>(server: TestServer, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await server.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe("leniency-corrected readiness never reveals a peer answer below k", () => {
  let server: TestServer;
  let org: PersonaOrg;
  let cycleId: string;
  let loneCycleId: string;
  let lonePeerAssessment: string;

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildPersonaOrg(server);
    const olga = await org.addPerson("Olga Other", org.people.unrelatedManager.id);
    const peers: string[] = [];
    for (const name of ["Pat One", "Pat Two", "Pat Three"]) peers.push((await org.addPerson(name)).id);
    const lone = (await org.addPerson("Lou Lone")).id;
    const [framework] = await rowsOf<{ id: string }>(server, sql`select id from frameworks order by created_at limit 1`);
    const cycles = await rowsOf<{ id: string }>(
      server,
      sql`insert into review_cycles (name, starts_at, ends_at, status, released_at, closed_at)
          values ('Spring review', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'released', '2026-04-02T00:00:00Z', '2026-04-02T00:00:00Z')
          returning id`,
    );
    cycleId = cycles[0]!.id;
    loneCycleId = cycleId;
    const assess = async (raterId: string, subjectId: string, relation: string, scoreOf: (c: number) => number) => {
      const [assessment] = await rowsOf<{ id: string }>(
        server,
        sql`insert into assessments (subject_id, rater_id, relation, framework_id, framework_version, level_id,
                                     cycle_id, status, submitted_at)
            values (${subjectId}, ${raterId}, ${relation}, ${framework!.id}, 1, 'pm', ${cycleId}, 'submitted', '2026-03-10T09:00:00Z')
            returning id`,
      );
      for (const [c, competencyId] of COMPETENCIES.entries())
        await server.database.db.execute(
          sql`insert into ratings (assessment_id, competency_id, score) values (${assessment!.id}, ${competencyId}, ${scoreOf(c)})`,
        );
      return assessment!.id;
    };
    // Two teams with three common peers make both managers identifiable.
    const teams = [
      { managerId: org.people.directManager.id, offset: 1, reports: [org.people.member.id, org.people.peer.id] },
      { managerId: org.people.unrelatedManager.id, offset: -0.5, reports: [org.people.otherMember.id, olga.id] },
    ];
    for (const { managerId, offset, reports } of teams)
      for (const [s, subjectId] of reports.entries()) {
        const level = (c: number) => 2 + ((s + c) % 3) * 0.5;
        await assess(managerId, subjectId, "manager", (c) => level(c) + offset);
        for (const [p, peerId] of peers.entries()) await assess(peerId, subjectId, "peer", (c) => level(c) + (p - 1) * 0.25);
      }
    // Dana's third report, Lou, has one peer answer only: below k, it must weigh nothing anywhere.
    await server.database.db.execute(sql`update people set manager_id = ${org.people.directManager.id} where id = ${lone}`);
    await assess(org.people.directManager.id, lone, "manager", () => 3);
    lonePeerAssessment = await assess(peers[0]!, lone, "peer", () => 1);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  const danaOffset = async () => {
    const effects = await org.admin.client.call(endpoints.raterEffects.getCycleRaterEffects, {
      params: { id: loneCycleId },
    });
    return effects.raters.find((r) => r.raterId === org.people.directManager.id)?.offset;
  };

  it("gives the same manager offset whatever a lone peer (n = 1 < k) answered", async () => {
    const withLow = await danaOffset();
    await server.database.db.execute(
      sql`update ratings set score = 5 where assessment_id = ${lonePeerAssessment}`,
    );
    const withHigh = await danaOffset();
    await server.database.db.execute(
      sql`update ratings set score = 1 where assessment_id = ${lonePeerAssessment}`,
    );
    expect(withLow).toBeDefined();
    expect(withHigh).toBeCloseTo(withLow as number, 9);
  });
});
