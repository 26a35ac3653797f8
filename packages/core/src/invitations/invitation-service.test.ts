import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer.ts";
import type { NewAuditEvent } from "../audit/audit.ts";
import type { MailMessage } from "../notifications/ports.ts";
import type { Person } from "../people/person.ts";
import type { PeopleFilter } from "../people/ports.ts";
import { invitationStatusOf } from "./invitation.ts";
import { InvitationService } from "./invitation-service.ts";
import type { InvitationFacts } from "./ports.ts";

const NOW = new Date("2026-05-04T09:00:00Z");
const DAY = 24 * 3600 * 1000;
const ADMIN: Viewer = { personId: "admin", name: "Rhea Admin", isAdmin: true, via: "session" };
const MEMBER: Viewer = { personId: "p-1", name: "Ada Lane", isAdmin: false, via: "session" };

function person(id: string, overrides: Partial<Person> = {}): Person {
  return {
    id,
    name: `Person ${id}`,
    email: `${id}@example.org`,
    team: "Core",
    status: "active",
    ...overrides,
  } as Person;
}

interface Link {
  personId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

function setup(people: Person[], options: { transport?: "smtp" | "outbox"; maxPeople?: number } = {}) {
  const links: Link[] = [];
  const passwords = new Map<string, Date>();
  const mails: MailMessage[] = [];
  const audit: NewAuditEvent[] = [];
  let counter = 0;
  const service = new InvitationService({
    people: {
      countAll: async () => people.length,
      async list(filter: PeopleFilter = {}) {
        const found = people.filter(
          (p) =>
            (!filter.ids || filter.ids.includes(p.id)) &&
            (!filter.team || p.team === filter.team) &&
            (!filter.status || p.status === filter.status),
        );
        return { people: found.slice(0, filter.limit ?? 50), total: found.length };
      },
    },
    invitations: {
      async factsFor(ids): Promise<InvitationFacts[]> {
        return ids.map((personId) => {
          const mine = links.filter((link) => link.personId === personId);
          const latest = mine.at(-1) ?? null;
          return {
            personId,
            hasPassword: passwords.has(personId),
            signedUpAt: passwords.get(personId) ?? null,
            latestInvite: latest && { createdAt: latest.createdAt, expiresAt: latest.expiresAt, usedAt: latest.usedAt },
          };
        });
      },
      async expireUnusedInvites(ids, at) {
        const live = links.filter((link) => ids.includes(link.personId) && !link.usedAt && link.expiresAt > at);
        for (const link of live) link.expiresAt = at;
        return live.length;
      },
    },
    links: {
      async createInviteLinks(ids, createdBy) {
        if (!createdBy.isAdmin) throw new Error("not an admin");
        const made = new Map<string, { token: string; key: string; expiresAt: Date }>();
        for (const personId of ids) {
          counter += 1;
          const expiresAt = new Date(NOW.getTime() + 7 * DAY);
          links.push({ personId, createdAt: NOW, expiresAt, usedAt: null });
          made.set(personId, { token: `secret-${counter}`, key: `k${counter}`, expiresAt });
        }
        return made;
      },
    },
    jobs: {
      async enqueue(name, data) {
        if (name === "mail.send") mails.push(data as MailMessage);
      },
    },
    audit: {
      async record(event) {
        audit.push(event);
      },
      list: async () => [],
    },
    transport: () => options.transport ?? "outbox",
    publicUrl: () => "https://ascent.example.org",
    maxPeople: options.maxPeople ?? 1000,
    now: () => NOW,
  });
  return { service, links, passwords, mails, audit };
}

const SEND = { resend: false, dryRun: false };

describe("invitationStatusOf", () => {
  const base: InvitationFacts = { personId: "p", hasPassword: false, signedUpAt: null, latestInvite: null };
  it("tells never invited, invited, expired and accepted apart", () => {
    expect(invitationStatusOf(base, NOW).state).toBe("not_invited");
    const invite = { createdAt: NOW, expiresAt: new Date(NOW.getTime() + DAY), usedAt: null };
    expect(invitationStatusOf({ ...base, latestInvite: invite }, NOW)).toMatchObject({
      state: "invited",
      invitedAt: NOW,
      expiresAt: invite.expiresAt,
    });
    expect(invitationStatusOf({ ...base, latestInvite: invite }, new Date(NOW.getTime() + 2 * DAY)).state).toBe(
      "expired",
    );
    const signedUp = new Date(NOW.getTime() + 3600_000);
    expect(
      invitationStatusOf({ ...base, hasPassword: true, signedUpAt: signedUp, latestInvite: invite }, NOW),
    ).toMatchObject({ state: "accepted", acceptedAt: signedUp });
  });
});

describe("InvitationService.invite", () => {
  it("invites everyone matched who has not signed up, one mail each with a working link, audited once", async () => {
    const people = [person("a"), person("b"), person("c", { team: "Growth" }), person("d")];
    const { service, passwords, mails, audit } = setup(people);
    passwords.set("d", NOW);
    const outcome = await service.invite(ADMIN, { filter: { team: "Core" } }, SEND);
    expect(outcome.invited.map((entry) => entry.person.id)).toEqual(["a", "b"]);
    expect(outcome.skippedCounts).toEqual({ signed_up: 1, already_invited: 0, inactive: 0 });
    expect(mails.map((mail) => mail.to)).toEqual(["a@example.org", "b@example.org"]);
    const first = mails[0] as MailMessage;
    expect(first.text).toContain("https://ascent.example.org/welcome/secret-1");
    expect(first.html).toContain('href="https://ascent.example.org/welcome/secret-1"');
    expect(first.text).toContain("Rhea Admin invited you");
    expect(outcome.invited[0]?.url).toBe("https://ascent.example.org/welcome/secret-1");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "account.bulk_invite", details: { count: 2, linksShownToAdmin: 2 } });
  });

  it("never shows the links to the admin when they are mailed over SMTP", async () => {
    const { service, mails } = setup([person("a")], { transport: "smtp" });
    const outcome = await service.invite(ADMIN, { personIds: ["a"] }, SEND);
    expect(outcome.invited[0]?.url).toBeNull();
    expect(mails).toHaveLength(1);
  });

  it("skips people whose invitation still works, so a second click sends nothing", async () => {
    const { service, mails, audit } = setup([person("a"), person("b")]);
    await service.invite(ADMIN, { personIds: ["a"] }, SEND);
    const again = await service.invite(ADMIN, { personIds: ["a", "b"] }, SEND);
    expect(again.invited.map((entry) => entry.person.id)).toEqual(["b"]);
    expect(again.skipped).toEqual([expect.objectContaining({ reason: "already_invited" })]);
    expect(mails).toHaveLength(2);
    expect(audit).toHaveLength(2);
  });

  it("resends with a new link and makes the earlier one stop working", async () => {
    const { service, links, mails } = setup([person("a")]);
    await service.invite(ADMIN, { personIds: ["a"] }, SEND);
    await service.invite(ADMIN, { personIds: ["a"] }, { resend: true, dryRun: false });
    expect(mails).toHaveLength(2);
    expect(links[0]?.expiresAt).toEqual(NOW);
    expect(links[1]?.expiresAt.getTime()).toBeGreaterThan(NOW.getTime());
    expect(mails[0]?.sendKey).not.toBe(mails[1]?.sendKey);
  });

  it("skips inactive people named by id, and a dry run changes nothing", async () => {
    const { service, mails, links, audit } = setup([person("a"), person("x", { status: "inactive" })]);
    const outcome = await service.invite(ADMIN, { personIds: ["a", "x"] }, { resend: false, dryRun: true });
    expect(outcome.invited.map((entry) => entry.person.id)).toEqual(["a"]);
    expect(outcome.skippedCounts.inactive).toBe(1);
    expect([mails.length, links.length, audit.length]).toEqual([0, 0, 0]);
  });

  it("names unknown ids in a 404", async () => {
    const { service } = setup([person("a")]);
    await expect(service.invite(ADMIN, { personIds: ["a", "ghost"] }, SEND)).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining('"ghost"'),
      details: [{ path: "body.personIds[1]", message: 'no person with id "ghost"' }],
    });
  });

  it("refuses more people than the limit", async () => {
    const { service, mails } = setup([person("a"), person("b"), person("c")], { maxPeople: 2 });
    await expect(service.invite(ADMIN, { filter: {} }, SEND)).rejects.toMatchObject({ code: "validation_failed" });
    await expect(service.invite(ADMIN, { personIds: ["a", "b", "c"] }, SEND)).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect(mails).toHaveLength(0);
  });

  it("is for admins only", async () => {
    const { service, mails } = setup([person("a")]);
    await expect(service.invite(MEMBER, { personIds: ["a"] }, SEND)).rejects.toMatchObject({ code: "forbidden" });
    await expect(service.statuses(MEMBER, ["a"])).rejects.toMatchObject({ code: "forbidden" });
    expect(mails).toHaveLength(0);
  });
});

describe("InvitationService.statuses", () => {
  it("reports each person's state in the order asked", async () => {
    const { service, passwords } = setup([person("a"), person("b"), person("c")]);
    await service.invite(ADMIN, { personIds: ["b"] }, SEND);
    passwords.set("c", NOW);
    const statuses = await service.statuses(ADMIN, ["c", "a", "b"]);
    expect(statuses.map((status) => [status.personId, status.state])).toEqual([
      ["c", "accepted"],
      ["a", "not_invited"],
      ["b", "invited"],
    ]);
  });

  it("leaves out people who no longer exist", async () => {
    const { service } = setup([person("a")]);
    expect((await service.statuses(ADMIN, ["gone", "a"])).map((status) => status.personId)).toEqual(["a"]);
  });
});
