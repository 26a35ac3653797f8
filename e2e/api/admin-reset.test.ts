import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { HttpSession } from "../support/http-session.ts";
import { buildPersonaOrg, PERSONA_PASSWORD, type PersonaOrg } from "../support/org-fixture.ts";

const SECRET = "I am thinking of leaving for the competitor in June";
const ADMIN_CHOSEN = "an-admin-chosen-password-2026";

describe("an admin-made password reset cannot be used to read private notes (decisions/0004)", () => {
  let server: TestServer;
  let org: PersonaOrg;
  let oneOnOneId: string;
  let resetPath: string;
  let impostor: HttpSession;

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildPersonaOrg(server);
    const member = org.personas.member.session as HttpSession;
    const created = await member.client.call(endpoints.oneOnOnes.create, {
      body: { withPersonId: org.people.directManager.id, scheduledAt: "2026-03-02T10:00:00Z" },
    });
    oneOnOneId = created.id;
    await member.client.call(endpoints.oneOnOnes.savePrivateNotes, {
      params: { id: oneOnOneId },
      body: { body: SECRET },
    });
    const link = await org.admin.client.call(endpoints.auth.createLink, {
      params: { id: org.people.member.id },
      body: { purpose: "reset" },
    });
    resetPath = link.path;
  });
  afterAll(async () => server?.stop());

  const privateNotes = (session: HttpSession) => session.fetch(`/api/one-on-ones/${oneOnOneId}/private-notes`);

  it("lets the admin who redeems the link in, with the private notes sealed for reading and writing", async () => {
    impostor = await new HttpSession(server.url).redeem(resetPath, ADMIN_CHOSEN);
    expect(impostor.info?.privateSealedSince).toEqual(expect.any(String));
    const read = await privateNotes(impostor);
    expect(read.status).toBe(403);
    const text = await read.text();
    expect(text).not.toContain(SECRET);
    expect(text).toMatch(/sealed/);
    const overwrite = await impostor.fetch(`/api/one-on-ones/${oneOnOneId}/private-notes`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body: "nothing to see" }),
    });
    expect(overwrite.status).toBe(403);
    // Guessing the previous password is refused, and only a few times.
    const guess = await impostor.fetch("/api/account/unseal", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ previousPassword: "password-it-might-have-been" }),
    });
    expect(guess.status).toBe(400);
    // An API token made by the link holder cannot read them either.
    const { token } = await impostor.client.call(endpoints.auth.createToken, { body: { name: "backdoor" } });
    const viaToken = await fetch(`${server.url}/api/one-on-ones/${oneOnOneId}/private-notes`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.status).toBe(403);
  });

  it("tells the person at their next sign-in and lists the reset in their access log", async () => {
    const person = await new HttpSession(server.url).login(org.people.member.email, ADMIN_CHOSEN);
    expect(person.info?.privateSealedSince).toEqual(expect.any(String));
    const { entries } = await person.client.call(endpoints.audit.myAccessLog, { query: {} });
    const reset = entries.find((entry) => entry.action === "account.reset_link_used");
    expect(reset?.reader?.id).toBe(org.admin.info?.person.id);
  });

  it("unseals for the person who knows the password from before, and ends every other session", async () => {
    const person = await new HttpSession(server.url).login(org.people.member.email, ADMIN_CHOSEN);
    const unsealed = await person.fetch("/api/account/unseal", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ previousPassword: PERSONA_PASSWORD }),
    });
    expect(unsealed.status).toBe(204);
    const read = await privateNotes(person);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { body: string }).body).toBe(SECRET);
    // The link holder's session does not inherit the unsealing.
    expect((await privateNotes(impostor)).status).toBe(401);
    const again = await person.client.call(endpoints.auth.session, {});
    expect(again.privateSealedSince ?? null).toBeNull();
  });
});
