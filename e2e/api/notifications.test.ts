import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@ascent/contract";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import type { HttpSession } from "../support/http-session.ts";
import { buildPersonaOrg, type PersonaOrg } from "../support/org-fixture.ts";

describe("in-app notifications: each person sees and marks only their own", () => {
  let server: TestServer;
  let org: PersonaOrg;
  let member: HttpSession;
  let manager: HttpSession;

  beforeAll(async () => {
    server = await startTestServer({ drainJobsByHand: true });
    org = await buildPersonaOrg(server);
    member = org.personas.member.session as HttpSession;
    manager = org.personas.directManager.session as HttpSession;
  });
  afterAll(async () => server?.stop());

  const notify = async (personId: string, subject: string, email?: string) => {
    const made = await server.services.notifications.notify(personId, {
      kind: "test.event",
      subject,
      link: "/growth",
      ...(email ? { email: { body: email } } : {}),
    });
    if (!made) throw new Error("a kind nobody chose channels for is shown in the app");
    return made;
  };
  const unread = async (session: HttpSession) =>
    (await session.client.call(endpoints.notifications.unreadCount, {})).unread;

  it("lists the inbox newest first in pages, counts the unread and marks one and then all read", async () => {
    for (const subject of ["first", "second", "third"]) await notify(org.people.member.id, subject);
    await notify(org.people.directManager.id, "for the manager");
    expect(await unread(member)).toBe(3);

    const first = await member.client.call(endpoints.notifications.list, { query: { limit: 2 } });
    expect(first.notifications.map((n) => n.subject)).toEqual(["third", "second"]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await member.client.call(endpoints.notifications.list, {
      query: { limit: 2, after: first.nextCursor ?? "" },
    });
    expect(second.notifications.map((n) => n.subject)).toEqual(["first"]);
    expect(second.nextCursor).toBeNull();
    expect(second.notifications[0]).toMatchObject({ kind: "test.event", link: "/growth", readAt: null });

    const target = first.notifications[0]!;
    const marked = await member.fetch(`/api/notifications/${target.id}/read`, { method: "POST" });
    expect(marked.status).toBe(204);
    expect(await unread(member)).toBe(2);
    const all = await member.client.call(endpoints.notifications.markAllRead, {});
    expect(all.marked).toBe(2);
    expect(await unread(member)).toBe(0);
    expect(await unread(manager)).toBe(1);
  });

  it("answers 404 to anyone reading or marking someone else's notification, and changes nothing", async () => {
    const mine = await notify(org.people.member.id, "private to the member");
    for (const persona of ["directManager", "admin", "peer"] as const) {
      const session = org.personas[persona].session as HttpSession;
      const response = await session.fetch(`/api/notifications/${mine.id}/read`, { method: "POST" });
      expect(response.status, persona).toBe(404);
      const inbox = await session.client.call(endpoints.notifications.list, { query: {} });
      expect(
        inbox.notifications.map((n) => n.id),
        persona,
      ).not.toContain(mine.id);
    }
    expect(await unread(member)).toBe(1);
    const anonymous = await fetch(`${server.url}/api/notifications/unread-count`);
    expect(anonymous.status).toBe(401);
  });

  it("refuses a cursor it never gave out and an id that is not one, naming the field", async () => {
    const badCursor = await member.fetch("/api/notifications?after=yesterday");
    expect(badCursor.status).toBe(400);
    expect(await badCursor.text()).toContain("query.after");
    const badId = await member.fetch("/api/notifications/not-an-id/read", { method: "POST" });
    expect(badId.status).toBe(400);
  });

  it("mails through a job, never in the request: without SMTP the mail waits in the outbox for admins", async () => {
    const notification = await notify(org.people.member.id, "Your review is due", "Please finish your self-review.");
    const admin = org.admin;
    const before = await admin.client.call(endpoints.notifications.outbox, {
      query: { recipient: org.people.member.email },
    });
    expect(before.transport).toBe("outbox");
    expect(before.messages).toHaveLength(0);

    expect(await server.drainJobs()).toBeGreaterThan(0);
    const after = await admin.client.call(endpoints.notifications.outbox, {
      query: { recipient: org.people.member.email },
    });
    expect(after.messages).toHaveLength(1);
    const mail = after.messages[0]!;
    expect(mail.subject).toBe("Your review is due");
    expect(mail.textBody).toContain("Please finish your self-review.");
    expect(mail.textBody).toContain(`${server.url}/growth`);
    expect(mail.htmlBody).toContain(`href="${server.url}/growth"`);
    expect(notification.link).toBe("/growth");

    // The same mail enqueued again (a retried job) is not kept twice.
    await server.services.jobs.enqueue("mail.send", {
      sendKey: `notification:${notification.id}`,
      to: org.people.member.email,
      subject: "Your review is due",
      text: "again",
      html: "<p>again</p>",
    });
    await server.drainJobs();
    const again = await admin.client.call(endpoints.notifications.outbox, {
      query: { recipient: org.people.member.email },
    });
    expect(again.messages).toHaveLength(1);

    const refused = await member.fetch("/api/admin/outbox");
    expect(refused.status).toBe(403);
  });

  it("tells a colleague asked for feedback, in the inbox with a link to the request and by mail", async () => {
    const askersUnread = await unread(member);
    const request = await member.client.call(endpoints.feedback.create, {
      params: { id: org.people.member.id },
      body: {
        relation: "peer",
        raterIds: [org.people.otherMember.id],
        dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    const rater = org.personas.otherMember.session as HttpSession;
    const inbox = await rater.client.call(endpoints.notifications.list, { query: {} });
    expect(inbox.notifications[0]).toMatchObject({
      kind: "feedback.requested",
      subject: "Mia Member asked you for feedback",
      link: `/feedback/${request.id}`,
    });
    await server.drainJobs();
    const { messages } = await org.admin.client.call(endpoints.notifications.outbox, {
      query: { recipient: org.people.otherMember.email },
    });
    expect(messages[0]?.subject).toBe("Mia Member asked you for feedback");
    expect(messages[0]?.textBody).toContain(`${server.url}/feedback/${request.id}`);
    // The person asking is told nothing new: the notification is the rater's alone.
    expect(await unread(member)).toBe(askersUnread);
  });

  it("follows each person's channels per kind: mail off keeps the inbox entry, both off sends nothing", async () => {
    const rater = org.personas.peer.session as HttpSession;
    const api = { ...endpoints.notifications, ...endpoints.notificationSettings };
    const before = await rater.client.call(api.preferences, {});
    expect(before.preferences).toContainEqual(
      expect.objectContaining({ kind: "feedback.requested", inApp: true, mail: "instant", source: "app" }),
    );
    const unknownKind = await rater.fetch("/api/me/notification-preferences", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ preferences: [{ kind: "no.such.kind", inApp: true, mail: "off" }] }),
    });
    expect(unknownKind.status).toBe(400);
    expect(await unknownKind.text()).toContain("body.preferences.0.kind");

    const ask = () =>
      member.client.call(endpoints.feedback.create, {
        params: { id: org.people.member.id },
        body: {
          relation: "peer",
          raterIds: [org.people.otherMember.id],
          dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      });
    const rater2 = org.personas.otherMember.session as HttpSession;
    const inboxSize = async () => (await rater2.client.call(api.list, { query: { limit: 100 } })).notifications.length;
    const mails = async () =>
      (await org.admin.client.call(api.outbox, { query: { recipient: org.people.otherMember.email, limit: 100 } }))
        .messages.length;
    await server.drainJobs();
    const [inboxAtStart, mailsAtStart] = [await inboxSize(), await mails()];

    const saved = await rater2.client.call(api.setPreferences, {
      body: { preferences: [{ kind: "feedback.requested", inApp: true, mail: "off" }] },
    });
    expect(saved.preferences).toContainEqual(
      expect.objectContaining({ kind: "feedback.requested", inApp: true, mail: "off", source: "person" }),
    );
    await ask();
    await server.drainJobs();
    expect(await inboxSize()).toBe(inboxAtStart + 1);
    expect(await mails()).toBe(mailsAtStart);

    await rater2.client.call(api.setPreferences, {
      body: { preferences: [{ kind: "feedback.requested", inApp: false, mail: "off" }] },
    });
    await ask();
    await server.drainJobs();
    expect(await inboxSize()).toBe(inboxAtStart + 1);
    expect(await mails()).toBe(mailsAtStart);
    // Someone else's choices are their own: the peer's settings did not move.
    expect((await rater.client.call(api.preferences, {})).preferences).toEqual(before.preferences);
  });

  it("puts a person's notifications and settings into their own data export, and no one else's", async () => {
    const response = await member.fetch("/api/me/data-export");
    expect(response.status).toBe(200);
    const zip = await JSZip.loadAsync(new Uint8Array(await response.arrayBuffer()));
    const rows = JSON.parse((await zip.file("notifications.json")?.async("string")) ?? "null") as {
      subject: string;
      recipientId: string;
    }[];
    expect(rows.map((row) => row.subject)).toContain("private to the member");
    expect(rows.every((row) => row.recipientId === org.people.member.id)).toBe(true);
    expect(rows.map((row) => row.subject)).not.toContain("for the manager");
    expect(zip.file("notification-preferences.json")).not.toBeNull();
  });
});
