import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, endpoints, type TOrgInsights } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildPersonaOrg, type PersonaOrg, type StaffPersona } from "../support/org-fixture.ts";

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

const countsByLevel = (insights: TOrgInsights) =>
  Object.fromEntries(insights.headcount.byLevel.map((entry) => [entry.level.id, entry.count]));

/**
 * The persona organisation (e2e/support/org-fixture.ts):
 *     Sam Skip (VP) ── Dana Direct (Director) ── Mia Member, Pia Peer (PMs)
 *     Uri Unrelated (Director) ── Oscar Other (Senior PM)
 *     Administrator (title not on the ladder)
 */
describe("org insights over HTTP", () => {
  let server: TestServer;
  let org: PersonaOrg;
  const client = (persona: StaffPersona) => {
    const session = org.personas[persona].session;
    if (!session) throw new Error(`${persona} is not signed in`);
    return session.client;
  };
  const orgInsights = () => org.admin.client.call(endpoints.insights.getOrgInsights, {});
  const teamInsights = (persona: StaffPersona) => client(persona).call(endpoints.insights.getTeamInsights, {});
  const roleOf = (insights: TOrgInsights, persona: StaffPersona) =>
    insights.bench.roles.find((r) => r.holder.id === org.people[persona].id);

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildPersonaOrg(server);
  });
  afterAll(async () => server?.stop());

  it("are for admins only", async () => {
    for (const persona of ["member", "directManager", "skipManager"] as const) {
      const error = await apiError(client(persona).call(endpoints.insights.getOrgInsights, {}));
      expect(error.status).toBe(403);
    }
    expect((await org.personas.anonymous.request("/api/org/insights")).status).toBe(401);
    expect((await org.personas.anonymous.request("/api/team/insights")).status).toBe(401);
  });

  it("give headcount per level, spans, layers and PMs per director", async () => {
    const insights = await orgInsights();
    expect(insights.scope).toBe("organisation");
    expect(insights.headcount.total).toBe(7);
    expect(countsByLevel(insights)).toMatchObject({ pm: 2, "senior-pm": 1, director: 2, vp: 1, cpo: 0 });
    expect(insights.headcount.unplaced).toBe(1);
    const spans = Object.fromEntries(insights.spans.managers.map((m) => [m.manager.name, m.directReports]));
    expect(spans).toEqual({ "Sam Skip": 1, "Dana Direct": 2, "Uri Unrelated": 1 });
    expect(insights.spans.summary).toEqual({ managers: 3, min: 1, median: 1, max: 2, mean: 4 / 3 });
    expect(insights.layers).toBe(3);
    const pms = Object.fromEntries(insights.pmsPerDirector.directors.map((d) => [d.director.name, d.pmCount]));
    expect(pms).toEqual({ "Dana Direct": 2, "Uri Unrelated": 1 });
    expect(insights.pmsPerDirector).toMatchObject({ pmTotal: 3, ratio: 1.5 });
  });

  it("hide the bench of a role with fewer than k candidates, and show counts only", async () => {
    const insights = await orgInsights();
    expect(insights.k).toBe(3);
    expect(roleOf(insights, "unrelatedManager")).toMatchObject({
      status: "too-small",
      candidates: null,
      ready: null,
      almost: null,
    });
    expect(roleOf(insights, "directManager")).toMatchObject({ status: "no-candidates", candidates: 0 });
    expect(roleOf(insights, "skipManager")).toMatchObject({ status: "no-candidates", level: { id: "vp" } });
    expect(insights.bench.summary).toEqual({
      roles: 3,
      withReadySuccessor: 0,
      withAlmostSuccessor: 0,
      withoutSuccessor: 2,
      tooSmall: 1,
    });
    expect(JSON.stringify(insights.bench)).not.toMatch(/score/i);
  });

  it("show the bench once a role has k candidates", async () => {
    for (const name of ["Sol Senior", "Sid Senior", "Sue Senior"]) {
      await org.admin.client.call(endpoints.people.create, {
        body: {
          name,
          email: `${name.split(" ")[0]?.toLowerCase()}@insights.example.com`,
          title: "Senior Product Manager",
          levelId: "senior-pm",
          managerId: org.people.unrelatedManager.id,
        },
      });
    }
    const insights = await orgInsights();
    expect(roleOf(insights, "unrelatedManager")).toMatchObject({
      status: "not-yet",
      candidates: 4,
      ready: 0,
      almost: 0,
    });
    expect(insights.headcount.total).toBe(10);
    expect(insights.pmsPerDirector).toMatchObject({ pmTotal: 6, ratio: 3 });
    // The team view of the same role agrees with the organisation's.
    expect(roleOf(await teamInsights("unrelatedManager"), "unrelatedManager")).toEqual(
      roleOf(insights, "unrelatedManager"),
    );
  });

  it("count no ready successor across tracks from readiness for another level, as counts only", async () => {
    const uri = client("unrelatedManager");
    const { document } = await uri.call(endpoints.frameworks.getVersion, {
      params: { framework: "product-management", version: "latest" },
    });
    const row = document.expectations["senior-pm"] ?? {};
    const applicable = document.competencies.filter((c) => (row[c.id]?.weight ?? 0) > 0).map((c) => c.id);
    const { people } = await uri.call(endpoints.people.list, { query: { search: "Sol Senior" } });
    const sol = people[0];
    if (!sol) throw new Error("Sol is not in Uri's reporting chain");
    const draft = await uri.call(endpoints.assessments.start, { body: { subjectId: sol.id, relation: "manager" } });
    await uri.call(endpoints.assessments.saveRatings, {
      params: { assessmentId: draft.id },
      body: { ratings: applicable.map((competencyId) => ({ competencyId, score: 5, evidence: "Runs the area" })) },
    });
    await uri.call(endpoints.assessments.submit, { params: { assessmentId: draft.id } });

    const insights = await orgInsights();
    // Readiness is kept for each person's next level on their own track: Sol's says Principal PM, which
    // makes him no ready successor for a Director. TODO(issue 14): readiness for the role's level itself.
    expect(roleOf(insights, "unrelatedManager")).toMatchObject({
      status: "not-yet",
      candidates: 4,
      ready: 0,
      almost: 0,
    });
    expect(insights.bench.summary).toMatchObject({ withReadySuccessor: 0, tooSmall: 0 });
    const readiness = await uri.call(endpoints.readiness.forPerson, { params: { id: sol.id } });
    expect(readiness).toMatchObject({ targetLevel: { id: "principal-pm" } });
    expect(JSON.stringify(insights)).not.toContain(sol.id);
  });

  it("cover only the caller's own subtree in the team view", async () => {
    const dana = await teamInsights("directManager");
    expect(dana.scope).toBe("team");
    expect(dana.headcount.total).toBe(3);
    expect(dana.layers).toBe(2);
    expect(dana.spans.managers.map((m) => m.manager.name)).toEqual(["Dana Direct"]);
    const text = JSON.stringify(dana);
    for (const outsider of ["skipManager", "unrelatedManager", "otherMember"] as const) {
      expect(text).not.toContain(org.people[outsider].id);
    }

    const sam = await teamInsights("skipManager");
    expect(sam.headcount.total).toBe(4);
    expect(sam.layers).toBe(3);
    expect(JSON.stringify(sam)).not.toContain(org.people.unrelatedManager.id);

    const mia = await teamInsights("member");
    expect(mia).toMatchObject({ layers: 1, headcount: { total: 1 }, spans: { managers: [], summary: null } });
    expect(mia.bench.roles).toEqual([]);
  });
});
