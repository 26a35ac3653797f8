import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@ascent/contract";
import { LOGIN_LIMITS } from "@ascent/core";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { HttpSession } from "../support/http-session.ts";
import { buildPersonaOrg, PERSONA_PASSWORD, type PersonaOrg } from "../support/org-fixture.ts";

/** A JSON request over HTTP from a chosen loopback address, so that one test can be several clients. */
function postFrom(
  localAddress: string,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = httpRequest(
      url,
      {
        method: "POST",
        localAddress,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("credentials over HTTP", () => {
  let server: TestServer;
  let org: PersonaOrg;

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildPersonaOrg(server);
  });
  afterAll(async () => server?.stop());

  async function tokenFor(session: HttpSession, name: string): Promise<string> {
    const { token } = await session.client.call(endpoints.auth.createToken, { body: { name } });
    return token;
  }

  async function tokenWorks(token: string): Promise<number> {
    return (await fetch(`${server.url}/api/account/tokens`, { headers: bearer(token) })).status;
  }

  it("refuses weak passwords with a clear message: a repeated word, twelve spaces, the person's own e-mail", async () => {
    const member = org.personas.member;
    const email = member.credentials?.email ?? "";
    for (const weak of ["passwordpassword", " ".repeat(12), email]) {
      const response = await (member.session as HttpSession).fetch("/api/account/password", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: PERSONA_PASSWORD, newPassword: weak }),
      });
      expect(response.status, JSON.stringify(weak)).toBe(400);
      const body = (await response.json()) as { error: string; message: string; details: { path: string }[] };
      expect(body.error).toBe("validation_failed");
      expect(body.message).toMatch(/too easy to guess/);
      expect(body.details[0]?.path).toBe("body.password");
    }
    // Nothing changed: the old password still signs in.
    await new HttpSession(server.url).login(email, PERSONA_PASSWORD);
  });

  it("revokes API tokens when the password changes", async () => {
    const peer = org.personas.peer;
    const session = peer.session as HttpSession;
    const token = await tokenFor(session, "laptop");
    expect(await tokenWorks(token)).toBe(200);
    const next = "a-new-and-rather-long-secret-2026";
    await session.client.call(endpoints.auth.changePassword, {
      body: { currentPassword: PERSONA_PASSWORD, newPassword: next },
    });
    expect(await tokenWorks(token)).toBe(401);
    await session.client.call(endpoints.auth.changePassword, {
      body: { currentPassword: next, newPassword: PERSONA_PASSWORD },
    });
  });

  it("revokes API tokens when the person signs out everywhere", async () => {
    const session = await new HttpSession(server.url).login(
      org.personas.otherMember.credentials?.email ?? "",
      PERSONA_PASSWORD,
    );
    const token = await tokenFor(session, "ci");
    expect(await tokenWorks(token)).toBe(200);
    const result = await session.client.call(endpoints.auth.logoutEverywhere, {});
    expect(result.tokensRevoked).toBe(1);
    expect(await tokenWorks(token)).toBe(401);
  });

  it("does not let an API token create another token", async () => {
    const token = await tokenFor(org.personas.skipManager.session as HttpSession, "automation");
    const response = await fetch(`${server.url}/api/account/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", ...bearer(token) },
      body: JSON.stringify({ name: "spawned" }),
    });
    expect(response.status).toBe(403);
    const listed = await fetch(`${server.url}/api/account/tokens`, { headers: bearer(token) });
    const { tokens } = (await listed.json()) as { tokens: { name: string }[] };
    expect(tokens.map((t) => t.name)).toEqual(["automation"]);
  });

  it("slows a wrong-password flood from one address without locking the owner or other accounts out", async () => {
    const credentialsOf = (name: "directManager" | "unrelatedManager") => {
      const found = org.personas[name].credentials;
      if (!found) throw new Error(`${name} has no credentials`);
      return { email: found.email, password: found.password };
    };
    const owner = credentialsOf("directManager");
    const other = credentialsOf("unrelatedManager");
    const loginUrl = `${server.url}/api/auth/login`;
    const attempts: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perAccountAndIp + 3; i += 1) {
      attempts.push((await postFrom("127.0.0.2", loginUrl, { email: owner.email, password: `guess-${i}` })).status);
    }
    expect(attempts.slice(0, LOGIN_LIMITS.perAccountAndIp).every((s) => s === 401)).toBe(true);
    expect(attempts.at(-1)).toBe(429);
    // The attacker's address is slowed down even with the right password…
    expect((await postFrom("127.0.0.2", loginUrl, owner)).status).toBe(429);
    // …the owner from their own address is not, and nor is another account from the attacker's.
    expect((await postFrom("127.0.0.3", loginUrl, owner)).status).toBe(200);
    expect((await postFrom("127.0.0.2", loginUrl, other)).status).toBe(200);
  });

  it("answers an anonymous caller 401 before telling it anything of a route's schema", async () => {
    const response = await fetch(`${server.url}/api/people`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: 42, unknown: true }),
    });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toMatch(/name|unknown|expected/i);
  });
});
