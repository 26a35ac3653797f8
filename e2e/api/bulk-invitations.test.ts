import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, endpoints, type TPeopleImportResult, type TPerson } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { HttpSession } from "../support/http-session.ts";
import { buildPersonaOrg, type PersonaOrg } from "../support/org-fixture.ts";
import { SmtpSink, type CaughtMail } from "../support/smtp-sink.ts";
import { createTestClock } from "../support/test-clock.ts";

const PASSWORD = "a-long-and-fresh-passphrase-5521";

function linkIn(mail: CaughtMail): string {
  const match = /https?:\/\/\S+\/welcome\/[A-Za-z0-9_-]+/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return match[0];
}

async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an API error, got ${String(error)}`);
  return error;
}

async function addToTeam(org: PersonaOrg, name: string, team: string): Promise<TPerson> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@onboard.test`;
  return org.admin.client.call(endpoints.people.create, { body: { name, email, team } });
}

describe("bulk invitations over SMTP", () => {
  const clock = createTestClock();
  let sink: SmtpSink;
  let server: TestServer;
  let org: PersonaOrg;
  let newcomers: TPerson[];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    server = await startTestServer({
      env: { SMTP_URL: sink.url, MAIL_FROM: "Ascent <ascent@example.org>" },
      drainJobsByHand: true,
      now: clock.now,
    });
    org = await buildPersonaOrg(server);
    newcomers = [await addToTeam(org, "Nia New", "Onboarding"), await addToTeam(org, "Ole Other", "Onboarding")];
    const leaver = await addToTeam(org, "Lee Leaver", "Onboarding");
    await org.admin.client.call(endpoints.people.update, { params: { id: leaver.id }, body: { status: "inactive" } });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
  });

  it("invites the filtered people who have not signed up: one mail each over SMTP, with a link that works", async () => {
    const invite = { filter: { team: "Onboarding" } };
    const preview = await org.admin.client.call(endpoints.invitations.invite, { body: { ...invite, dryRun: true } });
    expect(preview).toMatchObject({ dryRun: true, transport: "smtp", linksCsv: null });
    expect(preview.invited.map((person) => person.name).sort()).toEqual(["Nia New", "Ole Other"]);
    await server.drainJobs();
    expect(sink.mails).toHaveLength(0);

    const result = await org.admin.client.call(endpoints.invitations.invite, { body: invite });
    expect(result.invited).toHaveLength(2);
    // Over SMTP the links reach each person alone: the admin never sees them.
    expect(result.linksCsv).toBeNull();
    await server.drainJobs();
    for (const person of newcomers) {
      const [mail, ...more] = sink.to(person.email);
      expect(more).toHaveLength(0);
      expect(mail?.subject).toBe("You are invited to Ascent");
      expect(mail?.text).toContain(`Hello ${person.name},`);
      const link = linkIn(mail!);
      expect(link.startsWith(`${server.url}/welcome/`)).toBe(true);
      expect(mail?.html).toContain(`href="${link}"`);
      const described = await fetch(`${server.url}/api/auth/links/${link.split("/welcome/")[1]}`);
      expect(await described.json()).toMatchObject({ purpose: "invite", email: person.email });
    }
    expect(sink.mails).toHaveLength(2);

    const { events } = await org.admin.client.call(endpoints.audit.list, { query: { limit: 20 } });
    const entries = events.filter((event) => event.action === "account.bulk_invite");
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({ count: 2, transport: "smtp", linksShownToAdmin: 0 });
  });

  it("shows who has accepted, and a second click invites nobody twice", async () => {
    const [nia, ole] = newcomers as [TPerson, TPerson];
    const ids = [nia.id, ole.id, org.people.member.id];
    const before = await org.admin.client.call(endpoints.invitations.statuses, { body: { personIds: ids } });
    expect(before.statuses.map((status) => status.state)).toEqual(["invited", "invited", "accepted"]);
    const { invitedAt, expiresAt } = before.statuses[0]!;
    expect(Date.parse(expiresAt!) - Date.parse(invitedAt!)).toBe(7 * 24 * 3600_000);

    // A second invitation made by hand in the meantime: accepting the mailed one retires it.
    const copied = await org.admin.client.call(endpoints.auth.createLink, {
      params: { id: nia.id },
      body: { purpose: "invite" },
    });
    clock.advance(3600_000);
    const acceptedFrom = clock.now().getTime();
    await new HttpSession(server.url).redeem(linkIn(sink.to(nia.email)[0]!), PASSWORD);
    await expect(new HttpSession(server.url).redeem(copied.path, `${PASSWORD}-taken-over`)).rejects.toThrow(/404/);
    const after = await org.admin.client.call(endpoints.invitations.statuses, { body: { personIds: ids } });
    expect(after.statuses[0]).toMatchObject({ personId: nia.id, state: "accepted" });
    const acceptedAt = Date.parse(after.statuses[0]!.acceptedAt!);
    expect(acceptedAt).toBeGreaterThanOrEqual(acceptedFrom);
    expect(acceptedAt).toBeLessThanOrEqual(clock.now().getTime());
    expect(after.statuses[1]?.state).toBe("invited");

    const again = await org.admin.client.call(endpoints.invitations.invite, {
      body: { filter: { team: "Onboarding" } },
    });
    expect(again.invited).toEqual([]);
    expect(again.skippedCounts).toEqual({ signed_up: 1, already_invited: 1, inactive: 0 });
    await server.drainJobs();
    expect(sink.mails).toHaveLength(2);
  });

  it("resends a new link on request, and the earlier one stops working", async () => {
    const ole = newcomers[1]!;
    const oldLink = linkIn(sink.to(ole.email)[0]!);
    const result = await org.admin.client.call(endpoints.invitations.invite, {
      body: { personIds: [ole.id], resend: true },
    });
    expect(result.invited.map((person) => person.id)).toEqual([ole.id]);
    await server.drainJobs();
    const newLink = linkIn(sink.to(ole.email).at(-1)!);
    expect(newLink).not.toBe(oldLink);
    expect((await fetch(`${server.url}/api/auth/links/${oldLink.split("/welcome/")[1]}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/auth/links/${newLink.split("/welcome/")[1]}`)).status).toBe(200);
  });

  it("refuses non-admins, names unknown ids, and reports inactive people as skipped", async () => {
    const member = org.personas.member.session!;
    const forbidden = await refusal(
      member.client.call(endpoints.invitations.invite, { body: { personIds: [newcomers[0]!.id] } }),
    );
    expect(forbidden.status).toBe(403);
    expect(
      (await refusal(member.client.call(endpoints.invitations.statuses, { body: { personIds: [newcomers[0]!.id] } })))
        .status,
    ).toBe(403);

    const ghost = "00000000-0000-4000-8000-00000000beef";
    const unknown = await refusal(
      org.admin.client.call(endpoints.invitations.invite, { body: { personIds: [newcomers[1]!.id, ghost] } }),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.message).toContain(ghost);
    expect(unknown.details).toEqual([expect.objectContaining({ path: "body.personIds[1]" })]);

    const tooMany = Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const limited = await refusal(
      org.admin.client.call(endpoints.invitations.invite, { body: { personIds: tooMany } }),
    );
    expect(limited.status).toBe(400);

    const both = await refusal(
      org.admin.client.call(endpoints.invitations.invite, {
        body: { personIds: [newcomers[1]!.id], filter: { team: "Onboarding" } },
      }),
    );
    expect(both.status).toBe(400);

    const { people } = await org.admin.client.call(endpoints.people.list, { query: { search: "Lee Leaver" } });
    const skipped = await org.admin.client.call(endpoints.invitations.invite, {
      body: { personIds: [people[0]!.id], dryRun: true },
    });
    expect(skipped.skipped).toEqual([expect.objectContaining({ name: "Lee Leaver", reason: "inactive" })]);
  });
});

describe("bulk invitations without SMTP: the links as CSV", () => {
  let server: TestServer;
  let org: PersonaOrg;

  beforeAll(async () => {
    server = await startTestServer({ drainJobsByHand: true });
    org = await buildPersonaOrg(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("invites the people an import added and hands back their links as formula-safe CSV", async () => {
    const file = [
      "name,email,title,manager email,team",
      "=HYPERLINK(1),formula@csv.test,Product Manager,,Imported",
      "Cam Comma,cam@csv.test,Product Manager,,Imported",
    ].join("\r\n");
    const response = await org.admin.fetch("/api/people/import?fileName=new.csv&dryRun=false", {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: file,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const imported = (await response.json()) as TPeopleImportResult;
    const createdIds = imported.committed?.createdIds ?? [];
    expect(createdIds).toHaveLength(2);

    const result = await org.admin.client.call(endpoints.invitations.invite, { body: { personIds: createdIds } });
    expect(result.transport).toBe("outbox");
    const parsed = Papa.parse<string[]>(result.linksCsv ?? "", { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(["name", "email", "link", "expires"]);
    const rows = parsed.data.slice(1);
    expect(rows.map((row) => row[1]).sort()).toEqual(["cam@csv.test", "formula@csv.test"]);
    expect(rows.find((row) => row[1] === "formula@csv.test")?.[0]).toBe("'=HYPERLINK(1)");
    for (const row of rows) {
      const token = row[2]?.split("/welcome/")[1];
      expect((await fetch(`${server.url}/api/auth/links/${token}`)).status).toBe(200);
    }

    await server.drainJobs();
    const { messages } = await org.admin.client.call(endpoints.notifications.outbox, { query: { limit: 20 } });
    expect(messages.filter((message) => message.subject === "You are invited to Ascent")).toHaveLength(2);

    const { events } = await org.admin.client.call(endpoints.audit.list, { query: { limit: 20 } });
    expect(events.find((event) => event.action === "account.bulk_invite")?.details).toMatchObject({
      count: 2,
      transport: "outbox",
      linksShownToAdmin: 2,
    });
  });
});
