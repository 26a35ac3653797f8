import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { describeFindings, fetchFuzzRoutes, fuzzServer, type FuzzReport } from "../support/fuzz.ts";

/**
 * The short fuzz run (fixed seed, a few requests per route and caller); `npm run reliability`
 * runs the long one. Every route of the OpenAPI document, as anonymous, member, manager and admin.
 */
const SEED = 1818;
const RUNS_PER_ROUTE = 1;

describe("fuzzing every route over HTTP", () => {
  let server: TestServer;
  let report: FuzzReport;

  beforeAll(async () => {
    server = await startTestServer();
    report = await fuzzServer(server, { seed: SEED, runsPerRoute: RUNS_PER_ROUTE });
  }, 240_000);
  afterAll(async () => server?.stop());

  it("sent every route of the OpenAPI document a request as each caller", async () => {
    const routes = await fetchFuzzRoutes(server.url);
    expect(routes.length).toBeGreaterThan(50);
    expect(report.requests).toBe(routes.length * (RUNS_PER_ROUTE + 1) * 4);
    expect(report.byStatus["4xx"]).toBeGreaterThan(0);
  });

  it("never answers 5xx, never shows a stack trace, and leaves no write behind a refusal", () => {
    expect(describeFindings(report.findings)).toEqual([]);
  });
});
