import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, type Viewer } from "@ascent/core";
import { buildRouteTable } from "@ascent/server";
import type { RouteSpec } from "../../apps/server/src/route-table.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildPersonaOrg, type PersonaOrg } from "../support/org-fixture.ts";

/**
 * The route table checks each route's policy before its handler runs, but the use case must not rely
 * on that: a CLI command or a job calls the same use case with no route in front. So this test calls
 * every handler directly, skipping the route's gate, as a caller the route's policy refuses, and
 * expects the use case itself to refuse with the status the route gives.
 */

/** Queries a handler needs to get as far as its use case (well-formed; the refusal comes first). */
const SAMPLE_QUERY: Record<string, Record<string, unknown>> = {
  "/api/people/:id/mentors": { competency: "strategy" },
};

function inputFor(spec: RouteSpec, params: Record<string, string>, viewer: Viewer) {
  const { endpoint } = spec;
  const query = endpoint.query?.safeParse(SAMPLE_QUERY[endpoint.path] ?? {});
  const body = endpoint.body?.safeParse({});
  return {
    params,
    query: query?.success ? query.data : (SAMPLE_QUERY[endpoint.path] ?? {}),
    body: endpoint.upload ? Buffer.from("name,email\nA,a@example.com\n") : body?.success ? body.data : {},
    viewer,
    request: {} as never,
    reply: { header: () => undefined, status: () => undefined } as never,
  } as never;
}

/** The code a handler's call ends with: "allowed" when it goes through. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "allowed";
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
}

/** Every path parameter: the subject's id as :id, a well-formed id nobody has for the rest. */
function paramsFor(spec: RouteSpec, subjectId: string): Record<string, string> {
  const names = [...spec.endpoint.path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? "");
  return Object.fromEntries(
    names.map((name) => [name, name === "id" ? subjectId : "00000000-0000-4000-8000-00000000000f"]),
  );
}

/**
 * Admin routes whose use cases do not yet check the caller themselves (the framework editor: import,
 * export, drafts and diff): only the route's gate refuses a non-admin. Named here so that no other route joins them.
 */
const ADMIN_GATE_ONLY = new Set([
  "/api/frameworks/import",
  "/api/frameworks/:framework/versions/:version/export",
  "/api/frameworks/:framework/draft",
  "/api/frameworks/:framework/diff",
]);

const viewerOf = (personId: string, isAdmin = false): Viewer => ({ personId, name: personId, isAdmin, via: "session" });

describe("every use case behind a route authorises its caller itself", () => {
  let server: TestServer;
  let org: PersonaOrg;
  let routes: RouteSpec[];

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildPersonaOrg(server);
    routes = buildRouteTable(server.database, server.services);
  });
  afterAll(() => server?.stop());

  const subjectRoutes = () => routes.filter((spec) => spec.policy.kind === "subject");

  it("finds the routes about a person", () => {
    expect(subjectRoutes().map((spec) => spec.endpoint.path)).toEqual(
      expect.arrayContaining([
        "/api/people/:id",
        "/api/people/:id/chain",
        "/api/people/:id/reports",
        "/api/people/:id/readiness",
        "/api/people/:id/readiness/history",
        "/api/people/:id/readiness/side-by-side",
        "/api/people/:id/mentors",
        "/api/people/:id/advancement",
        "/api/people/:id/assessments",
      ]),
    );
  });

  it("refuses a colleague outside the person's reporting chain, route by route", async () => {
    const outsider = viewerOf(org.people.otherMember.id);
    const results = [];
    for (const spec of subjectRoutes()) {
      const params = paramsFor(spec, org.people.member.id);
      results.push([
        spec.endpoint.method,
        spec.endpoint.path,
        await outcome(spec.handler(inputFor(spec, params, outsider))),
      ]);
    }
    expect(results).toEqual(results.map(([method, path]) => [method, path, "forbidden"]));
  });

  it("refuses an admin where the route's policy leaves admins out (private content)", async () => {
    const admin = viewerOf(org.personas.admin.credentials?.personId ?? "", true);
    const results = [];
    for (const spec of subjectRoutes()) {
      if (spec.policy.kind !== "subject" || spec.policy.allow.includes("admin")) continue;
      const params = paramsFor(spec, org.people.member.id);
      results.push([
        spec.endpoint.method,
        spec.endpoint.path,
        await outcome(spec.handler(inputFor(spec, params, admin))),
      ]);
    }
    expect(results.length).toBeGreaterThan(5);
    expect(results).toEqual(results.map(([method, path]) => [method, path, "forbidden"]));
  });

  it("answers not_found for a person nobody has, before anything else", async () => {
    const member = viewerOf(org.people.member.id);
    const results = [];
    for (const spec of subjectRoutes()) {
      const params = paramsFor(spec, "00000000-0000-4000-8000-000000000000");
      results.push([
        spec.endpoint.method,
        spec.endpoint.path,
        await outcome(spec.handler(inputFor(spec, params, member))),
      ]);
    }
    // Through the route the reply is 404 (the route's gate asks first); a use case that only acts on
    // the caller's own record refuses anyone else outright, which is as good a refusal.
    expect(results.filter(([, , code]) => code !== "not_found" && code !== "forbidden")).toEqual([]);
    expect(results.filter(([, , code]) => code === "not_found").length).toBeGreaterThan(10);
  });

  it("refuses a non-admin on every admin route", async () => {
    const member = viewerOf(org.people.member.id);
    const results = [];
    for (const spec of routes.filter((r) => r.policy.kind === "admin" && !ADMIN_GATE_ONLY.has(r.endpoint.path))) {
      // About someone else: a use case may rightly let a person act on their own record (their data export).
      const params = paramsFor(spec, org.people.peer.id);
      results.push([
        spec.endpoint.method,
        spec.endpoint.path,
        await outcome(spec.handler(inputFor(spec, params, member))),
      ]);
    }
    expect(results).toEqual(results.map(([method, path]) => [method, path, "forbidden"]));
  });
});
