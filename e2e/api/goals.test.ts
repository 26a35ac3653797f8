import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, type ApiClient, type TCreateGoalBody } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildPersonaOrg, type PersonaName, type PersonaOrg } from "../support/org-fixture.ts";
import { dayFromToday, failureOf, observedOf, submitRatings } from "../support/growth-fixture.ts";

/**
 * Development goals over real HTTP (issue 6 §2). M (member, a PM) is rated by themself and by D
 * (directManager); S (skipManager) is above D; P, O, U and the admin are outside M's chain.
 * The next level for a PM is Senior PM, which expects 3 in data analysis and in leadership.
 */

let server: TestServer;
let org: PersonaOrg;
let memberId: string;

const api = endpoints.goals;

function as(name: PersonaName): ApiClient["call"] {
  const session = org.personas[name].session;
  if (!session) throw new Error(`${name} is not signed in`);
  return session.client.call;
}

function rate(by: "member" | "directManager", scores: Record<string, number>) {
  const session = org.personas[by].session;
  if (!session) throw new Error(`${by} is not signed in`);
  return submitRatings(session, memberId, by === "member" ? "self" : "manager", scores);
}

beforeAll(async () => {
  server = await startTestServer();
  org = await buildPersonaOrg(server);
  memberId = org.people.member.id;
  await rate("member", { "data-analysis": 1, leadership: 2, "customer-focus": 5 });
  await rate("directManager", { "data-analysis": 3, leadership: 2, "customer-focus": 5 });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe("development goals over HTTP", () => {
  it("makes a goal from a readiness gap in one click: from = observed, target = expected", async () => {
    const { goal, warnings } = await as("member")(api.create, {
      params: { id: memberId },
      body: { competencyId: "data-analysis" },
    });
    expect(warnings).toEqual([]);
    expect(goal).toMatchObject({
      personId: memberId,
      competencyId: "data-analysis",
      competencyName: "Data analysis",
      target: 3,
      status: "active",
      isSharedWithManager: true,
      achievedAt: null,
    });
    expect(goal.from).toBeCloseTo(observedOf(1, 3), 5);
    expect(goal.title).toContain("Senior Product Manager");

    const atDirector = await as("member")(api.create, {
      params: { id: memberId },
      body: { competencyId: "leadership", targetLevelId: "director", isSharedWithManager: false },
    });
    expect(atDirector.goal).toMatchObject({ from: 2, target: 3, isSharedWithManager: false });
  });

  it("refuses a gap that is not there, and unknown competencies or levels, naming the field", async () => {
    const create = (body: TCreateGoalBody) => failureOf(as("member")(api.create, { params: { id: memberId }, body }));

    const noGap = await create({ competencyId: "customer-focus" });
    expect([noGap.status, noGap.details?.[0]?.path]).toEqual([400, "body.competencyId"]);
    expect(noGap.message).toContain("already meets");
    const unknownCompetency = await create({ competencyId: "juggling" });
    expect([unknownCompetency.status, unknownCompetency.details?.[0]?.path]).toEqual([400, "body.competencyId"]);
    const unknownLevel = await create({ competencyId: "leadership", targetLevelId: "astronaut" });
    expect([unknownLevel.status, unknownLevel.details?.[0]?.path]).toEqual([400, "body.targetLevelId"]);
    const offScale = await create({ competencyId: "leadership", target: 9 });
    expect([offScale.status, offScale.details?.[0]?.path]).toEqual([400, "body.target"]);
  });

  it("round-trips an explicit goal with actions, and saves a past due date with a warning", async () => {
    const yesterday = dayFromToday(-1);
    const created = await as("member")(api.create, {
      params: { id: memberId },
      body: {
        competencyId: "communication",
        from: 2,
        target: 4,
        title: "Present at the all-hands",
        due: yesterday,
        actions: [{ text: "Draft the talk" }, { text: "Rehearse with Dana", isDone: true }],
      },
    });
    expect(created.warnings.map((w) => w.path)).toEqual(["body.due"]);
    expect(created.goal).toMatchObject({ from: 2, target: 4, due: yesterday, title: "Present at the all-hands" });
    expect(created.goal.actions.map((a) => [a.text, a.isDone])).toEqual([
      ["Draft the talk", false],
      ["Rehearse with Dana", true],
    ]);

    const { goals } = await as("member")(api.list, { params: { id: memberId } });
    expect(goals.find((g) => g.id === created.goal.id)).toEqual(created.goal);

    const later = dayFromToday(30);
    const actions = created.goal.actions.map((a) => ({ ...a, isDone: true }));
    const patched = await as("member")(api.update, {
      params: { goalId: created.goal.id },
      body: { due: later, actions, title: "Present twice" },
    });
    expect(patched.warnings).toEqual([]);
    expect(patched.goal).toMatchObject({ due: later, title: "Present twice", actions });
  });

  it("keeps check-ins, and drops and reopens goals; a dropped goal takes no check-ins", async () => {
    const { goal } = await as("member")(api.create, {
      params: { id: memberId },
      body: { competencyId: "strategic-thinking", target: 3 },
    });
    const checked = await as("member")(api.checkIn, {
      params: { goalId: goal.id },
      body: { progress: 30, note: "Read two strategy memos" },
    });
    expect(checked.checkIns.map((c) => [c.progress, c.note])).toEqual([[30, "Read two strategy memos"]]);

    const dropped = await as("member")(api.update, { params: { goalId: goal.id }, body: { status: "dropped" } });
    expect(dropped.goal.status).toBe("dropped");
    const late = as("member")(api.checkIn, { params: { goalId: goal.id }, body: { note: "Too late" } });
    expect((await failureOf(late)).status).toBe(409);
    const reopened = await as("member")(api.update, { params: { goalId: goal.id }, body: { status: "active" } });
    expect(reopened.goal.status).toBe("active");

    const byHand = await org.personas.member.request(`/api/goals/${goal.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "achieved" }),
    });
    expect(byHand.status).toBe(400);

    await as("member")(api.delete, { params: { goalId: goal.id } });
    const { goals } = await as("member")(api.list, { params: { id: memberId } });
    expect(goals.some((g) => g.id === goal.id)).toBe(false);
  });

  it("marks a goal achieved once readiness observes the target, and puts it on the timeline", async () => {
    const before = await as("member")(api.list, { params: { id: memberId } });
    const goal = before.goals.find((g) => g.competencyId === "data-analysis");
    expect(goal?.status).toBe("active");
    expect(before.observed["data-analysis"]).toBeCloseTo(observedOf(1, 3), 5);
    await as("member")(api.checkIn, {
      params: { goalId: goal!.id },
      body: { progress: 80, note: "Built the dashboard" },
    });

    await rate("directManager", { "data-analysis": 4, leadership: 2, "customer-focus": 5 });
    const after = await as("member")(api.list, { params: { id: memberId } });
    const achieved = after.goals.find((g) => g.id === goal?.id);
    expect(achieved?.status).toBe("achieved");
    expect(achieved?.achievedAt).not.toBeNull();
    expect(after.observed["data-analysis"]).toBeCloseTo(observedOf(1, 4), 5);
    expect(after.goals.find((g) => g.competencyId === "leadership")?.status).toBe("active");

    const ofGoal = after.timeline.filter((entry) => entry.goalId === goal?.id);
    expect(ofGoal.map((entry) => entry.kind)).toEqual(["goal-created", "check-in", "goal-achieved"]);
    expect(ofGoal.map((entry) => entry.at)).toEqual([
      achieved?.createdAt,
      achieved?.checkIns[0]?.at,
      achieved?.achievedAt,
    ]);
    const times = after.timeline.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const again = await as("member")(api.list, { params: { id: memberId } });
    expect(again.goals.find((g) => g.id === goal?.id)?.achievedAt).toBe(achieved?.achievedAt);
    const reopen = as("member")(api.update, { params: { goalId: goal!.id }, body: { status: "dropped" } });
    expect((await failureOf(reopen)).status).toBe(409);
  });

  it("shows the managers above only the shared goals and logs their reads; others are refused", async () => {
    const own = await as("member")(api.list, { params: { id: memberId } });
    expect(own.scope).toBe("all");
    const shared = own.goals.filter((g) => g.isSharedWithManager).map((g) => g.id);
    expect(shared.length).toBeLessThan(own.goals.length);

    const managerView = await as("directManager")(api.list, { params: { id: memberId } });
    expect(managerView.scope).toBe("shared");
    expect(managerView.goals.map((g) => g.id)).toEqual(shared);
    expect(managerView.goals.some((g) => g.competencyId === "leadership")).toBe(false);
    expect(managerView.timeline.every((entry) => shared.includes(entry.goalId))).toBe(true);
    expect(Object.keys(managerView.observed)).not.toContain("leadership");
    expect((await as("skipManager")(api.list, { params: { id: memberId } })).goals).toHaveLength(shared.length);

    const log = (await as("member")(endpoints.audit.myAccessLog, { query: {} })).entries;
    expect(log.map((entry) => [entry.reader?.id, entry.action, entry.targetId])).toEqual([
      [org.people.skipManager.id, "plan.read", "development-goals"],
      [org.people.directManager.id, "plan.read", "development-goals"],
    ]);

    for (const outsider of ["admin", "peer", "otherMember", "unrelatedManager"] as const) {
      const refused = await failureOf(as(outsider)(api.list, { params: { id: memberId } }));
      expect(refused.status, outsider).toBe(403);
    }
    const goalId = shared[0]!;
    for (const other of ["directManager", "admin", "peer"] as const) {
      const patch = as(other)(api.update, { params: { goalId }, body: { title: "Mine now" } });
      expect((await failureOf(patch)).status, other).toBe(404);
      const checkIn = as(other)(api.checkIn, { params: { goalId }, body: { note: "Hello" } });
      expect((await failureOf(checkIn)).status, other).toBe(404);
      expect((await failureOf(as(other)(api.delete, { params: { goalId } }))).status, other).toBe(404);
    }
    const createForMember = as("directManager")(api.create, {
      params: { id: memberId },
      body: { competencyId: "leadership" },
    });
    expect((await failureOf(createForMember)).status).toBe(403);
    expect((await as("member")(api.list, { params: { id: memberId } })).goals.map((g) => g.title)).not.toContain(
      "Mine now",
    );
  });
});
