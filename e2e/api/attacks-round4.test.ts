import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { endpoints } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildPersonaOrg, type PersonaOrg, type StaffPersona } from "../support/org-fixture.ts";
import type { HttpSession } from "../support/http-session.ts";
import { createTestClock } from "../support/test-clock.ts";
import {
  applicableCompetencies,
  buildAssessmentOrg,
  daysFromNow,
  type AssessmentOrg,
  type CallerKey,
  type StaffKey,
} from "../support/assessment-fixture.ts";

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
    const [framework] = await rowsOf<{ id: string }>(
      server,
      sql`select id from frameworks order by created_at limit 1`,
    );
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
        for (const [p, peerId] of peers.entries())
          await assess(peerId, subjectId, "peer", (c) => level(c) + (p - 1) * 0.25);
      }
    // Dana's third report, Lou, has one peer answer only: below k, it must weigh nothing anywhere.
    await server.database.db.execute(
      sql`update people set manager_id = ${org.people.directManager.id} where id = ${lone}`,
    );
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

  it("gives the same manager offsets when two peers swap answers, so the offsets carry only released means", async () => {
    const offsets = async () =>
      (
        await org.admin.client.call(endpoints.raterEffects.getCycleRaterEffects, { params: { id: cycleId } })
      ).raters.map((r) => [r.raterId, r.offset, r.standardError] as const);
    const before = await offsets();
    const swap = async () => {
      const rows = await rowsOf<{ id: string; score: number }>(
        server,
        sql`select r.assessment_id as id, r.score from ratings r join assessments a on a.id = r.assessment_id
            where a.subject_id = ${org.people.member.id} and a.relation = 'peer' and r.competency_id = ${COMPETENCIES[0]}
            order by r.score`,
      );
      expect(rows.length).toBe(3);
      const [low, , high] = rows;
      expect(high!.score).not.toBe(low!.score);
      const set = (id: string, score: number) =>
        server.database.db.execute(
          sql`update ratings set score = ${score} where assessment_id = ${id} and competency_id = ${COMPETENCIES[0]}`,
        );
      await set(low!.id, high!.score);
      await set(high!.id, low!.score);
    };
    await swap();
    const after = await offsets();
    await swap();
    expect(after.map(([id]) => id)).toEqual(before.map(([id]) => id));
    for (const [i, [, offset, error]] of after.entries()) {
      expect(offset).toBeCloseTo(before[i]![1], 9);
      expect(error).toBeCloseTo(before[i]![2], 9);
    }
  });

  it("moves no offset while a feedback request is open, nor when k is lowered below a release's k", async () => {
    const before = await danaOffset();
    expect(before).toBeDefined();
    // Three more colleagues answer about Pia through a request of the cycle: first while it is open.
    const askers = [];
    for (const name of ["Quinn One", "Quinn Two", "Quinn Three"]) askers.push((await org.addPerson(name)).id);
    const [framework] = await rowsOf<{ id: string }>(
      server,
      sql`select id from frameworks order by created_at limit 1`,
    );
    const [request] = await rowsOf<{ id: string }>(
      server,
      sql`insert into feedback_requests (subject_id, relation, due_at, cycle_id)
          values (${org.people.peer.id}, 'peer', now() + interval '7 days', ${cycleId}) returning id`,
    );
    for (const [i, raterId] of askers.entries()) {
      const [assessment] = await rowsOf<{ id: string }>(
        server,
        sql`insert into assessments (subject_id, rater_id, relation, framework_id, framework_version, level_id,
                                     cycle_id, feedback_request_id, status, submitted_at)
            values (${org.people.peer.id}, ${raterId}, 'peer', ${framework!.id}, 1, 'pm', ${cycleId}, ${request!.id},
                    'submitted', '2026-03-11T09:00:00Z')
            returning id`,
      );
      await server.database.db.execute(
        sql`insert into ratings (assessment_id, competency_id, score) values (${assessment!.id}, ${COMPETENCIES[0]}, ${1 + i})`,
      );
    }
    expect(await danaOffset()).toBeCloseTo(before as number, 9);

    // Released at k = 4: three answers stay hidden, and lowering k to 3 afterwards does not reveal them.
    await server.database.db.execute(
      sql`update feedback_requests set closed_at = now(), release_k = 4 where id = ${request!.id}`,
    );
    expect(await danaOffset()).toBeCloseTo(before as number, 9);
  });

  it("counts no answer by someone in the subject's chain or an admin toward k, as readiness does not", async () => {
    const before = await danaOffset();
    const [framework] = await rowsOf<{ id: string }>(
      server,
      sql`select id from frameworks order by created_at limit 1`,
    );
    const [admin] = await rowsOf<{ person_id: string }>(
      server,
      sql`select person_id from accounts where is_admin limit 1`,
    );
    const raters = [(await org.addPerson("Rae Colleague")).id, org.people.skipManager.id, admin!.person_id];
    const [request] = await rowsOf<{ id: string }>(
      server,
      sql`insert into feedback_requests (subject_id, relation, due_at, closed_at, cycle_id)
          values (${org.people.member.id}, 'peer', now() - interval '1 day', now(), ${cycleId}) returning id`,
    );
    for (const [i, raterId] of raters.entries()) {
      const [assessment] = await rowsOf<{ id: string }>(
        server,
        sql`insert into assessments (subject_id, rater_id, relation, framework_id, framework_version, level_id,
                                     cycle_id, feedback_request_id, status, submitted_at)
            values (${org.people.member.id}, ${raterId}, 'peer', ${framework!.id}, 1, 'pm', ${cycleId}, ${request!.id},
                    'submitted', '2026-03-12T09:00:00Z')
            returning id`,
      );
      await server.database.db.execute(
        sql`insert into ratings (assessment_id, competency_id, score) values (${assessment!.id}, ${COMPETENCIES[1]}, ${5 - i})`,
      );
    }
    // One countable answer of three: below k, so the offsets stay where they were.
    expect(await danaOffset()).toBeCloseTo(before as number, 9);
  });

  it("keeps the leniency setting the admin's, and answers bad settings with a 400 naming the field", async () => {
    const settings = await org.admin.client.call(endpoints.readiness.getSettings, {});
    const body = { weights: settings.weights, k: settings.k, correctManagerLeniency: true };
    for (const name of ["member", "directManager", "skipManager"] as const) {
      const refused = await org.personas[name].request("/api/settings/readiness", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(refused.status, name).toBe(403);
    }
    for (const bad of [
      { ...body, correctManagerLeniency: "yes" },
      { ...body, k: 1 },
      { ...body, k: 2.5 },
      { ...body, weights: { ...settings.weights, manager: -1 } },
      { ...body, weights: { ...settings.weights, manager: "3" } },
      { ...body, extra: 1 },
    ]) {
      const refused = await org.admin.fetch("/api/settings/readiness", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(bad),
      });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toMatch(/body/);
    }
    expect((await org.admin.client.call(endpoints.readiness.getSettings, {})).correctManagerLeniency).toBe(
      settings.correctManagerLeniency,
    );
  });

  it("gives the same manager offset whatever a lone peer (n = 1 < k) answered", async () => {
    const withLow = await danaOffset();
    await server.database.db.execute(sql`update ratings set score = 5 where assessment_id = ${lonePeerAssessment}`);
    const withHigh = await danaOffset();
    await server.database.db.execute(sql`update ratings set score = 1 where assessment_id = ${lonePeerAssessment}`);
    expect(withLow).toBeDefined();
    expect(withHigh).toBeCloseTo(withLow as number, 9);
  });
});

/** Words only one peer wrote. */
const LONE_WORDS = ["only-pia-wrote-this", "only-pete-wrote-this", "only-paz-wrote-this"];

/**
 *     vic (VP) ─┬─ dana (Director) ─┬─ mia, pia, pete, paz, pol (PMs)
 *               └─ oscar (Senior PM)        ← Vic's report, outside Dana's chain
 */
describe("calibration: participants, scope, other sessions and the manager's adjustments", () => {
  let server: TestServer;
  let org: AssessmentOrg;
  let competency: string;
  let cycleId: string;
  let wide: string;
  let narrow: string;
  const idOf = (key: StaffKey) => org.people[key].id;

  const rate = async (
    rater: StaffKey,
    subject: StaffKey,
    relation: string,
    score: number,
    evidence: string,
    feedbackRequestId?: string,
  ) => {
    const draft = await org.as(rater)(endpoints.assessments.start, {
      body: {
        subjectId: idOf(subject),
        relation: relation as "peer",
        ...(feedbackRequestId ? { feedbackRequestId } : {}),
      },
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
  const json = async (caller: CallerKey, method: string, path: string, body?: unknown) => {
    const response = await org.raw(caller, method, path, body);
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildAssessmentOrg(server);
    await org.as("admin")(endpoints.people.update, { params: { id: idOf("oscar") }, body: { managerId: idOf("vic") } });
    [competency] = (await applicableCompetencies(org.as("mia"), "pm")) as [string];
    for (const report of ["mia", "pia", "pete", "paz", "pol"] as const) await rate("dana", report, "manager", 3, "ok");
    await rate("vic", "oscar", "manager", 4, "vic on oscar");
    await askPeers("mia", [
      ["pia", 2, LONE_WORDS[0]!],
      ["pete", 3, LONE_WORDS[1]!],
      ["paz", 5, LONE_WORDS[2]!],
    ]);
    // Two answers: below k = 3 when released.
    await askPeers("pol", [
      ["pia", 1, LONE_WORDS[0]!],
      ["pete", 5, LONE_WORDS[1]!],
    ]);
    const [cycle] = await rowsOf<{ id: string }>(
      server,
      sql`insert into review_cycles (name, starts_at, ends_at)
          values ('Spring review', now() - interval '30 days', now() + interval '30 days') returning id`,
    );
    cycleId = cycle!.id;
    await server.database.db.execute(
      sql`update assessments set cycle_id = ${cycleId} where relation in ('self', 'manager')`,
    );
    wide = (
      await org.as("admin")(endpoints.calibration.createSession, {
        body: {
          cycleId,
          name: "Everyone in Product",
          scope: { teams: ["Product"], levelIds: ["pm", "senior-pm"] },
          facilitatorId: idOf("vic"),
        },
      })
    ).id;
    narrow = (
      await org.as("admin")(endpoints.calibration.createSession, {
        body: { cycleId, name: "Senior PMs", scope: { levelIds: ["senior-pm"] }, facilitatorId: idOf("vic") },
      })
    ).id;
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("keeps a participant out of a session they do not take part in, on every read and write", async () => {
    const narrowSession = await org.as("admin")(endpoints.calibration.loadSession, { params: { id: narrow } });
    expect(narrowSession.session.participantIds).not.toContain(idOf("dana"));
    for (const suffix of ["", "/distribution", "/nine-box", "/adjustments"]) {
      const read = await json("dana", "GET", `/api/calibration/sessions/${narrow}${suffix}`);
      expect(read.status, suffix).toBe(403);
      expect(read.text).not.toContain(idOf("oscar"));
    }
    const write = await json("dana", "POST", `/api/calibration/sessions/${narrow}/adjustments`, {
      subjectId: idOf("oscar"),
      competencyId: competency,
      to: 1,
      reason: "not mine to change",
    });
    expect(write.status).toBe(403);
    const close = await json("dana", "POST", `/api/calibration/sessions/${narrow}/close`);
    expect(close.status).toBe(403);
    const listed = await org.as("dana")(endpoints.calibration.listSessions, {});
    expect(listed.sessions.map((s) => s.id)).not.toContain(narrow);
  });

  it("refuses an adjustment to someone outside the session's scope, even by its facilitator", async () => {
    for (const subject of ["dana", "vic"] as const) {
      const response = await json("vic", "POST", `/api/calibration/sessions/${wide}/adjustments`, {
        subjectId: idOf(subject),
        competencyId: competency,
        to: 5,
        reason: "sneak in",
      });
      expect(response.status, subject).toBeGreaterThanOrEqual(400);
      expect(response.status, subject).toBeLessThan(500);
    }
    const { adjustments } = await org.as("admin")(endpoints.calibration.listAdjustments, { params: { id: wide } });
    expect(adjustments.map((a) => a.subjectId)).not.toContain(idOf("dana"));
    expect(adjustments.map((a) => a.subjectId)).not.toContain(idOf("vic"));
  });

  it("shows a manager adjustments to their own chain only, not to others calibrated beside them", async () => {
    await org.as("vic")(endpoints.calibration.adjustRating, {
      params: { id: wide },
      body: { subjectId: idOf("oscar"), competencyId: competency, to: 2, reason: "oscar-adjustment-reason" },
    });
    await org.as("vic")(endpoints.calibration.adjustRating, {
      params: { id: wide },
      body: { subjectId: idOf("mia"), competencyId: competency, to: 4, reason: "mia-adjustment-reason" },
    });
    const dana = await json("dana", "GET", "/api/me/calibration-adjustments");
    expect(dana.status).toBe(200);
    expect(dana.text).toContain("mia-adjustment-reason");
    expect(dana.text).not.toContain("oscar-adjustment-reason");
    expect(dana.text).not.toContain(idOf("oscar"));
    for (const member of ["mia", "oscar", "pia"] as const) {
      const own = await json(member, "GET", "/api/me/calibration-adjustments");
      expect(own.status, member).toBeLessThan(500);
      expect(own.text, member).not.toContain("adjustment-reason");
    }
    const vic = await json("vic", "GET", "/api/me/calibration-adjustments");
    expect(vic.text).toContain("oscar-adjustment-reason");
  });

  it("keeps members who are not participants out entirely", async () => {
    for (const member of ["mia", "pia", "oscar"] as const) {
      expect((await org.as(member)(endpoints.calibration.listSessions, {})).sessions).toEqual([]);
      for (const id of [wide, narrow]) {
        const read = await json(member, "GET", `/api/calibration/sessions/${id}`);
        expect(read.status, member).toBe(403);
      }
    }
  });

  it("shows the same released peer snapshot as readiness, and never a group below k even after k is lowered", async () => {
    const loaded = await org.as("dana")(endpoints.calibration.loadSession, { params: { id: wide } });
    const readinessOf = (key: StaffKey) =>
      org.as("dana")(endpoints.readiness.forPerson, { params: { id: idOf(key) }, query: { target: "pm" } });
    const mia = loaded.people.find((p) => p.personId === idOf("mia"))!;
    const miaPeer = mia.competencies.find((c) => c.competencyId === competency)!.peer;
    const miaReadiness = (await readinessOf("mia")).competencies.find((c) => c.competencyId === competency)!;
    expect(miaPeer).toEqual({ mean: 10 / 3, count: 3 });
    expect(miaReadiness.groups.peer).toMatchObject({ mean: 10 / 3, count: 3 });

    const settings = await org.as("admin")(endpoints.readiness.getSettings, {});
    await org.as("admin")(endpoints.readiness.updateSettings, { body: { weights: settings.weights, k: 2 } });
    try {
      for (const caller of ["dana", "vic", "admin"] as const) {
        const again = await org.as(caller)(endpoints.calibration.loadSession, { params: { id: wide } });
        const pol = again.people.find((p) => p.personId === idOf("pol"))!;
        const group = pol.competencies.find((c) => c.competencyId === competency)!.peer;
        expect(group && "mean" in group, caller).toBeFalsy();
        const text = JSON.stringify(again);
        for (const words of LONE_WORDS) expect(text).not.toContain(words);
      }
      const polReadiness = (await readinessOf("pol")).competencies.find((c) => c.competencyId === competency)!;
      expect(polReadiness.groups.peer && "mean" in polReadiness.groups.peer).toBeFalsy();
    } finally {
      await org.as("admin")(endpoints.readiness.updateSettings, { body: { weights: settings.weights, k: settings.k } });
    }
  });

  it("answers bad input to the calibration endpoints with a clear 4xx, never a 500", async () => {
    const adjustments = `/api/calibration/sessions/${wide}/adjustments`;
    const base = { subjectId: idOf("mia"), competencyId: competency, to: 4, reason: "a reason" };
    const bodies: unknown[] = [
      { ...base, to: "4" },
      { ...base, to: 1e308 },
      { ...base, to: -3 },
      { ...base, to: 4.5e-320 },
      { ...base, to: null },
      { ...base, competencyId: "no-such-competency" },
      { ...base, competencyId: "bad\u0000id" },
      { ...base, reason: "x".repeat(100_000) },
      { ...base, reason: "   " },
      { ...base, reason: "nul\u0000inside" },
      { ...base, subjectId: "00000000-0000-4000-8000-000000000001" },
      { ...base, subjectId: "not-a-uuid" },
      { ...base, extra: true },
      [],
      "just a string",
    ];
    for (const body of bodies) {
      const response = await json("dana", "POST", adjustments, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBeLessThan(500);
      expect(JSON.parse(response.text).message, JSON.stringify(body).slice(0, 80)).toEqual(expect.any(String));
    }
    const placements = `/api/calibration/sessions/${wide}/placements`;
    for (const to of [{ performance: "huge", potential: "low" }, { performance: "high" }, "high", null]) {
      const response = await json("dana", "POST", placements, { subjectId: idOf("mia"), to, reason: "r" });
      expect(response.status, JSON.stringify(to)).toBe(400);
    }
    const unknown = await json("admin", "GET", "/api/calibration/sessions/00000000-0000-4000-8000-000000000009");
    expect(unknown.status).toBe(404);
    const malformed = await json("admin", "GET", "/api/calibration/sessions/%00");
    expect(malformed.status).toBe(400);
    const created = await json("admin", "POST", "/api/calibration/sessions", {
      cycleId,
      name: "<script>alert(1)</script>",
      scope: { levelIds: ["pm"], managerId: "00000000-0000-4000-8000-000000000002" },
      facilitatorId: idOf("vic"),
    });
    expect(created.status).toBeGreaterThanOrEqual(400);
    expect(created.status).toBeLessThan(500);
    const badCycle = await json("admin", "POST", "/api/calibration/sessions", {
      cycleId: "00000000-0000-4000-8000-000000000003",
      name: "x",
      scope: { levelIds: ["pm"] },
      facilitatorId: idOf("vic"),
    });
    expect([400, 404]).toContain(badCycle.status);
    const badFacilitator = await json("admin", "POST", "/api/calibration/sessions", {
      cycleId,
      name: "x",
      scope: { levelIds: ["pm"] },
      facilitatorId: "00000000-0000-4000-8000-000000000004",
      participantIds: ["00000000-0000-4000-8000-000000000005"],
    });
    expect([400, 404]).toContain(badFacilitator.status);
  });
});

/** A receiver whose answers the test scripts: status, body and an optional redirect. */
async function scriptedReceiver() {
  const { createServer } = await import("node:http");
  const state = { status: 200, body: "ok", location: "", hits: [] as { path: string; body: string }[] };
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      state.hits.push({ path: req.url ?? "", body: raw });
      if (state.location) res.setHeader("location", state.location);
      res.statusCode = state.status;
      res.end(state.body);
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    state,
    origin,
    stop: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    },
  };
}

describe("the channel webhook: the address stays secret, the test post reads nothing back, posts name nobody", () => {
  let server: TestServer;
  let org: PersonaOrg;
  let receiver: Awaited<ReturnType<typeof scriptedReceiver>>;
  let elsewhere: Awaited<ReturnType<typeof scriptedReceiver>>;
  const SECRET = "HookSecretTail9931";
  const replies: string[] = [];
  const put = async (url: unknown) => {
    const response = await org.admin.fetch("/api/admin/channel-webhook", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url }),
    });
    const text = await response.text();
    replies.push(text);
    return { status: response.status, text };
  };

  beforeAll(async () => {
    receiver = await scriptedReceiver();
    elsewhere = await scriptedReceiver();
    server = await startTestServer({ env: { ASCENT_WEBHOOK_ALLOW_HTTP: "1" }, drainJobsByHand: true });
    org = await buildPersonaOrg(server);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await receiver?.stop();
    await elsewhere?.stop();
  });

  it("does not read an internal service's answer back to the admin through the test post", async () => {
    const internal = "internal-service-answer-" + "s3cr3t ".repeat(200);
    receiver.state.status = 500;
    receiver.state.body = internal;
    const refused = await put(`${receiver.origin}/internal/admin`);
    expect(refused.status).toBe(400);
    expect(refused.text).not.toContain("s3cr3t");
    expect(refused.text).not.toContain("internal-service-answer");
    receiver.state.status = 200;
    receiver.state.body = "ok";
  });

  it("does not follow a redirect from the receiver to another address", async () => {
    receiver.state.status = 302;
    receiver.state.location = `${elsewhere.origin}/metadata`;
    const refused = await put(`${receiver.origin}/services/T/B/${SECRET}`);
    expect(refused.status).toBe(400);
    expect(elsewhere.state.hits).toHaveLength(0);
    receiver.state.status = 200;
    receiver.state.location = "";
  });

  it("never returns the address whole, and escapes Slack's control sequences in a cycle's name", async () => {
    receiver.state.hits.length = 0;
    const hook = `${receiver.origin}/services/T/B/${SECRET}`;
    expect((await put(hook)).status).toBe(200);
    const got = await org.admin.fetch("/api/admin/channel-webhook");
    replies.push(await got.text());
    await org.admin.client.call(endpoints.cycles.create, {
      body: {
        name: "Round <!channel <https://evil.example|click here",
        population: {},
        phases: [
          {
            kind: "self",
            opensAt: new Date(Date.now() - 86_400_000).toISOString(),
            dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          },
        ],
      },
    });
    await server.drainJobs();
    const posted = receiver.state.hits.map((hit) => (JSON.parse(hit.body) as { text: string }).text).join("\n");
    expect(posted).toContain("Round &lt;!channel &lt;https://evil.example|click here");
    expect(posted).not.toContain("<!channel");
    expect(posted).not.toContain("<https://evil.example|");
    for (const person of Object.values(org.people)) expect(posted).not.toContain(person.name);
    for (const reply of replies) expect(reply).not.toContain(SECRET);
    const audit = await org.admin.fetch("/api/audit/export.csv");
    expect(await audit.text()).not.toContain(SECRET);
  });

  it("answers bad input with a clear 400, never a 500", async () => {
    for (const url of [
      42,
      null,
      ["https://a"],
      "https://" + "a".repeat(3000),
      "https://a\u0000b",
      "<script>",
      "https://",
    ]) {
      const refused = await put(url);
      expect(refused.status, String(url).slice(0, 40)).toBe(400);
      expect(JSON.parse(refused.text).message).toEqual(expect.any(String));
    }
    const kinds = await org.admin.fetch("/api/admin/channel-webhook/kinds", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kinds: [{ kind: "person.rated", isEnabled: true }] }),
    });
    expect(kinds.status).toBe(400);
  });
});

describe("notifications, digests and the admin's outbox carry no private content; settings are one's own", () => {
  const clock = createTestClock();
  let server: TestServer;
  let org: PersonaOrg;
  const PRIVATE_NOTE = "private-note-thinking-of-leaving";
  const SHARED_NOTE = "shared-note-between-the-two";
  const PEER_WORDS = ["peer-a-alone-wrote", "peer-b-alone-wrote", "peer-c-alone-wrote"];
  const session = (name: StaffPersona) => org.personas[name].session as HttpSession;
  const send = async (who: HttpSession, method: string, path: string, body?: unknown) => {
    const response = await who.fetch(path, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    server = await startTestServer({ now: () => clock.now(), drainJobsByHand: true });
    org = await buildPersonaOrg(server);
    // Everyone takes every kind by daily digest, so that digests are written to the outbox.
    for (const name of ["member", "peer", "otherMember", "unrelatedManager", "directManager", "skipManager"] as const) {
      const set = await send(session(name), "PUT", "/api/me/notification-preferences", {
        preferences: ["feedback.requested", "level.changed", "promotion.stage"].map((kind) => ({
          kind,
          inApp: true,
          mail: "daily",
        })),
      });
      expect(set.status).toBe(200);
    }
    const oneOnOne = await session("member").client.call(endpoints.oneOnOnes.create, {
      body: { withPersonId: org.people.directManager.id, scheduledAt: "2026-03-02T10:00:00Z" },
    });
    await session("member").client.call(endpoints.oneOnOnes.savePrivateNotes, {
      params: { id: oneOnOne.id },
      body: { body: PRIVATE_NOTE },
    });
    await session("member").client.call(endpoints.oneOnOnes.update, {
      params: { id: oneOnOne.id },
      body: { sharedNotes: SHARED_NOTE },
    });
    const [competency] = (await applicableCompetencies(session("member").client.call, "pm")) as [string];
    const raters = ["peer", "otherMember", "unrelatedManager"] as const;
    const request = await session("directManager").client.call(endpoints.feedback.create, {
      params: { id: org.people.member.id },
      body: {
        relation: "peer",
        raterIds: raters.map((r) => org.people[r].id),
        dueAt: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString(),
      },
    });
    for (const [i, rater] of raters.entries()) {
      const draft = await session(rater).client.call(endpoints.assessments.start, {
        body: { subjectId: org.people.member.id, relation: "peer", feedbackRequestId: request.id },
      });
      await session(rater).client.call(endpoints.assessments.saveRatings, {
        params: { assessmentId: draft.id },
        body: { ratings: [{ competencyId: competency, score: 2 + i, evidence: PEER_WORDS[i]! }] },
      });
      await session(rater).client.call(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
    }
    await session("directManager").client.call(endpoints.feedback.close, { params: { requestId: request.id } });
    await server.drainJobs();
    clock.advance(2 * 86_400_000);
    await server.services.digests.sendDueDigests();
    await server.drainJobs();
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("keeps private and shared notes and individual peer answers out of the outbox and everyone's inbox", async () => {
    const outbox = await send(org.admin, "GET", "/api/admin/outbox?limit=100");
    expect(outbox.status).toBe(200);
    expect(JSON.parse(outbox.text).messages.length).toBeGreaterThan(0);
    const texts = [outbox.text];
    for (const name of ["member", "peer", "otherMember", "unrelatedManager", "directManager", "skipManager"] as const)
      texts.push((await send(session(name), "GET", "/api/notifications?limit=100")).text);
    texts.push((await send(org.admin, "GET", "/api/notifications?limit=100")).text);
    for (const text of texts) {
      expect(text).not.toContain(PRIVATE_NOTE);
      expect(text).not.toContain(SHARED_NOTE);
      for (const words of PEER_WORDS) expect(text).not.toContain(words);
    }
  });

  it("lets nobody read, mark or change someone else's notifications or settings", async () => {
    const peerInbox = JSON.parse((await send(session("peer"), "GET", "/api/notifications?limit=100")).text) as {
      notifications: { id: string; readAt: string | null }[];
    };
    const theirs = peerInbox.notifications.find((n) => n.readAt === null);
    expect(theirs).toBeDefined();
    for (const name of ["member", "directManager"] as const) {
      expect((await send(session(name), "POST", `/api/notifications/${theirs!.id}/read`)).status).toBe(404);
    }
    expect((await send(org.admin, "POST", `/api/notifications/${theirs!.id}/read`)).status).toBe(404);
    const still = JSON.parse(
      (await send(session("peer"), "GET", "/api/notifications?limit=100")).text,
    ) as typeof peerInbox;
    expect(still.notifications.find((n) => n.id === theirs!.id)?.readAt).toBeNull();

    const before = (await send(session("peer"), "GET", "/api/me/notification-preferences")).text;
    const smuggled = await send(
      session("member"),
      "PUT",
      `/api/me/notification-preferences?personId=${org.people.peer.id}`,
      { preferences: [{ kind: "feedback.requested", inApp: false, mail: "off" }] },
    );
    // An unknown query is ignored: the change is the caller's own, and the peer's settings stay as they were.
    expect(smuggled.status).toBe(200);
    const inBody = await send(session("member"), "PUT", "/api/me/notification-preferences", {
      personId: org.people.peer.id,
      preferences: [{ kind: "feedback.requested", inApp: false, mail: "off" }],
    });
    expect(inBody.status).toBe(400);
    expect((await send(session("peer"), "GET", "/api/me/notification-preferences")).text).toBe(before);
    for (const name of ["member", "directManager", "skipManager"] as const) {
      expect((await send(session(name), "GET", "/api/admin/notification-defaults")).status).toBe(403);
      expect((await send(session(name), "PUT", "/api/admin/notification-defaults", { defaults: [] })).status).toBe(403);
      expect((await send(session(name), "GET", "/api/admin/outbox")).status).toBe(403);
    }
  });

  it("answers a kind named twice, and other bad settings, with a 400 naming the problem", async () => {
    const twice = [
      { kind: "level.changed", inApp: true, mail: "off" },
      { kind: "level.changed", inApp: false, mail: "instant" },
    ];
    const mine = await send(session("member"), "PUT", "/api/me/notification-preferences", { preferences: twice });
    expect(mine.status).toBe(400);
    expect(JSON.parse(mine.text)).toMatchObject({
      error: "validation_failed",
      message: expect.stringContaining("twice"),
    });
    const defaults = await send(org.admin, "PUT", "/api/admin/notification-defaults", { defaults: twice });
    expect(defaults.status).toBe(400);
    expect(JSON.parse(defaults.text).details[0].path).toBe("body.defaults.1.kind");
    const bad: [string, unknown][] = [
      ["/api/me/notification-preferences", { preferences: [{ kind: "x\u0000", inApp: true, mail: "off" }] }],
      ["/api/me/notification-preferences", { preferences: "all" }],
      ["/api/me/notification-preferences", { preferences: Array.from({ length: 101 }, () => twice[0]) }],
      ["/api/me/notification-schedule", { timeZone: "Mars/Olympus", quietHours: null }],
      ["/api/me/notification-schedule", { timeZone: "UTC", quietHours: { start: "24:00", end: "07:00" } }],
      ["/api/me/notification-schedule", { timeZone: "<b>UTC</b>", quietHours: null }],
      ["/api/me/notification-schedule", { timeZone: "UTC", quietHours: "always" }],
    ];
    for (const [path, body] of bad) {
      const refused = await send(session("member"), "PUT", path, body);
      expect(refused.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(JSON.parse(refused.text).message).toEqual(expect.any(String));
    }
  });
});

describe("cycle progress, reminders, tasks and nominations stay within a manager's chain; invitations are the admin's", () => {
  let server: TestServer;
  let org: PersonaOrg;
  let cycleId: string;
  let outsiderId: string;
  const session = (name: StaffPersona) => org.personas[name].session as HttpSession;
  const send = async (who: HttpSession, method: string, path: string, body?: unknown) => {
    const response = await who.fetch(path, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    return { status: response.status, text: await response.text() };
  };
  const day = 86_400_000;

  beforeAll(async () => {
    server = await startTestServer({ drainJobsByHand: true });
    org = await buildPersonaOrg(server);
    // A person outside Dana's chain whose name and team would run as formulas in a spreadsheet.
    const outsider = await org.admin.client.call(endpoints.people.create, {
      body: {
        name: '=HYPERLINK("https://evil.example","Outsider")',
        email: "+outsider@example.com",
        managerId: org.people.unrelatedManager.id,
        team: "@SUM(1+1)",
        levelId: "pm",
      },
    });
    outsiderId = outsider.id;
    const cycle = await org.admin.client.call(endpoints.cycles.create, {
      body: {
        name: "Autumn round",
        population: {},
        phases: [
          {
            kind: "self",
            opensAt: new Date(Date.now() - 10 * day).toISOString(),
            dueAt: new Date(Date.now() - day).toISOString(),
          },
          {
            kind: "nomination",
            opensAt: new Date(Date.now() - 5 * day).toISOString(),
            dueAt: new Date(Date.now() + 5 * day).toISOString(),
          },
          {
            kind: "manager",
            opensAt: new Date(Date.now() - 5 * day).toISOString(),
            dueAt: new Date(Date.now() + 10 * day).toISOString(),
          },
        ],
      },
    });
    cycleId = cycle.id;
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  const outside = () => [
    org.people.otherMember.id,
    org.people.unrelatedManager.id,
    outsiderId,
    org.people.otherMember.name,
    org.people.unrelatedManager.name,
    "Outsider",
  ];

  it("shows a manager their own chain only, in every view of a cycle's progress", async () => {
    for (const manager of ["directManager", "skipManager"] as const) {
      for (const path of [
        `/api/cycles/${cycleId}/progress`,
        `/api/cycles/${cycleId}/progress.csv`,
        `/api/cycles/${cycleId}/reminders`,
        `/api/cycles/${cycleId}/acknowledgements`,
        `/api/cycles/${cycleId}/nominations`,
        "/api/me/cycle-tasks",
      ]) {
        const seen = await send(session(manager), "GET", path);
        expect(seen.status, `${manager} ${path}`).toBe(200);
        for (const secret of outside()) expect(seen.text, `${manager} ${path}`).not.toContain(secret);
        if (path.includes("progress")) expect(seen.text, `${manager} ${path}`).toContain(org.people.member.name);
      }
    }
    const progress = JSON.parse(
      (await send(session("directManager"), "GET", `/api/cycles/${cycleId}/progress`)).text,
    ) as {
      total: number;
      byTeam: { counts: Record<string, number> }[];
      byManager: { counts: Record<string, number> }[];
    };
    // Dana's chain is Mia and Pia; the aggregates count nobody beyond them.
    expect(progress.total).toBe(2);
    const summed = (rows: { counts: Record<string, number> }[]) =>
      rows.reduce((sum, row) => sum + row.counts.done! + row.counts.inProgress! + row.counts.notStarted!, 0);
    expect(summed(progress.byTeam)).toBeLessThanOrEqual(2 * 2);
    expect(summed(progress.byManager)).toBeLessThanOrEqual(2 * 2);
  });

  it("refuses a member the progress of others and another manager's report's cycle history", async () => {
    for (const path of [
      `/api/cycles/${cycleId}/progress`,
      `/api/cycles/${cycleId}/progress.csv`,
      `/api/cycles/${cycleId}/reminders`,
    ]) {
      const seen = await send(session("member"), "GET", path);
      if (seen.status === 200) {
        expect(seen.text).not.toContain(org.people.peer.name);
        for (const secret of outside()) expect(seen.text).not.toContain(secret);
      } else expect(seen.status, path).toBe(403);
    }
    expect(
      (await send(session("directManager"), "GET", `/api/people/${org.people.otherMember.id}/cycles`)).status,
    ).toBe(403);
    expect((await send(session("member"), "GET", `/api/people/${org.people.peer.id}/cycles`)).status).toBe(403);
  });

  it("lets only the subject's manager decide a nomination", async () => {
    const proposed = await send(session("member"), "POST", `/api/cycles/${cycleId}/nominations`, {
      nomineeId: org.people.otherMember.id,
      relation: "peer",
    });
    expect(proposed.status, proposed.text).toBe(201);
    const { id } = JSON.parse(proposed.text) as { id: string };
    for (const who of ["member", "peer", "unrelatedManager", "otherMember"] as const) {
      const decided = await send(session(who), "POST", `/api/cycle-nominations/${id}/decision`, {
        decision: "approve",
      });
      expect([403, 404], who).toContain(decided.status);
    }
    const uri = await send(session("unrelatedManager"), "GET", `/api/cycles/${cycleId}/nominations`);
    expect(uri.text).not.toContain(id);
    const dana = await send(session("directManager"), "GET", `/api/cycles/${cycleId}/nominations`);
    expect(dana.text).toContain(id);
  });

  it("escapes spreadsheet formulas in the progress CSV", async () => {
    const csv = await send(org.admin, "GET", `/api/cycles/${cycleId}/progress.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("Outsider");
    for (const line of csv.text.split(/\r?\n/)) {
      for (const cell of line.split(",")) expect(cell.replace(/^"/, ""), line).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it("gives invitation links to admins only, never for someone signed up, with formulas escaped in the CSV", async () => {
    const body = { personIds: [outsiderId] };
    for (const who of ["member", "directManager", "skipManager"] as const) {
      expect((await send(session(who), "POST", "/api/invitations", body)).status).toBe(403);
      expect((await send(session(who), "POST", "/api/invitations/status", body)).status).toBe(403);
    }
    expect((await fetch(`${server.url}/api/invitations`, { method: "POST" })).status).toBe(401);
    const signedUp = await send(org.admin, "POST", "/api/invitations", {
      personIds: [org.people.member.id, org.people.directManager.id],
      resend: true,
    });
    expect(signedUp.status).toBe(200);
    const answer = JSON.parse(signedUp.text) as { invited: unknown[]; linksCsv: string | null };
    expect(answer.invited).toEqual([]);
    expect(signedUp.text).not.toContain("/welcome/");

    const invited = JSON.parse((await send(org.admin, "POST", "/api/invitations", body)).text) as {
      linksCsv: string | null;
    };
    expect(invited.linksCsv).toContain("/welcome/");
    for (const line of invited.linksCsv!.split(/\r?\n/).slice(1)) {
      for (const cell of line.split(",")) expect(cell.replace(/^"/, ""), line).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it("answers bad input to invitations and cycles with a clear 4xx, never a 500", async () => {
    const unknownId = "00000000-0000-4000-8000-00000000abcd";
    const bad: [string, string, unknown][] = [
      ["POST", "/api/invitations", {}],
      ["POST", "/api/invitations", { personIds: [] }],
      ["POST", "/api/invitations", { personIds: ["not-a-uuid"] }],
      ["POST", "/api/invitations", { personIds: Array.from({ length: 1001 }, () => unknownId) }],
      ["POST", "/api/invitations", { filter: { search: "a\u0000b" } }],
      ["POST", "/api/invitations", { filter: { search: "x".repeat(5000) } }],
      ["POST", "/api/invitations", { personIds: [unknownId], filter: {} }],
      ["POST", "/api/invitations", { personIds: [unknownId], resend: "yes" }],
      ["POST", "/api/invitations/status", { personIds: "all" }],
      ["PATCH", `/api/cycles/${cycleId}/phases/self`, { dueAt: "yesterday" }],
      ["PATCH", `/api/cycles/${cycleId}/phases/upward`, { dueAt: new Date().toISOString() }],
      ["POST", `/api/cycles/${cycleId}/phases/upward/close`, undefined],
      ["GET", `/api/cycles/${unknownId}/progress`, undefined],
      ["GET", `/api/cycles/not-a-uuid/progress.csv`, undefined],
      ["POST", "/api/cycles", { name: "<b>x</b>", population: {}, phases: [] }],
      ["POST", "/api/cycles", { name: "x", population: { teams: ["\u0000"] }, phases: [{ kind: "self" }] }],
    ];
    for (const [method, path, body] of bad) {
      const refused = await send(org.admin, method, path, body);
      const label = `${method} ${path} ${JSON.stringify(body ?? null).slice(0, 60)}`;
      expect(refused.status, label).toBeGreaterThanOrEqual(400);
      expect(refused.status, label).toBeLessThan(500);
      expect(JSON.parse(refused.text).message, label).toEqual(expect.any(String));
    }
    const unknownOnly = await send(org.admin, "POST", "/api/invitations", { personIds: [unknownId] });
    expect(unknownOnly.status).toBeLessThan(500);
  });
});
