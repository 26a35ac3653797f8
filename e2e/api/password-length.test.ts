import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, endpoints, LIMITS } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { buildPersonaOrg, PERSONA_PASSWORD, type PersonaOrg } from "../support/org-fixture.ts";

describe("the shortest password, as the contract declares it", () => {
  let server: TestServer;
  let org: PersonaOrg;

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildPersonaOrg(server);
  });
  afterAll(async () => server?.stop());

  it("refuses one character fewer than LIMITS.passwordMin, naming the field, and takes exactly that many", async () => {
    const client = org.personas.member.session?.client;
    if (!client) throw new Error("the member persona has no session");
    const tooShort = await client
      .call(endpoints.auth.changePassword, {
        body: { currentPassword: PERSONA_PASSWORD, newPassword: "p".repeat(LIMITS.passwordMin - 1) },
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(tooShort).toBeInstanceOf(ApiError);
    expect(tooShort).toMatchObject({
      status: 400,
      code: "validation_failed",
      details: [{ path: "body.password", message: `at least ${LIMITS.passwordMin} characters` }],
    });

    // Long enough and not a pattern: the strength policy (tested in credentials.test.ts) lets it through.
    const exact = "Vq7#mZ2!pLxR4&wN9kT3".slice(0, LIMITS.passwordMin);
    await client.call(endpoints.auth.changePassword, {
      body: { currentPassword: PERSONA_PASSWORD, newPassword: exact },
    });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: org.personas.member.credentials?.email, password: exact }),
    });
    expect(login.status).toBe(200);
  });
});
