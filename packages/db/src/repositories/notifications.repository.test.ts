import { expect, it } from "vitest";
import { describeEachDriver } from "../testing/test-databases.ts";
import {
  DrizzleMailSendLog,
  DrizzleNotificationPreferenceRepository,
  DrizzleNotificationRepository,
  DrizzleOutboxRepository,
} from "./notifications.repository.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";

describeEachDriver("notifications, the outbox and mail send keys", (db) => {
  let counter = 0;
  const setup = async () => {
    const people = new DrizzlePeopleRepository(db().db);
    const n = ++counter;
    const ada = await people.create({ name: "Ada", email: `ada-${n}@x.test` });
    const bo = await people.create({ name: "Bo", email: `bo-${n}@x.test` });
    return { ada, bo, repository: new DrizzleNotificationRepository(db().db) };
  };

  it("pages a recipient's inbox newest first by keyset, ties broken by id, and keeps others' apart", async () => {
    const { ada, bo, repository } = await setup();
    const at = new Date("2026-05-01T10:00:00Z");
    const made = [];
    for (let i = 0; i < 5; i++) {
      // Two share a timestamp so that the id must break the tie.
      const createdAt = new Date(at.getTime() + Math.min(i, 3) * 1000);
      made.push(await repository.create({ recipientId: ada.id, kind: "test", subject: `n${i}`, link: "/", createdAt }));
    }
    await repository.create({ recipientId: bo.id, kind: "test", subject: "bo's", link: "/", createdAt: at });
    const first = await repository.listForRecipient(ada.id, { limit: 2 });
    const last = first.at(-1)!;
    const second = await repository.listForRecipient(ada.id, {
      limit: 2,
      after: { createdAt: last.createdAt, id: last.id },
    });
    const secondLast = second.at(-1)!;
    const third = await repository.listForRecipient(ada.id, {
      limit: 2,
      after: { createdAt: secondLast.createdAt, id: secondLast.id },
    });
    const seen = [...first, ...second, ...third].map((n) => n.id);
    expect(new Set(seen).size).toBe(5);
    expect(seen.sort()).toEqual(made.map((n) => n.id).sort());
    expect(third).toHaveLength(1);
    expect(third[0]!.subject).toBe("n0");
  });

  it("counts and marks only the recipient's own unread notifications", async () => {
    const { ada, bo, repository } = await setup();
    const at = new Date("2026-05-01T10:00:00Z");
    const mine = await repository.create({ recipientId: ada.id, kind: "k", subject: "a", link: "/", createdAt: at });
    await repository.create({ recipientId: ada.id, kind: "k", subject: "b", link: "/", createdAt: at });
    const theirs = await repository.create({ recipientId: bo.id, kind: "k", subject: "c", link: "/", createdAt: at });
    expect(await repository.countUnread(ada.id)).toBe(2);
    expect(await repository.markRead(ada.id, theirs.id, at)).toBe(false);
    expect(await repository.countUnread(bo.id)).toBe(1);
    expect(await repository.markRead(ada.id, mine.id, at)).toBe(true);
    expect(await repository.countUnread(ada.id)).toBe(1);
    expect(await repository.markAllRead(ada.id, at)).toBe(1);
    expect(await repository.countUnread(ada.id)).toBe(0);
    expect(await repository.countUnread(bo.id)).toBe(1);
  });

  it("claims a send key once, gives it back after a failure, and keeps it once sent", async () => {
    const log = new DrizzleMailSendLog(db().db);
    const key = `key-${++counter}`;
    const at = new Date("2026-05-01T10:00:00Z");
    expect(await log.claim(key, at)).toBe(true);
    expect(await log.claim(key, at)).toBe(false);
    await log.release(key);
    expect(await log.claim(key, at)).toBe(true);
    await log.markSent(key, at);
    await log.release(key);
    expect(await log.claim(key, at)).toBe(false);
  });

  it("keeps one outbox row per send key", async () => {
    const outbox = new DrizzleOutboxRepository(db().db);
    const to = `someone-${++counter}@x.test`;
    const message = { sendKey: `outbox-${counter}`, to, subject: "Hi", text: "t", html: "<p>h</p>" };
    await outbox.add(message, new Date());
    await outbox.add(message, new Date());
    const rows = await outbox.list({ limit: 10, recipient: to });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subject: "Hi", textBody: "t", htmlBody: "<p>h</p>" });
  });

  it("saves a person's channels per kind and overwrites a choice made before", async () => {
    const { ada, bo } = await setup();
    const preferences = new DrizzleNotificationPreferenceRepository(db().db);
    const at = new Date("2026-05-01T10:00:00Z");
    await preferences.save(ada.id, [{ kind: "feedback.requested", choice: { inApp: true, email: true } }], at);
    await preferences.save(ada.id, [{ kind: "feedback.requested", choice: { inApp: false, email: true } }], at);
    expect(await preferences.forPerson(ada.id)).toEqual(
      new Map([["feedback.requested", { inApp: false, email: true }]]),
    );
    expect((await preferences.forPerson(bo.id)).size).toBe(0);
  });
});
