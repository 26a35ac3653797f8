import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, endpoints, type TPerson, type TPersonReadiness } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";

/**
 * The built-in ladder's two tracks above Senior PM: one Senior PM, rated by herself and her manager,
 * compared with Principal PM (individual contributor) and with Director (manager) side by side.
 */

const PASSWORD = "tracks-readiness-password";
let server: TestServer;
let admin: HttpSession;
let manager: HttpSession;
let senior: TPerson;
let seniorSession: HttpSession;

async function invite(person: TPerson): Promise<HttpSession> {
  const link = await admin.client.call(endpoints.auth.createLink, {
    params: { id: person.id },
    body: { purpose: "invite" },
  });
  return new HttpSession(server.url).redeem(link.path, PASSWORD);
}

async function assess(rater: HttpSession, relation: "self" | "manager", scores: Record<string, number>) {
  const draft = await rater.client.call(endpoints.assessments.start, { body: { subjectId: senior.id, relation } });
  await rater.client.call(endpoints.assessments.saveRatings, {
    params: { assessmentId: draft.id },
    body: { ratings: Object.entries(scores).map(([competencyId, score]) => ({ competencyId, score })) },
  });
  await rater.client.call(endpoints.assessments.submit, { params: { assessmentId: draft.id } });
}

const readinessFor = (target?: string) =>
  seniorSession.client.call(endpoints.readiness.forPerson, {
    params: { id: senior.id },
    ...(target ? { query: { target } } : {}),
  });

const expectedOf = (readiness: TPersonReadiness, id: string) =>
  readiness.competencies.find((c) => c.competencyId === id)?.expected;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInAsFirstAdmin(server);
  const lead = await admin.client.call(endpoints.people.create, {
    body: { name: "Lena Lead", email: "lena@tracks.example.com", title: "Director", levelId: "director", team: "core" },
  });
  senior = await admin.client.call(endpoints.people.create, {
    body: {
      name: "Sam Senior",
      email: "sam@tracks.example.com",
      title: "Senior PM",
      levelId: "senior-pm",
      managerId: lead.id,
      team: "core",
    },
  });
  manager = await invite(lead);
  seniorSession = await invite(senior);
}, 60_000);

afterAll(async () => server?.stop());

describe("readiness on either track", () => {
  it("defaults to Principal PM and compares Principal PM with Director for one person", async () => {
    const scores = {
      "strategic-thinking": 4,
      leadership: 3,
      "scope-management": 4,
      "collaboration-influence": 4,
      "vision-innovation": 4,
      "team-management": 2,
      "decision-making": 4,
      communication: 4,
      "customer-focus": 4,
      "adaptability-resilience": 3,
      "data-analysis": 4,
      "business-acumen": 3,
      "domain-knowledge": 4,
      "strategic-partnerships": 3,
      "continuous-learning": 3,
    };
    await assess(seniorSession, "self", scores);
    await assess(manager, "manager", scores);

    const byDefault = await readinessFor();
    expect(byDefault.targetLevel).toMatchObject({ id: "principal-pm" });
    const [principal, director] = await Promise.all([readinessFor("principal-pm"), readinessFor("director")]);
    expect(principal.targetLevel).toMatchObject({ id: "principal-pm" });
    expect(director.targetLevel).toMatchObject({ id: "director" });

    // Team management counts toward Director (weight 2, expected 3) and not toward Principal PM (weight 0).
    expect(director.competencies.find((c) => c.competencyId === "team-management")).toMatchObject({
      expected: 3,
      observed: 2,
      status: "below",
    });
    expect(principal.competencies.some((c) => c.competencyId === "team-management")).toBe(false);
    expect(expectedOf(principal, "domain-knowledge")).toBe(4);
    expect(principal.verdict).toBe("ready");
    expect(director.verdict).not.toBe("ready");
    expect(principal.score).toBeGreaterThan(director.score);
  });

  it("refuses a target level the framework does not have, naming it", async () => {
    const error = await readinessFor("staff-pm").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toContain("staff-pm");
  });
});
