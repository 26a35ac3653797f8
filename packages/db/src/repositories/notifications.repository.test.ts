import { expect, it } from "vitest";
import { describeEachDriver } from "../testing/test-databases.ts";
import {
  DrizzleDeliveryScheduleRepository,
  DrizzleDigestRepository,
  DrizzleMailSendLog,
  DrizzleOrganisationNotificationRepository,
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
    await preferences.save(ada.id, [{ kind: "feedback.requested", choice: { inApp: true, mail: "instant" } }], at);
    await preferences.save(ada.id, [{ kind: "feedback.requested", choice: { inApp: false, mail: "weekly" } }], at);
    expect(await preferences.forPerson(ada.id)).toEqual(
      new Map([["feedback.requested", { inApp: false, mail: "weekly" }]]),
    );
    expect((await preferences.forPerson(bo.id)).size).toBe(0);
    // The database refuses a mail choice the app does not know.
    await expect(
      preferences.save(bo.id, [{ kind: "k", choice: { inApp: true, mail: "hourly" as "daily" } }], at),
    ).rejects.toThrow();
  });

  it("keeps the organisation's defaults per kind and its channel switches, all on until switched", async () => {
    const organisation = new DrizzleOrganisationNotificationRepository(db().db);
    const at = new Date("2026-05-01T10:00:00Z");
    const kind = `org-kind-${++counter}`;
    expect(await organisation.switches()).toEqual({ isEmailEnabled: true, isDigestEnabled: true });
    await organisation.saveDefaults([{ kind, choice: { inApp: true, mail: "daily" } }], at);
    await organisation.saveDefaults([{ kind, choice: { inApp: false, mail: "off" } }], at);
    expect((await organisation.defaults()).get(kind)).toEqual({ inApp: false, mail: "off" });
    await organisation.saveSwitches({ isEmailEnabled: false, isDigestEnabled: true }, at);
    expect(await organisation.switches()).toEqual({ isEmailEnabled: false, isDigestEnabled: true });
    await organisation.saveSwitches({ isEmailEnabled: true, isDigestEnabled: true }, at);
    expect(await organisation.switches()).toEqual({ isEmailEnabled: true, isDigestEnabled: true });
  });

  it("saves a person's time zone and quiet hours, and clears the hours", async () => {
    const { ada, bo } = await setup();
    const schedules = new DrizzleDeliveryScheduleRepository(db().db);
    const at = new Date("2026-05-01T10:00:00Z");
    await schedules.save(ada.id, { timeZone: "Europe/Berlin", quietHours: { start: 1320, end: 420 } }, at);
    expect(await schedules.forPerson(ada.id)).toEqual({
      timeZone: "Europe/Berlin",
      quietHours: { start: 1320, end: 420 },
    });
    await schedules.save(ada.id, { timeZone: "Asia/Tokyo", quietHours: null }, at);
    expect(await schedules.forPerson(ada.id)).toEqual({ timeZone: "Asia/Tokyo", quietHours: null });
    expect(await schedules.forPerson(bo.id)).toBeNull();
  });

  it("lists digest candidates with their zone, hands out items up to a time, and forgets what was sent", async () => {
    const { ada, bo } = await setup();
    const digests = new DrizzleDigestRepository(db().db);
    const schedules = new DrizzleDeliveryScheduleRepository(db().db);
    await schedules.save(ada.id, { timeZone: "America/New_York", quietHours: { start: 1380, end: 360 } }, new Date());
    const t = (hour: number) => new Date(Date.UTC(2026, 4, 1, hour));
    for (const [hour, subject] of [
      [9, "first"],
      [7, "earlier"],
      [11, "later"],
    ] as const) {
      await digests.add({ personId: ada.id, cadence: "daily", kind: "k", subject, link: "/", createdAt: t(hour) });
    }
    await digests.add({ personId: ada.id, cadence: "weekly", kind: "k", subject: "w", link: "/", createdAt: t(8) });
    await digests.add({ personId: bo.id, cadence: "daily", kind: "k", subject: "bo", link: "/", createdAt: t(12) });

    const mine = (await digests.candidates(t(10))).filter((c) => c.personId === ada.id || c.personId === bo.id);
    expect(mine.sort((a, b) => a.cadence.localeCompare(b.cadence))).toEqual([
      {
        personId: ada.id,
        cadence: "daily",
        oldest: t(7),
        lastSentAt: null,
        timeZone: "America/New_York",
        quietHours: { start: 1380, end: 360 },
      },
      {
        personId: ada.id,
        cadence: "weekly",
        oldest: t(8),
        lastSentAt: null,
        timeZone: "America/New_York",
        quietHours: { start: 1380, end: 360 },
      },
    ]);
    const items = await digests.items(ada.id, "daily", t(10));
    expect(items.map((item) => item.subject)).toEqual(["earlier", "first"]);

    await digests.markSent(
      ada.id,
      "daily",
      items.map((item) => item.id),
      t(10),
    );
    const after = (await digests.candidates(t(12))).filter((c) => c.personId === ada.id || c.personId === bo.id);
    expect(
      after.map((c) => [c.cadence, c.oldest.toISOString(), c.lastSentAt?.toISOString() ?? null, c.timeZone]),
    ).toEqual(
      expect.arrayContaining([
        ["daily", t(11).toISOString(), t(10).toISOString(), "America/New_York"],
        ["weekly", t(8).toISOString(), null, "America/New_York"],
        ["daily", t(12).toISOString(), null, "UTC"],
      ]),
    );
    expect(after).toHaveLength(3);
    expect((await digests.items(ada.id, "daily", t(12))).map((item) => item.subject)).toEqual(["later"]);
  });
});
