import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, ApiError } from "@ascent/contract";
import { APP_VERSION } from "@ascent/server";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { signInAsFirstAdmin, type HttpSession } from "../support/http-session.ts";
import { describeOnDriver } from "@ascent/db/testing";

const legs = [
  { driver: "pglite", databaseUrl: undefined },
  { driver: "postgres", databaseUrl: "scratch" },
] as const;

for (const leg of legs) {
  describeOnDriver(leg.driver, "API foundation over HTTP", () => {
    let server: TestServer;
    let admin: HttpSession;
    let dropScratch: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (leg.databaseUrl) {
        const { createScratchDatabase } = await import("@ascent/db/testing");
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        dropScratch = scratch.drop;
      }
      server = await startTestServer({ databaseUrl });
      admin = await signInAsFirstAdmin(server);
    });

    afterAll(async () => {
      await server?.stop();
      await dropScratch?.();
    });

    it("answers /healthz and /readyz with the driver in use", async () => {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok", version: APP_VERSION });
      const ready = await (await fetch(`${server.url}/readyz`)).json();
      expect(ready.status).toBe("ok");
      expect(ready.database.driver).toBe(leg.driver);
      await server.app.readinessWarmer?.idle();
      const warmed = await (await fetch(`${server.url}/readyz`)).json();
      expect(warmed.warmup.state).toBe("done");
    });

    it("lists the built-in ladder through the typed client", async () => {
      const { frameworks } = await admin.client.call(endpoints.frameworks.list);
      const ladder = frameworks.find((f) => f.slug === "product-management");
      expect(ladder).toMatchObject({ isBuiltin: true, latestPublishedVersion: 1, levelCount: 8, competencyCount: 15 });
    });

    it("returns a JSON 404 naming the route for unknown API paths", async () => {
      const response = await fetch(`${server.url}/api/no-such-thing?x=1`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect(await response.json()).toEqual({
        error: "route_not_found",
        message: "No API route GET /api/no-such-thing",
      });
    });

    it("returns 404 not_found for an unknown framework, parsed back as ApiError by the client", async () => {
      const error = await admin.client
        .call(endpoints.frameworks.get, { params: { framework: "no-such-ladder" } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 404, code: "not_found" });
    });

    it("rejects a path parameter of the wrong type with 400 naming the field", async () => {
      const response = await admin.fetch("/api/frameworks/product-management/versions/abc");
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error).toBe("validation_failed");
      expect(body.details[0].path).toBe("params.version");
    });

    it("asks anonymous callers to sign in", async () => {
      const response = await fetch(`${server.url}/api/frameworks`);
      expect(response.status).toBe(401);
      expect((await response.json()).error).toBe("unauthenticated");
    });

    it("tags every response with a request id, echoing the caller's", async () => {
      const response = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "trace-123" } });
      expect(response.headers.get("x-request-id")).toBe("trace-123");
    });
  });
}

describe("request bodies", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  it("answers malformed JSON with 400 malformed_json", async () => {
    const response = await fetch(`${server.url}/api/frameworks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("malformed_json");
  });

  it("answers an oversized body with 413", async () => {
    const response = await fetch(`${server.url}/api/frameworks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe("payload_too_large");
  });
});

describe("OpenAPI", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  it("serves a valid OpenAPI 3.1 document generated from the contract", async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = await response.json();
    const { validate } = await import("@scalar/openapi-parser");
    const result = await validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/frameworks", "/healthz"]));
  });

  it("serves the docs UI at /api/docs", async () => {
    const response = await fetch(`${server.url}/api/docs/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/swagger/i);
  });
});
