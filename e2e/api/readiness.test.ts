import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  endpoints,
  type TGroupSummary,
  type TOrgReadiness,
  type TPerson,
  type TPersonReadiness,
} from "@ascent/contract";
import { computeReadiness, readinessWindow, type Framework, type Relation, type SubmittedRating } from "@ascent/core";
import { buildServices } from "@ascent/server";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";

/**
 * Readiness over real HTTP, checked against core's computeReadiness on the very ratings submitted
 * through the assessments API, and against numbers worked out by hand.
 *
 *     admin ── dana (Director, product) ─┬─ mia, sue (PMs rated here)
 *                                        └─ pia, pete, paz (PMs, their peers)
 *     gus, gia, gil, oscar (Senior PMs, growth, no manager)
 */

const PASSWORD = "readiness-password-for-tests";
type Key = "dana" | "mia" | "sue" | "pia" | "pete" | "paz" | "gus" | "gia" | "gil" | "oscar";
const PEOPLE: Record<Key, { levelId: string; team: string; manager: Key | "admin" | null; account: boolean }> = {
  dana: { levelId: "director", team: "product", manager: "admin", account: true },
  mia: { levelId: "pm", team: "product", manager: "dana", account: true },
  sue: { levelId: "pm", team: "product", manager: "dana", account: true },
  pia: { levelId: "pm", team: "product", manager: "dana", account: true },
  pete: { levelId: "pm", team: "product", manager: "dana", account: true },
  paz: { levelId: "pm", team: "product", manager: "dana", account: true },
  gus: { levelId: "senior-pm", team: "growth", manager: null, account: false },
  gia: { levelId: "senior-pm", team: "growth", manager: null, account: false },
  gil: { levelId: "senior-pm", team: "growth", manager: null, account: false },
  oscar: { levelId: "senior-pm", team: "growth", manager: null, account: true },
};

let server: TestServer;
let admin: HttpSession;
const people = {} as Record<Key, TPerson>;
const sessions = {} as Record<Key, HttpSession>;
let ladder: Framework;
/** Every rating submitted in this file, as core's rule takes it. */
const submitted = new Map<string, SubmittedRating[]>();

type Scores = Record<string, number>;

/** Starts, fills and submits an assessment as `rater`, and records its ratings for computeReadiness. */
async function assess(rater: Key, subject: Key, relation: Relation, scores: Scores, feedbackRequestId?: string) {
  const client = sessions[rater].client;
  const draft = await client.call(endpoints.assessments.start, {
    body: { subjectId: people[subject].id, relation, ...(feedbackRequestId ? { feedbackRequestId } : {}) },
  });
  await client.call(endpoints.assessments.saveRatings, {
    params: { assessmentId: draft.id },
    body: { ratings: Object.entries(scores).map(([competencyId, score]) => ({ competencyId, score })) },
  });
  const done = await client.call(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
  const list = submitted.get(people[subject].id) ?? [];
  for (const [competencyId, score] of Object.entries(scores)) {
    list.push({
      assessmentId: done.id,
      raterId: people[rater].id,
      relation,
      competencyId,
      score,
      // Peer and upward answers count from their request's release, as the server counts them.
      submittedAt: relation === "peer" || relation === "upward" ? UNRELEASED : new Date(),
    });
  }
  submitted.set(people[subject].id, list);
  return done;
}

const UNRELEASED = new Date(0);

/** Gives the answers recorded so far and not yet released one shared release time, as closing does. */
function markReleased(at: Date): void {
  for (const list of submitted.values()) {
    for (const rating of list) if (rating.submittedAt === UNRELEASED) rating.submittedAt = at;
  }
}

async function askPeers(subject: Key, raters: Key[]) {
  return sessions.dana.client.call(endpoints.feedback.create, {
    params: { id: people[subject].id },
    body: {
      relation: "peer",
      raterIds: raters.map((r) => people[r].id),
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
  });
}

async function closeRequest(requestId: string) {
  const closed = await sessions.dana.client.call(endpoints.feedback.close, { params: { requestId } });
  markReleased(new Date());
  return closed;
}

const readinessOf = (viewer: HttpSession, subject: Key, target?: string) =>
  viewer.client.call(endpoints.readiness.forPerson, {
    params: { id: people[subject].id },
    ...(target ? { query: { target } } : {}),
  });

const competency = (readiness: TPersonReadiness, id: string) => {
  const found = readiness.competencies.find((c) => c.competencyId === id);
  if (!found) throw new Error(`no competency ${id} in the readiness answer`);
  return found;
};

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInAsFirstAdmin(server);
  const adminId = admin.info?.person.id ?? "";
  for (const [key, spec] of Object.entries(PEOPLE) as [Key, (typeof PEOPLE)[Key]][]) {
    const managerId = spec.manager === null ? null : spec.manager === "admin" ? adminId : people[spec.manager].id;
    people[key] = await admin.client.call(endpoints.people.create, {
      body: {
        name: `${key[0]?.toUpperCase()}${key.slice(1)} Readiness`,
        email: `${key}@readiness.example.com`,
        title: spec.levelId,
        levelId: spec.levelId,
        managerId,
        team: spec.team,
      },
    });
    if (!spec.account) continue;
    const link = await admin.client.call(endpoints.auth.createLink, {
      params: { id: people[key].id },
      body: { purpose: "invite" },
    });
    sessions[key] = await new HttpSession(server.url).redeem(link.path, PASSWORD);
  }
  ladder = (
    await admin.client.call(endpoints.frameworks.getVersion, {
      params: { framework: "product-management", version: "latest" },
    })
  ).document as Framework;
}, 60_000);

afterAll(async () => server?.stop());

describe("GET /api/people/:id/readiness", () => {
  it("returns the same numbers as core's rule, and the hand-worked ones", async () => {
    await assess("mia", "mia", "self", {
      "strategic-thinking": 3,
      leadership: 2,
      "customer-focus": 4,
      communication: 3,
      // Weight 0 at PM, 1 at Senior PM: a stretch competency, rated before the promotion.
      "strategic-partnerships": 4,
    });
    await assess("dana", "mia", "manager", {
      "strategic-thinking": 2,
      leadership: 2,
      "customer-focus": 3,
      communication: 4,
      "data-analysis": 2,
      "strategic-partnerships": 3,
    });
    const request = await askPeers("mia", ["pia", "pete", "paz"]);
    const peerScores: Record<"pia" | "pete" | "paz", Scores> = {
      pia: { "strategic-thinking": 3, leadership: 3, "customer-focus": 4, "strategic-partnerships": 3 },
      pete: { "strategic-thinking": 4, leadership: 3, "customer-focus": 4, "strategic-partnerships": 3 },
      paz: { "strategic-thinking": 2, leadership: 3, "customer-focus": 5, "strategic-partnerships": 4 },
    };
    for (const [peer, scores] of Object.entries(peerScores)) {
      await assess(peer as Key, "mia", "peer", scores, request.id);
    }
    await closeRequest(request.id);

    const readiness = await readinessOf(sessions.mia, "mia");
    expect(readiness.targetLevel).toMatchObject({ id: "senior-pm" });
    expect(readiness.currentLevel).toEqual({ id: "pm", name: expect.any(String) });
    expect(readiness.settings).toEqual({ weights: { manager: 3, peer: 2, upward: 2, self: 1 }, k: 3 });
    expect(readiness.framework).toEqual({ slug: "product-management", version: 1 });

    // Hand-worked, strategic thinking at senior-pm (expected 3): self 3, manager 2, peers (3+4+2)/3 = 3.
    // observed = (3·2 + 2·3 + 1·3) / (3 + 2 + 1) = 15 / 6 = 2.5; gap 0.5: near.
    expect(competency(readiness, "strategic-thinking")).toMatchObject({
      expected: 3,
      observed: 2.5,
      gap: 0.5,
      status: "near",
      flags: [],
      groups: {
        self: { mean: 3, count: 1 },
        manager: { mean: 2, count: 1 },
        peer: { mean: 3, count: 3 },
        upward: null,
      },
    });
    // Leadership (expected 3, weight 2): (3·2 + 2·3 + 1·2) / 6 = 14 / 6.
    expect(competency(readiness, "leadership").observed).toBeCloseTo(14 / 6, 12);
    expect(competency(readiness, "leadership").status).toBe("below");
    // Strategic partnerships, rated as a stretch: (3·3 + 2·(10/3) + 1·4) / 6 = 59 / 18, corroborated.
    expect(competency(readiness, "strategic-partnerships").observed).toBeCloseTo(59 / 18, 12);
    expect(competency(readiness, "strategic-partnerships").isCorroborated).toBe(true);
    // Nobody rated vision: unknown, counting 0.
    expect(competency(readiness, "vision-innovation")).toMatchObject({ observed: null, gap: null, status: "unknown" });

    const core = computeReadiness({
      framework: ladder,
      targetLevelId: "senior-pm",
      ratings: submitted.get(people.mia.id) ?? [],
      window: readinessWindow(new Date()),
    });
    expect(readiness.score).toBe(core.score);
    expect(readiness.verdict).toBe(core.verdict);
    expect(readiness.blockers).toEqual(core.blockers);
    expect(readiness.competencies.map((c) => c.competencyId)).toEqual(core.competencies.map((c) => c.competencyId));
    for (const expected of core.competencies) {
      const actual = competency(readiness, expected.competencyId);
      expect(actual, expected.competencyId).toMatchObject({
        expected: expected.expected,
        weight: expected.weight,
        observed: expected.observed,
        gap: expected.gap,
        status: expected.status,
        flags: expected.flags,
        groups: expected.groups,
        isCorroborated: expected.isCorroborated,
        comments: expected.comments,
      });
    }
    // Σ w · min(o/e, 1) / Σ w by hand, over the six rated competencies and nine unknown ones.
    const weights = core.competencies.reduce((sum, c) => sum + c.weight, 0);
    const earned = core.competencies.reduce(
      (sum, c) => sum + (c.observed === null ? 0 : c.weight * Math.min(c.observed / c.expected, 1)),
      0,
    );
    expect(readiness.score).toBeCloseTo(earned / weights, 12);
    expect(readiness.verdict).toBe("not-yet");
  });

  it("takes another target level, and refuses an unknown one or an unknown person", async () => {
    const director = await readinessOf(sessions.dana, "mia", "director");
    const core = computeReadiness({
      framework: ladder,
      targetLevelId: "director",
      ratings: submitted.get(people.mia.id) ?? [],
      window: readinessWindow(new Date()),
    });
    expect(director.targetLevel).toMatchObject({ id: "director" });
    expect(director.score).toBe(core.score);
    // A target below the current level works too.
    const below = await readinessOf(sessions.dana, "dana", "pm");
    expect(below.targetLevel.id).toBe("pm");

    const unknownTarget = await apiError(readinessOf(sessions.mia, "mia", "astronaut"));
    expect(unknownTarget).toMatchObject({ status: 400, code: "validation_failed" });
    expect(unknownTarget.details?.map((d) => d.path)).toEqual(["query.target"]);
    const unknownPerson = await apiError(
      sessions.mia.client.call(endpoints.readiness.forPerson, {
        params: { id: "00000000-0000-4000-8000-000000000000" },
      }),
    );
    expect(unknownPerson.status).toBe(404);
  });

  it("is for the person, the managers above them and admins (numbers only) alone", async () => {
    expect((await readinessOf(admin, "mia")).personId).toBe(people.mia.id);
    expect((await apiError(readinessOf(sessions.oscar, "mia"))).status).toBe(403);
    expect((await apiError(readinessOf(sessions.pia, "mia"))).status).toBe(403);
    expect((await readinessOf(admin, "oscar")).personId).toBe(people.oscar.id);
  });

  it("gives the timeline and the side-by-side view from the same computation", async () => {
    const history = await sessions.mia.client.call(endpoints.readiness.history, { params: { id: people.mia.id } });
    // Self, manager, and the request's release: three moments, the last being today's readiness.
    expect(history.points).toHaveLength(3);
    const now = await readinessOf(sessions.mia, "mia");
    expect(history.points.at(-1)).toMatchObject({ score: now.score, verdict: now.verdict });
    expect(history.points[0]?.score).toBeLessThan(now.score);
    // Each point carries every competency's numbers then, the last one equal to today's ("then versus now").
    expect(history.points.at(-1)?.competencies).toEqual(
      now.competencies.map(({ competencyId, name, expected, observed, status }) => ({
        competencyId,
        name,
        expected,
        observed,
        status,
      })),
    );
    const [first] = history.points;
    const selfOnly = first?.competencies.find((c) => c.competencyId === "strategic-thinking");
    expect(selfOnly?.observed).toBe(3);

    const side = await sessions.dana.client.call(endpoints.readiness.sideBySide, { params: { id: people.mia.id } });
    const strategic = side.competencies.find((c) => c.competencyId === "strategic-thinking");
    // Others: (manager 2 + peers 3) / 2 = 2.5; self 3 − 2.5 = 0.5.
    expect(strategic).toMatchObject({
      self: { mean: 3, count: 1 },
      manager: { mean: 2, count: 1 },
      peer: { mean: 3, count: 3 },
      othersMean: 2.5,
      selfPerceptionGap: 0.5,
      flags: [],
    });
    const customer = side.competencies.find((c) => c.competencyId === "customer-focus");
    // Self 4, manager 3, peers 13/3: others (3 + 13/3) / 2 = 11/3; 4 − 11/3 = 1/3.
    expect(customer?.selfPerceptionGap).toBeCloseTo(1 / 3, 12);
  });
});

describe("evidence in readiness", () => {
  it("shows the person all their evidence, a manager only what is shared, and logs the manager's read", async () => {
    const log = (title: string, isSharedWithManager: boolean) =>
      sessions.mia.client.call(endpoints.evidence.create, {
        params: { id: people.mia.id },
        body: { date: "2026-01-15", title, competencyIds: ["customer-focus"], isSharedWithManager },
      });
    const shared = await log("Ran the customer council", true);
    const secret = await log("Private notes on a customer", false);
    const audit = buildServices(server.database).audit;
    const reads = () => audit.list({ kind: "read", subjectId: people.mia.id });
    const readsBefore = (await reads()).length;

    const own = await readinessOf(sessions.mia, "mia");
    expect(
      competency(own, "customer-focus")
        .evidence.map((e) => e.id)
        .sort(),
    ).toEqual([shared.id, secret.id].sort());
    expect((await reads()).length).toBe(readsBefore);

    const managers = await readinessOf(sessions.dana, "mia");
    expect(competency(managers, "customer-focus").evidence).toEqual([
      { id: shared.id, title: "Ran the customer council", date: "2026-01-15" },
    ]);
    expect(JSON.stringify(managers)).not.toContain(secret.id);
    const [read] = await reads();
    expect(read).toMatchObject({
      kind: "read",
      actorId: people.dana.id,
      action: "evidence.read",
      subjectId: people.mia.id,
      targetType: "evidence",
      details: { evidenceIds: [shared.id], via: "readiness" },
    });
    expect((await reads()).length).toBe(readsBefore + 1);
  });
});

describe("privacy of peer answers over HTTP (k = 3, 2 peers)", () => {
  /**
   * Everything Sue, her manager Dana and the admin above Dana can read about Sue's readiness, and the
   * team and org views that include her. (Pia and Pete are Dana's reports too: the team views name
   * them as people rated, so only the views about Sue are searched for their names.)
   */
  async function views() {
    const read = async (viewer: HttpSession, path: string) => {
      const response = await viewer.fetch(path);
      expect(response.status, path).toBe(200);
      return response.text();
    };
    const id = people.sue.id;
    const result: Record<string, string> = {};
    for (const [name, viewer] of [
      ["subject", sessions.sue],
      ["manager", sessions.dana],
      ["admin-as-manager", admin],
    ] as const) {
      result[`${name} readiness`] = await read(viewer, `/api/people/${id}/readiness`);
      result[`${name} side-by-side`] = await read(viewer, `/api/people/${id}/readiness/side-by-side`);
      result[`${name} history`] = await read(viewer, `/api/people/${id}/readiness/history`);
    }
    result["admin org heatmap"] = await read(admin, "/api/org/heatmap");
    result["admin org readiness"] = await read(admin, "/api/org/readiness");
    return result;
  }

  async function teamViews() {
    return {
      heatmap: await sessions.dana.client.call(endpoints.readiness.teamHeatmap, {}),
      list: await sessions.dana.client.call(endpoints.readiness.teamReadiness, {}),
    };
  }

  /** No response names a peer, carries a rater id, or shows a peer group over fewer than k raters. */
  function expectNothingIndividual(all: Record<string, string>, peers: Key[]) {
    for (const [view, text] of Object.entries(all)) {
      for (const peer of peers) {
        for (const secret of [people[peer].id, people[peer].email, people[peer].name]) {
          expect(text.includes(secret), `${view} mentions ${peer}`).toBe(false);
        }
      }
      expect(text, view).not.toMatch(/"rater\w*"\s*:/i);
      const body = JSON.parse(text) as { competencies?: { groups?: Record<string, TGroupSummary> }[] };
      for (const c of body.competencies ?? []) {
        for (const relation of ["peer", "upward"]) {
          const group = c.groups?.[relation];
          if (group && "count" in group) expect(group.count, view).toBeGreaterThanOrEqual(3);
        }
      }
    }
  }

  it("hides the aggregate of 2 peers, and nothing moves before the request closes", async () => {
    await assess("sue", "sue", "self", { "strategic-thinking": 3, leadership: 3 });
    await assess("dana", "sue", "manager", { "strategic-thinking": 2, leadership: 4 });
    const before = await views();
    const teamBefore = await teamViews();

    const request = await askPeers("sue", ["pia", "pete"]);
    await assess("pia", "sue", "peer", { "strategic-thinking": 5, leadership: 1 }, request.id);
    expect(await views()).toEqual(before);
    expect(await teamViews()).toEqual(teamBefore);
    await assess("pete", "sue", "peer", { "strategic-thinking": 1, leadership: 5 }, request.id);
    expect(await views()).toEqual(before);
    expect(await teamViews()).toEqual(teamBefore);

    await closeRequest(request.id);
    const after = await views();
    expectNothingIndividual({ ...before, ...after }, ["pia", "pete"]);
    for (const viewer of ["subject", "manager", "admin-as-manager"]) {
      const was = JSON.parse(before[`${viewer} readiness`] ?? "{}") as TPersonReadiness;
      const now = JSON.parse(after[`${viewer} readiness`] ?? "{}") as TPersonReadiness;
      for (const id of ["strategic-thinking", "leadership"]) {
        expect(competency(now, id).groups.peer, `${viewer} ${id}`).toEqual({
          hidden: true,
          reason: "fewer than 3 peer raters",
        });
        // Hidden peers count for nothing: the numbers are those of before the release.
        expect(competency(now, id).observed).toBe(competency(was, id).observed);
      }
      expect(now.score).toBe(was.score);
      expect(now.verdict).toBe(was.verdict);
    }

    // A later release of one more peer never merges with the earlier two: mixing releases would let
    // the difference between two views give single answers away.
    const third = await askPeers("sue", ["paz"]);
    await assess("paz", "sue", "peer", { "strategic-thinking": 3, leadership: 3 }, third.id);
    await closeRequest(third.id);
    expect(competency(await readinessOf(sessions.sue, "sue"), "strategic-thinking").groups.peer).toEqual({
      hidden: true,
      reason: "fewer than 3 peer raters",
    });

    // One release with k peers shows their mean, and only theirs.
    const fourth = await askPeers("sue", ["pia", "pete", "paz"]);
    await assess("pia", "sue", "peer", { "strategic-thinking": 4, leadership: 2 }, fourth.id);
    await assess("pete", "sue", "peer", { "strategic-thinking": 2, leadership: 4 }, fourth.id);
    await assess("paz", "sue", "peer", { "strategic-thinking": 3, leadership: 3 }, fourth.id);
    expect(competency(await readinessOf(sessions.sue, "sue"), "strategic-thinking").groups.peer).toMatchObject({
      hidden: true,
    });
    await closeRequest(fourth.id);
    const released = await readinessOf(sessions.sue, "sue");
    expect(competency(released, "strategic-thinking").groups.peer).toEqual({ mean: 3, count: 3 });
    expectNothingIndividual(await views(), ["pia", "pete", "paz"]);
  });
});

describe("readiness settings", () => {
  it("refuses k below 2, naming k, and lets only admins change them", async () => {
    const error = await apiError(
      admin.client.call(endpoints.readiness.updateSettings, {
        body: { weights: { manager: 3, peer: 2, upward: 2, self: 1 }, k: 1 },
      }),
    );
    expect(error).toMatchObject({ status: 400, code: "validation_failed" });
    expect(error.details?.map((d) => d.path)).toContain("body.k");
    const member = await apiError(
      sessions.dana.client.call(endpoints.readiness.updateSettings, {
        body: { weights: { manager: 3, peer: 2, upward: 2, self: 1 }, k: 5 },
      }),
    );
    expect(member.status).toBe(403);
    expect(await sessions.mia.client.call(endpoints.readiness.getSettings)).toEqual({
      weights: { manager: 3, peer: 2, upward: 2, self: 1 },
      k: 3,
      minimumK: 2,
      correctManagerLeniency: false,
    });
  });

  it("changes the observed value as the weights say, and the stored readiness with it", async () => {
    const put = (weights: Record<Relation, number>, k = 3) =>
      admin.client.call(endpoints.readiness.updateSettings, { body: { weights, k } });
    try {
      await put({ manager: 1, peer: 0, upward: 0, self: 0 });
      const managerOnly = await readinessOf(sessions.mia, "mia");
      // Mia's strategic thinking: manager 2 alone.
      expect(competency(managerOnly, "strategic-thinking").observed).toBe(2);
      expect(competency(managerOnly, "vision-innovation").observed).toBeNull();

      await put({ manager: 0, peer: 0, upward: 0, self: 1 });
      const selfOnly = await readinessOf(sessions.mia, "mia");
      expect(competency(selfOnly, "strategic-thinking").observed).toBe(3);
      // Data analysis was rated by the manager only: with a self weight alone it is unknown.
      expect(competency(selfOnly, "data-analysis")).toMatchObject({ observed: null, status: "unknown" });
      expect(selfOnly.settings.weights).toEqual({ manager: 0, peer: 0, upward: 0, self: 1 });
      const core = computeReadiness({
        framework: ladder,
        targetLevelId: "senior-pm",
        ratings: submitted.get(people.mia.id) ?? [],
        window: readinessWindow(new Date()),
        settings: { weights: { manager: 0, peer: 0, upward: 0, self: 1 }, k: 3 },
      });
      expect(selfOnly.score).toBe(core.score);
      const list = await sessions.dana.client.call(endpoints.readiness.teamReadiness, {});
      expect(list.people.find((p) => p.person.id === people.mia.id)?.score).toBeCloseTo(selfOnly.score, 5);

      // k = 4 hides Mia's three peers again.
      await put({ manager: 3, peer: 2, upward: 2, self: 1 }, 4);
      expect(competency(await readinessOf(sessions.mia, "mia"), "strategic-thinking").groups.peer).toEqual({
        hidden: true,
        reason: "fewer than 4 peer raters",
      });
    } finally {
      await put({ manager: 3, peer: 2, upward: 2, self: 1 });
    }
  });
});

describe("team views", () => {
  it("gives a manager a heatmap of their reports against each one's own level", async () => {
    const heatmap = await sessions.dana.client.call(endpoints.readiness.teamHeatmap, { query: { scope: "direct" } });
    expect(heatmap.rows.map((r) => r.person.name).sort()).toEqual(
      (["mia", "sue", "pia", "pete", "paz"] as Key[]).map((k) => people[k].name).sort(),
    );
    expect(heatmap.competencies).toHaveLength(15);
    const mia = heatmap.rows.find((r) => r.person.id === people.mia.id);
    const cell = (id: string) => mia?.cells.find((c) => c.competencyId === id);
    // Observed 2.5 against pm's expected 2: +0.5, meets (the next level expected 3: near).
    expect(cell("strategic-thinking")).toEqual({
      competencyId: "strategic-thinking",
      observed: 2.5,
      expected: 2,
      delta: 0.5,
      status: "meets",
    });
    // Strategic partnerships does not apply at pm.
    expect(cell("strategic-partnerships")).toMatchObject({ expected: null, status: "not-applicable" });
    const readiness = await readinessOf(sessions.dana, "mia");
    for (const c of readiness.competencies) {
      const observed = cell(c.competencyId)?.observed;
      if (c.observed === null) expect(observed, c.competencyId).toBeNull();
      else expect(observed, c.competencyId).toBeCloseTo(c.observed, 5);
    }

    expect((await sessions.mia.client.call(endpoints.readiness.teamHeatmap, {})).rows).toEqual([]);
    const all = await admin.client.call(endpoints.readiness.teamHeatmap, { query: { scope: "all" } });
    expect(all.rows.map((r) => r.person.id)).toContain(people.dana.id);
    expect(all.rows).toHaveLength(6);
    const direct = await admin.client.call(endpoints.readiness.teamHeatmap, { query: { scope: "direct" } });
    expect(direct.rows.map((r) => r.person.id)).toEqual([people.dana.id]);
  });

  it("lists the team's readiness for the next level, sortable", async () => {
    const byName = await sessions.dana.client.call(endpoints.readiness.teamReadiness, {
      query: { sort: "name", order: "asc", scope: "direct" },
    });
    const names = byName.people.map((p) => p.person.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toHaveLength(5);
    const byScore = await sessions.dana.client.call(endpoints.readiness.teamReadiness, {
      query: { sort: "score", order: "desc" },
    });
    const scores = byScore.people.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const mia = byScore.people.find((p) => p.person.id === people.mia.id);
    expect(mia?.targetLevel.id).toBe("senior-pm");
    expect(mia?.score).toBeCloseTo((await readinessOf(sessions.dana, "mia")).score, 5);
    expect((await sessions.oscar.client.call(endpoints.readiness.teamReadiness, {})).people).toEqual([]);
  });
});

describe("org views (admins: aggregates over at least k people only)", () => {
  const isHidden = (summary: TOrgReadiness["overall"]) => "hidden" in summary;

  it("shows groups of k or more and hides the lone director in every view", async () => {
    const org = await admin.client.call(endpoints.readiness.orgReadiness, {});
    // 10 placed people: 5 PMs and a director in product, 4 senior PMs in growth (the admin has no level).
    expect(org.overall).toMatchObject({ people: 10 });
    const director = org.byLevel.find((row) => row.level.id === "director");
    expect(isHidden(director?.summary ?? { hidden: true, reason: "" })).toBe(true);
    // The hidden levels together are never fewer than k people: subtraction gives nobody away.
    const shownPeople = org.byLevel.reduce((sum, row) => sum + ("people" in row.summary ? row.summary.people : 0), 0);
    expect(10 - shownPeople === 0 || 10 - shownPeople >= 3).toBe(true);
    // Product (6) minus its PMs (5) would be the director: at most one of them is shown.
    const pm = org.byLevel.find((row) => row.level.id === "pm")?.summary;
    const product = org.byTeam.find((row) => row.team === "product")?.summary;
    expect(Boolean(pm && !isHidden(pm)) && Boolean(product && !isHidden(product))).toBe(false);

    for (const query of [{ level: "director" }, { team: "product", level: "director" }]) {
      const filtered = await admin.client.call(endpoints.readiness.orgReadiness, { query });
      expect(isHidden(filtered.overall), JSON.stringify(query)).toBe(true);
    }
    const heatmap = await admin.client.call(endpoints.readiness.orgHeatmap, { query: { level: "director" } });
    expect(heatmap.overall.every((cell) => "hidden" in cell || cell.people === 0)).toBe(true);
    const all = await admin.client.call(endpoints.readiness.orgHeatmap, {});
    for (const cell of [
      ...all.overall,
      ...all.byLevel.flatMap((r) => r.cells),
      ...all.byTeam.flatMap((r) => r.cells),
    ]) {
      if ("people" in cell && cell.people > 0) expect(cell.people).toBeGreaterThanOrEqual(3);
    }
    expect(JSON.stringify(all)).not.toContain(people.dana.id);
  });

  it("refuses an unknown level and anyone but admins", async () => {
    const error = await apiError(admin.client.call(endpoints.readiness.orgHeatmap, { query: { level: "astronaut" } }));
    expect(error.details?.map((d) => d.path)).toEqual(["query.level"]);
    expect((await apiError(sessions.dana.client.call(endpoints.readiness.orgReadiness, {}))).status).toBe(403);
  });
});

describe("carrying assessments onto a new framework version", () => {
  it("moves a past rating onto a renamed competency and keeps the original", async () => {
    const before = await readinessOf(sessions.mia, "mia");
    const draft = await admin.client.call(endpoints.frameworkAdmin.startDraft, {
      params: { framework: "product-management" },
      body: { note: "Rename data analysis" },
    });
    const document = structuredClone(draft.document) as Framework;
    const renamed = "data-insight";
    document.competencies = document.competencies.map((c) =>
      c.id === "data-analysis" ? { ...c, id: renamed, name: "Data insight" } : c,
    );
    for (const row of Object.values(document.expectations)) {
      const expectation = row["data-analysis"];
      if (!expectation) continue;
      row[renamed] = expectation;
      delete row["data-analysis"];
    }
    await admin.client.call(endpoints.frameworkAdmin.saveDraft, {
      params: { framework: "product-management" },
      body: { document: document as never },
    });
    await admin.client.call(endpoints.frameworkAdmin.publish, {
      params: { framework: "product-management" },
      body: { migrationMap: { competencies: [{ kind: "rename", from: "data-analysis", to: renamed }], levels: [] } },
    });

    // Publishing carried the assessments along; the endpoint finds nothing left to move.
    const again = await admin.client.call(endpoints.readiness.migrateAssessments, {
      params: { framework: "product-management" },
      body: {},
    });
    expect(again).toMatchObject({ framework: "product-management", toVersion: 2, assessments: 0 });

    const services = buildServices(server.database);
    const dana = { personId: people.dana.id, name: "Dana", isAdmin: false, via: "session" as const };
    const [managerAssessment] = (await services.assessments.listAttributedAbout(dana, people.mia.id)).filter(
      (a) => a.raterId === people.dana.id,
    );
    expect(managerAssessment).toBeDefined();
    const own = await services.assessments.getOwn(dana, managerAssessment?.id ?? "");
    expect(own.frameworkVersion).toBe(2);
    expect(own.ratings.map((r) => r.competencyId)).toContain(renamed);
    expect(own.ratings.map((r) => r.competencyId)).not.toContain("data-analysis");
    expect(own.migratedFrom).toMatchObject({
      frameworkVersion: 1,
      levelId: "pm",
      ratings: expect.arrayContaining([expect.objectContaining({ competencyId: "data-analysis", score: 2 })]),
      migrations: [{ fromVersion: 1, toVersion: 2, at: expect.any(String) }],
    });

    // Readiness now counts the old rating under its new id, with the same numbers.
    const after = await readinessOf(sessions.mia, "mia");
    expect(after.framework.version).toBe(2);
    expect(competency(after, renamed)).toMatchObject({
      name: "Data insight",
      observed: competency(before, "data-analysis").observed,
    });
    expect(after.score).toBe(before.score);

    const unknownVersion = await apiError(
      admin.client.call(endpoints.readiness.migrateAssessments, {
        params: { framework: "product-management" },
        body: { fromVersion: 9 },
      }),
    );
    expect(unknownVersion.details?.map((d) => d.path)).toEqual(["body.fromVersion"]);
    expect(
      (
        await apiError(
          sessions.dana.client.call(endpoints.readiness.migrateAssessments, {
            params: { framework: "product-management" },
            body: {},
          }),
        )
      ).status,
    ).toBe(403);
  });
});
