import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, type ApiClient, type TSavePlanBody } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildPersonaOrg, type PersonaName, type PersonaOrg } from "../support/org-fixture.ts";
import { dayFromToday, failureOf, observedOf, submitRatings } from "../support/growth-fixture.ts";

/**
 * Long-term career plans over real HTTP (issue 6 §1). The persona organisation: M (member) under
 * D (directManager) under S (skipManager); P (peer) beside M; O (otherMember) under U elsewhere.
 */

let server: TestServer;
let org: PersonaOrg;

const api = endpoints.plans;
const DAY = 86_400_000;

function as(name: PersonaName): ApiClient["call"] {
  const session = org.personas[name].session;
  if (!session) throw new Error(`${name} is not signed in`);
  return session.client.call;
}

function buildPlanBody(overrides: Partial<TSavePlanBody> = {}): TSavePlanBody {
  return {
    envision: {
      targetLevelId: "director",
      horizonMonths: 36,
      scopeOfInfluence: "A team of PMs and the strategy of an area",
      preferredIndustries: ["Fintech", "Health"],
      impact: "Products that make money matters less stressful",
    },
    selfAwareness: {
      strengths: ["Writing"],
      weaknesses: ["Saying no"],
      interests: ["Pricing"],
      values: ["Candour"],
      motivations: ["Seeing customers succeed"],
    },
    learning: [
      {
        id: "course",
        kind: "formal-education",
        title: "Strategy course",
        competencyIds: ["strategic-thinking"],
        status: "in-progress",
      },
      { id: "mentor", kind: "mentorship", title: "Monthly mentor", competencyIds: ["leadership"], status: "planned" },
    ],
    steps: [{ id: "pricing", text: "Lead the pricing review", due: dayFromToday(60), isDone: false }],
    beyondTitles: [
      { company: "Acme", title: "Group Product Manager", responsibilities: "Three PMs, one portfolio" },
      { company: "Globex", title: "Product Owner III", responsibilities: "A backlog" },
    ],
    cadence: "quarterly",
    ...overrides,
  };
}

const accessLogOf = async (name: PersonaName) =>
  (await as(name)(endpoints.audit.myAccessLog, { query: {} })).entries.filter((e) => e.targetType === "plan");

beforeAll(async () => {
  server = await startTestServer();
  org = await buildPersonaOrg(server);
  // The organisation's own mapping, which "look beyond titles" uses as well.
  await org.admin.client.call(endpoints.peopleImport.setTitleOverride, {
    body: { title: "Product Owner III", levelId: "pm" },
  });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe("career plans over HTTP", () => {
  it("gives the owner an empty plan with the four steps until they save one; their manager gets 404", async () => {
    const otherId = org.people.otherMember.id;
    const plan = await as("otherMember")(api.get, { params: { id: otherId } });
    expect(plan).toMatchObject({
      isSaved: false,
      isSharedWithManager: false,
      isDueForReview: false,
      cadence: "quarterly",
    });
    expect(plan.plan.learning).toEqual([]);
    expect(plan.guide.map((step) => step.id)).toEqual([
      "envision",
      "self-awareness",
      "continual-learning",
      "proactive-steps",
    ]);
    expect((await failureOf(as("unrelatedManager")(api.get, { params: { id: otherId } }))).status).toBe(404);
  });

  it("round-trips a full plan: what PUT returns, GET returns, and both equal what was sent", async () => {
    const id = org.people.member.id;
    const body = buildPlanBody();
    const saved = await as("member")(api.save, { params: { id }, body });
    expect(saved.warnings).toEqual([]);
    const { warnings, ...savedPlan } = saved;
    void warnings;
    const read = await as("member")(api.get, { params: { id } });
    expect(read).toEqual(savedPlan);
    const { cadence, ...sentContent } = body;
    expect(read.plan).toEqual(sentContent);
    expect(read).toMatchObject({ isSaved: true, cadence, lastReviewedAt: null, isDueForReview: false });
  });

  it("places the titles noted at other companies on the ladder, the organisation's overrides included", async () => {
    const plan = await as("member")(api.get, { params: { id: org.people.member.id } });
    const [acme, globex] = plan.beyondTitles;
    expect(acme).toMatchObject({ company: "Acme", title: "Group Product Manager", levelId: "senior-pm" });
    expect(acme?.levelName).toBe("Senior Product Manager");
    expect(globex).toMatchObject({ company: "Globex", levelId: "pm", confidence: 1 });
    expect(globex?.reason).toContain("override");
  });

  it("answers 400 naming the path of an unknown level or competency, and saves nothing", async () => {
    const id = org.people.member.id;
    const before = await as("member")(api.get, { params: { id } });

    const badLevel = await failureOf(
      as("member")(api.save, {
        params: { id },
        body: buildPlanBody({ envision: { ...buildPlanBody().envision, targetLevelId: "astronaut" } }),
      }),
    );
    expect(badLevel.status).toBe(400);
    expect(badLevel.details?.map((d) => d.path)).toEqual(["body.envision.targetLevelId"]);
    expect(badLevel.message).toContain("body.envision.targetLevelId");

    const badCompetency = await failureOf(
      as("member")(api.save, {
        params: { id },
        body: buildPlanBody({
          learning: [
            {
              kind: "hands-on",
              title: "Run a launch",
              competencyIds: ["customer-focus", "juggling"],
              status: "planned",
            },
          ],
        }),
      }),
    );
    expect(badCompetency.status).toBe(400);
    expect(badCompetency.details?.map((d) => d.path)).toEqual(["body.learning[0].competencyIds[1]"]);

    const unknownField = await org.personas.member.request(`/api/people/${id}/plan`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...buildPlanBody(), salary: 1 }),
    });
    expect(unknownField.status).toBe(400);
    const html = await failureOf(
      as("member")(api.save, {
        params: { id },
        body: buildPlanBody({ selfAwareness: { ...buildPlanBody().selfAwareness, values: ["<b>Bold</b>"] } }),
      }),
    );
    expect(html.status).toBe(400);

    expect(await as("member")(api.get, { params: { id } })).toEqual(before);
  });

  it("saves a past due date on a new step with a warning, and does not warn again once it is saved", async () => {
    const id = org.people.member.id;
    const yesterday = dayFromToday(-1);
    const body = buildPlanBody({
      steps: [...(buildPlanBody().steps ?? []), { text: "Book the offsite", due: yesterday, isDone: false }],
    });
    const saved = await as("member")(api.save, { params: { id }, body });
    expect(saved.warnings).toHaveLength(1);
    expect(saved.warnings[0]?.path).toBe("body.steps[1].due");
    expect(saved.warnings[0]?.message).toContain(yesterday);
    const step = saved.plan.steps[1];
    expect(step).toMatchObject({ text: "Book the offsite", due: yesterday });
    expect(step?.id).toBeTruthy();

    const again = await as("member")(api.save, { params: { id }, body: { ...body, steps: saved.plan.steps } });
    expect(again.warnings).toEqual([]);
    await as("member")(api.save, { params: { id }, body: buildPlanBody() });
  });

  it("keeps the plan private until it is shared, then shows it to the managers above and logs their reads", async () => {
    const id = org.people.member.id;
    const readAs = (name: PersonaName) => failureOf(as(name)(api.get, { params: { id } }));

    expect((await readAs("directManager")).status).toBe(404);
    expect((await readAs("skipManager")).status).toBe(404);
    expect((await failureOf(as("directManager")(api.listReviews, { params: { id } }))).status).toBe(404);
    for (const outsider of ["admin", "peer", "otherMember", "unrelatedManager"] as const) {
      expect((await readAs(outsider)).status, outsider).toBe(403);
    }
    expect((await org.personas.anonymous.request(`/api/people/${id}/plan`)).status).toBe(401);
    expect(await accessLogOf("member")).toEqual([]);

    const sharingByManager = as("directManager")(api.setSharing, {
      params: { id },
      body: { isSharedWithManager: true },
    });
    expect((await failureOf(sharingByManager)).status).toBe(403);
    const writeByManager = as("directManager")(api.save, { params: { id }, body: buildPlanBody() });
    expect((await failureOf(writeByManager)).status).toBe(403);

    const shared = await as("member")(api.setSharing, { params: { id }, body: { isSharedWithManager: true } });
    expect(shared.isSharedWithManager).toBe(true);
    const own = await as("member")(api.get, { params: { id } });

    const managerView = await as("directManager")(api.get, { params: { id } });
    expect(managerView.plan).toEqual(own.plan);
    expect(managerView.suggestions).toBeNull();
    expect((await as("skipManager")(api.get, { params: { id } })).isSharedWithManager).toBe(true);
    expect((await readAs("admin")).status).toBe(403);
    expect((await readAs("peer")).status).toBe(403);

    const log = await accessLogOf("member");
    expect(log.map((entry) => [entry.reader?.id, entry.action])).toEqual([
      [org.people.skipManager.id, "plan.read"],
      [org.people.directManager.id, "plan.read"],
    ]);
    expect(await accessLogOf("directManager")).toEqual([]);

    await as("member")(api.setSharing, { params: { id }, body: { isSharedWithManager: false } });
    expect((await readAs("directManager")).status).toBe(404);
  });

  it("records a dated version at each review and lists the versions with the differences between them", async () => {
    const id = org.people.peer.id;
    const call = as("peer");
    const first = await call(api.save, { params: { id }, body: buildPlanBody() });
    expect(first.nextReviewAt).not.toBeNull();
    const daysToFirstReview = (Date.parse(first.nextReviewAt ?? "") - Date.parse(first.createdAt ?? "")) / DAY;
    expect(daysToFirstReview).toBeGreaterThanOrEqual(89);
    expect(daysToFirstReview).toBeLessThanOrEqual(92);

    const q1 = await call(api.review, { params: { id }, body: { note: "First look" } });
    expect(q1).toMatchObject({ note: "First look", previousReviewId: null, changes: [] });
    const reviewed = await call(api.get, { params: { id } });
    expect(reviewed.lastReviewedAt).toBe(q1.reviewedAt);
    expect(reviewed.isDueForReview).toBe(false);
    const daysToNext = (Date.parse(reviewed.nextReviewAt ?? "") - Date.parse(q1.reviewedAt)) / DAY;
    expect(daysToNext).toBeGreaterThanOrEqual(89);
    expect(daysToNext).toBeLessThanOrEqual(92);

    const changed = buildPlanBody({
      envision: { ...buildPlanBody().envision, horizonMonths: 24 },
      learning: [{ ...buildPlanBody().learning![0]!, status: "done" }],
      cadence: "monthly",
    });
    const monthly = await call(api.save, { params: { id }, body: changed });
    const daysMonthly = (Date.parse(monthly.nextReviewAt ?? "") - Date.parse(q1.reviewedAt)) / DAY;
    expect(daysMonthly).toBeGreaterThanOrEqual(28);
    expect(daysMonthly).toBeLessThanOrEqual(31);

    const pending = await call(api.listReviews, { params: { id } });
    expect(pending.changesSinceLastReview).toEqual([
      { path: "envision.horizonMonths", kind: "changed", before: 36, after: 24 },
      { path: "learning[course].status", kind: "changed", before: "in-progress", after: "done" },
      {
        path: "learning[mentor]",
        kind: "removed",
        before: buildPlanBody().learning![1],
        after: null,
      },
    ]);

    const q2 = await call(api.review, { params: { id }, body: { note: "" } });
    expect(q2.previousReviewId).toBe(q1.id);
    expect(q2.changes).toEqual(pending.changesSinceLastReview);

    const { reviews, changesSinceLastReview } = await call(api.listReviews, { params: { id } });
    expect(changesSinceLastReview).toEqual([]);
    expect(reviews.map((r) => r.id)).toEqual([q2.id, q1.id]);
    expect(reviews[0]?.changes).toEqual(q2.changes);
    expect(reviews[1]?.plan.envision.horizonMonths).toBe(36);
    expect(reviews[0]?.plan.envision.horizonMonths).toBe(24);
    expect(Date.parse(reviews[0]?.reviewedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(reviews[1]?.reviewedAt ?? ""));
  });

  it("shows reviews to the manager only when shared, logging the read; reviewing needs a saved plan", async () => {
    const id = org.people.peer.id;
    expect((await failureOf(as("directManager")(api.listReviews, { params: { id } }))).status).toBe(404);
    await as("peer")(api.setSharing, { params: { id }, body: { isSharedWithManager: true } });
    const seen = await as("directManager")(api.listReviews, { params: { id } });
    expect(seen.reviews).toHaveLength(2);
    expect((await accessLogOf("peer")).map((e) => [e.reader?.id, e.targetId])).toEqual([
      [org.people.directManager.id, "career-plan-reviews"],
    ]);
    const reviewByManager = as("directManager")(api.review, { params: { id }, body: {} });
    expect((await failureOf(reviewByManager)).status).toBe(403);

    const otherId = org.people.otherMember.id;
    const noPlan = await failureOf(as("otherMember")(api.review, { params: { id: otherId }, body: {} }));
    expect(noPlan.status).toBe(404);
    const noPlanToShare = as("otherMember")(api.setSharing, {
      params: { id: otherId },
      body: { isSharedWithManager: true },
    });
    expect((await failureOf(noPlanToShare)).status).toBe(404);
  });

  it("suggests strengths and weaknesses from readiness against the plan's target level, to the owner only", async () => {
    const id = org.people.member.id;
    await submitRatings(org.personas.member.session!, id, "self", { "customer-focus": 5, "data-analysis": 1 });
    await submitRatings(org.personas.directManager.session!, id, "manager", {
      "customer-focus": 5,
      "data-analysis": 3,
    });
    const plan = await as("member")(api.get, { params: { id } });
    const suggestions = plan.suggestions;
    expect(suggestions?.targetLevelId).toBe("director");
    expect(suggestions?.strengths).toEqual([
      { competencyId: "customer-focus", name: "Customer focus", observed: 5, expected: 3, margin: 2 },
    ]);
    expect(suggestions?.weaknesses.map((s) => [s.competencyId, s.observed, s.margin])).toEqual([
      ["data-analysis", observedOf(1, 3), observedOf(1, 3) - 3],
    ]);
  });
});
