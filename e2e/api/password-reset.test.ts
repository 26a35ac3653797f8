import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { HttpSession } from "../support/http-session.ts";
import { buildPersonaOrg, PERSONA_PASSWORD, type PersonaOrg } from "../support/org-fixture.ts";
import { SmtpSink, type CaughtMail } from "../support/smtp-sink.ts";
import { createTestClock } from "../support/test-clock.ts";

const SECRET = "Thinking about the platform team next year";
const NEW_PASSWORD = "a-fresh-and-long-passphrase-7431";
const MAIL_FROM = "Ascent <ascent@example.org>";
const REPLY = "If that address belongs to an account, a link to reset its password is on its way.";

async function requestReset(server: TestServer, email: string): Promise<Response> {
  return fetch(`${server.url}/api/auth/password-reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email }),
  });
}

function linkIn(mail: CaughtMail): string {
  const match = /https?:\/\/\S+\/welcome\/[A-Za-z0-9_-]+/.exec(mail.text);
  if (!match) throw new Error(`no reset link in: ${mail.text}`);
  return match[0];
}

/** A member with private 1:1 notes, so that each test can tell whether a reset sealed them. */
async function memberWithPrivateNotes(org: PersonaOrg): Promise<string> {
  const member = org.personas.member.session as HttpSession;
  const created = await member.client.call(endpoints.oneOnOnes.create, {
    body: { withPersonId: org.people.directManager.id, scheduledAt: "2026-03-02T10:00:00Z" },
  });
  await member.client.call(endpoints.oneOnOnes.savePrivateNotes, {
    params: { id: created.id },
    body: { body: SECRET },
  });
  return created.id;
}

describe("password reset by mail, through a real SMTP server", () => {
  const clock = createTestClock();
  let sink: SmtpSink;
  let server: TestServer;
  let org: PersonaOrg;
  let oneOnOneId: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    server = await startTestServer({
      env: { SMTP_URL: sink.url, MAIL_FROM },
      drainJobsByHand: true,
      now: clock.now,
    });
    org = await buildPersonaOrg(server);
    oneOnOneId = await memberWithPrivateNotes(org);
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
  });

  it("answers the same for a known and an unknown address, and mails only the known one", async () => {
    const known = await requestReset(server, org.people.member.email.toUpperCase());
    const unknown = await requestReset(server, "nobody-here@example.com");
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual({ message: REPLY });
    expect(await unknown.json()).toEqual({ message: REPLY });
    // Nothing was sent inside the requests: the jobs send it.
    expect(sink.mails).toHaveLength(0);
    await server.drainJobs();
    expect(sink.mails).toHaveLength(1);
    const [mail] = sink.to(org.people.member.email);
    expect(mail?.to).toEqual([org.people.member.email]);
    expect(mail?.from).toBe("ascent@example.org");
    expect(mail?.subject).toBe("Reset your Ascent password");
    expect(mail?.text).toContain(`Hello ${org.people.member.name},`);
    expect(mail?.text).toContain("works once, for the next 60 minutes");
    const link = linkIn(mail!);
    expect(link.startsWith(`${server.url}/welcome/`)).toBe(true);
    expect(mail?.html).toContain(`href="${link}"`);
    expect(mail?.html).toContain("Choose a new password");
  });

  it("sets a new password through the mailed link, once, keeping the private notes readable", async () => {
    const link = linkIn(sink.to(org.people.member.email).at(-1)!);
    const token = link.split("/welcome/")[1]!;
    const described = await fetch(`${server.url}/api/auth/links/${token}`);
    expect(await described.json()).toMatchObject({ purpose: "reset", email: org.people.member.email });

    const weak = await fetch(`${server.url}/api/auth/links/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ password: "password1234" }),
    });
    expect(weak.status).toBe(400);

    const person = await new HttpSession(server.url).redeem(link, NEW_PASSWORD);
    expect(person.info?.privateSealedSince).toBeNull();
    const notes = await person.fetch(`/api/one-on-ones/${oneOnOneId}/private-notes`);
    expect(notes.status).toBe(200);
    expect(await notes.text()).toContain(SECRET);

    await expect(new HttpSession(server.url).redeem(link, `${NEW_PASSWORD}-again`)).rejects.toThrow(/404/);
    await expect(new HttpSession(server.url).login(org.people.member.email, PERSONA_PASSWORD)).rejects.toThrow(/401/);
    await new HttpSession(server.url).login(org.people.member.email, NEW_PASSWORD);
  });

  it("lets a mailed link lapse after an hour", async () => {
    const email = org.people.peer.email;
    expect((await requestReset(server, email)).status).toBe(202);
    await server.drainJobs();
    const token = linkIn(sink.to(email).at(-1)!).split("/welcome/")[1]!;
    clock.advance(61 * 60_000);
    const lapsed = await fetch(`${server.url}/api/auth/links/${token}`);
    expect(lapsed.status).toBe(404);
  });

  it("limits requests per address, whether or not the address exists", async () => {
    for (const email of [org.people.otherMember.email, "someone-unknown@example.com"]) {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await requestReset(server, email)).status);
      expect(statuses, email).toEqual([202, 202, 202, 429]);
    }
    await server.drainJobs();
    expect(sink.to(org.people.otherMember.email)).toHaveLength(3);
  });

  it("seals private notes when the mail went to an address an admin put in since the last password", async () => {
    const adminsMailbox = "admin-controlled@example.org";
    await org.admin.client.call(endpoints.people.update, {
      params: { id: org.people.member.id },
      body: { email: adminsMailbox },
    });
    expect((await requestReset(server, adminsMailbox)).status).toBe(202);
    await server.drainJobs();
    const impostor = await new HttpSession(server.url).redeem(linkIn(sink.to(adminsMailbox).at(-1)!), NEW_PASSWORD);
    expect(impostor.info?.privateSealedSince).toEqual(expect.any(String));
    const notes = await impostor.fetch(`/api/one-on-ones/${oneOnOneId}/private-notes`);
    expect(notes.status).toBe(403);
    expect(await notes.text()).not.toContain(SECRET);
  });

  it("retries a mail the SMTP server refuses, dead-letters it for admins, and sends it once when retried", async () => {
    const email = org.people.skipManager.email;
    sink.refuse = true;
    expect((await requestReset(server, email)).status).toBe(202);
    await server.drainJobs();
    expect(sink.to(email)).toHaveLength(0);
    const { jobs } = await org.admin.client.call(endpoints.notifications.failedJobs, { query: {} });
    const failed = jobs.find((job) => job.name === "mail.send");
    expect(failed?.reason).toMatch(/Relay access denied/);
    // The list names the failure, not the mail: its body holds a live reset link.
    expect(JSON.stringify(jobs)).not.toContain("/welcome/");
    const someone = org.personas.otherMember.session as HttpSession;
    expect((await someone.fetch(`/api/admin/jobs/failed/${failed!.id}/retry`, { method: "POST" })).status).toBe(403);

    sink.refuse = false;
    const retried = await org.admin.fetch(`/api/admin/jobs/failed/${failed!.id}/retry`, { method: "POST" });
    expect(retried.status).toBe(204);
    await server.drainJobs();
    expect(sink.to(email)).toHaveLength(1);
    const after = await org.admin.client.call(endpoints.notifications.failedJobs, { query: {} });
    expect(after.jobs.map((job) => job.id)).not.toContain(failed!.id);
    // Draining again sends nothing more.
    await server.drainJobs();
    expect(sink.to(email)).toHaveLength(1);
  });
});

describe("password reset without SMTP: the link waits in the outbox, where admins can read it", () => {
  let server: TestServer;
  let org: PersonaOrg;
  let oneOnOneId: string;

  beforeAll(async () => {
    server = await startTestServer({ drainJobsByHand: true });
    org = await buildPersonaOrg(server);
    oneOnOneId = await memberWithPrivateNotes(org);
  });
  afterAll(async () => server?.stop());

  it("keeps the mail for admins, and using that link seals the private notes as an admin's reset would", async () => {
    expect((await requestReset(server, org.people.member.email)).status).toBe(202);
    await server.drainJobs();
    const { transport, messages } = await org.admin.client.call(endpoints.notifications.outbox, {
      query: { recipient: org.people.member.email },
    });
    expect(transport).toBe("outbox");
    expect(messages).toHaveLength(1);
    const link = /\S+\/welcome\/[A-Za-z0-9_-]+/.exec(messages[0]!.textBody)?.[0] ?? "";
    const holder = await new HttpSession(server.url).redeem(link, NEW_PASSWORD);
    expect(holder.info?.privateSealedSince).toEqual(expect.any(String));
    const notes = await holder.fetch(`/api/one-on-ones/${oneOnOneId}/private-notes`);
    expect(notes.status).toBe(403);
  });
});
