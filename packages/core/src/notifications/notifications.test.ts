import { describe, expect, it } from "vitest";
import type { Person } from "../people/person.ts";
import { composeMail } from "./compose-mail.ts";
import { MailDelivery } from "./mail-delivery.ts";
import { NotificationService, type NotificationPorts } from "./notification-service.ts";
import type {
  ChannelChoice,
  DigestItem,
  EnqueueOptions,
  JobName,
  JobPayloads,
  MailMessage,
  MailSendLog,
  NotificationRecord,
} from "./ports.ts";

const NOW = new Date("2026-04-01T08:00:00Z");

function person(overrides: Partial<Person>): Person {
  return { id: "p-1", name: "Ada Lane", email: "ada@example.org", status: "active", ...overrides } as Person;
}

function memorySends(): MailSendLog & { sent: Set<string> } {
  const claimed = new Set<string>();
  const sent = new Set<string>();
  return {
    sent,
    async claim(key) {
      if (claimed.has(key)) return false;
      claimed.add(key);
      return true;
    },
    async markSent(key) {
      sent.add(key);
    },
    async release(key) {
      if (!sent.has(key)) claimed.delete(key);
    },
  };
}

function service(people: Person[], extra: Partial<NotificationPorts> = {}) {
  const enqueued: { name: JobName; data: JobPayloads[JobName]; options?: EnqueueOptions | undefined }[] = [];
  const stored: NotificationRecord[] = [];
  const notifications = new NotificationService({
    notifications: {
      async create(record) {
        const made = { ...record, id: `n-${stored.length + 1}`, readAt: null };
        stored.push(made);
        return made;
      },
      listForRecipient: async () => [],
      countUnread: async () => 0,
      markRead: async () => false,
      markAllRead: async () => 0,
    },
    people: { findById: async (id) => people.find((p) => p.id === id) ?? null },
    jobs: {
      async enqueue(name, data, options) {
        enqueued.push({ name, data, options });
      },
    },
    publicUrl: () => "https://ascent.example.org",
    now: () => NOW,
    ...extra,
  });
  return { notifications, enqueued, stored };
}

describe("composeMail", () => {
  it("says the same in both bodies and escapes what it puts into HTML", () => {
    const mail = composeMail({
      sendKey: "k",
      to: "ada@example.org",
      subject: "Feedback <for> you",
      greeting: "Hello Ada & co,",
      paragraphs: ['Dana wrote "<script>alert(1)</script>"'],
      action: { label: "Open", url: "https://ascent.example.org/feedback?a=1&b=2" },
    });
    expect(mail.text).toContain('Dana wrote "<script>alert(1)</script>"');
    expect(mail.text).toContain("Open: https://ascent.example.org/feedback?a=1&b=2");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.html).toContain('href="https://ascent.example.org/feedback?a=1&amp;b=2"');
    expect(mail.html).toContain("<title>Feedback &lt;for&gt; you</title>");
  });
});

describe("MailDelivery", () => {
  const message: MailMessage = { sendKey: "once", to: "a@x.org", subject: "s", text: "t", html: "h" };

  it("sends a key once, and lets a retry after a failed attempt send it", async () => {
    const sends = memorySends();
    let attempts = 0;
    const delivery = new MailDelivery({
      transport: {
        name: "smtp",
        async send() {
          attempts++;
          if (attempts === 1) throw new Error("connection refused");
        },
      },
      sends,
      now: () => NOW,
    });
    await expect(delivery.deliver(message)).rejects.toThrow("connection refused");
    expect(await delivery.deliver(message)).toBe("sent");
    expect(await delivery.deliver(message)).toBe("skipped");
    expect(attempts).toBe(2);
    expect(sends.sent.has("once")).toBe(true);
  });
});

describe("NotificationService.notify", () => {
  it("keeps links inside the app", async () => {
    const { notifications, stored } = service([person({})]);
    for (const link of ["https://elsewhere.example", "//elsewhere.example/x", "growth", "/a b"]) {
      await expect(notifications.notify("p-1", { kind: "k", subject: "s", link }), link).rejects.toMatchObject({
        code: "validation_failed",
      });
    }
    expect(stored).toHaveLength(0);
  });

  it("enqueues a mail with an absolute link only when asked, and never to someone inactive", async () => {
    const { notifications, enqueued, stored } = service([
      person({}),
      person({ id: "p-2", email: "gone@example.org", status: "inactive" }),
    ]);
    await notifications.notify("p-1", { kind: "k", subject: "In-app only", link: "/growth" });
    await notifications.notify("p-1", { kind: "k", subject: "Both", link: "/growth", email: { body: "Read it." } });
    await notifications.notify("p-2", { kind: "k", subject: "Gone", link: "/growth", email: { body: "x" } });
    expect(stored.map((n) => n.subject)).toEqual(["In-app only", "Both", "Gone"]);
    expect(enqueued).toHaveLength(1);
    const mail = enqueued[0]!.data as MailMessage;
    expect(enqueued[0]!.name).toBe("mail.send");
    expect(mail).toMatchObject({ to: "ada@example.org", subject: "Both", sendKey: "notification:n-2" });
    expect(mail.text).toContain("Open in Ascent: https://ascent.example.org/growth");
  });

  it("answers 404 for a person who does not exist", async () => {
    const { notifications } = service([]);
    await expect(notifications.notify("nobody", { kind: "k", subject: "s", link: "/" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("NotificationService.notify follows the person's delivery settings", () => {
  const choose = (choice: ChannelChoice) => ({
    forPerson: async () => new Map([["feedback.requested", choice]]),
    save: async () => undefined,
  });
  const digestLog = () => {
    const items: Omit<DigestItem, "id">[] = [];
    return { items, port: { add: async (item: Omit<DigestItem, "id">) => void items.push(item) } as never };
  };
  const ask = { kind: "feedback.requested", subject: "Asked", link: "/feedback/1", email: { body: "Please answer." } };

  it("holds a mail back until the person's quiet hours end, and never the in-app entry", async () => {
    // NOW is 08:00Z = 10:00 in Berlin (summer time): inside a 09:00–11:30 window.
    const { notifications, enqueued, stored } = service([person({})], {
      schedules: {
        forPerson: async () => ({ timeZone: "Europe/Berlin", quietHours: { start: 9 * 60, end: 11 * 60 + 30 } }),
        save: async () => undefined,
      },
    });
    await notifications.notify("p-1", ask);
    expect(stored).toHaveLength(1);
    expect(enqueued).toHaveLength(1);
    expect(enqueued[0]!.options?.startAfter?.toISOString()).toBe("2026-04-01T09:30:00.000Z");
    expect((enqueued[0]!.data as MailMessage).text).toContain("/notifications?kind=feedback.requested");
  });

  it("sends at once outside quiet hours", async () => {
    const { notifications, enqueued } = service([person({})], {
      schedules: {
        forPerson: async () => ({ timeZone: "Asia/Tokyo", quietHours: { start: 22 * 60, end: 7 * 60 } }),
        save: async () => undefined,
      },
    });
    await notifications.notify("p-1", ask);
    expect(enqueued[0]!.options).toBeUndefined();
  });

  it("puts the mail into the digest the person chose instead of sending it", async () => {
    const digests = digestLog();
    const { notifications, enqueued, stored } = service([person({})], {
      preferences: choose({ inApp: false, mail: "weekly" }),
      digests: digests.port,
    });
    expect(await notifications.notify("p-1", ask)).toBeNull();
    expect(stored).toHaveLength(0);
    expect(enqueued).toHaveLength(0);
    expect(digests.items).toEqual([
      {
        personId: "p-1",
        cadence: "weekly",
        kind: "feedback.requested",
        subject: "Asked",
        link: "/feedback/1",
        createdAt: NOW,
      },
    ]);
  });

  it("uses the organisation's default when the person has not chosen, and no mail on a switched-off channel", async () => {
    const digests = digestLog();
    const organisation = (isDigestEnabled: boolean) => ({
      defaults: async () => new Map([["feedback.requested", { inApp: true, mail: "daily" as const }]]),
      saveDefaults: async () => undefined,
      switches: async () => ({ isEmailEnabled: true, isDigestEnabled }),
      saveSwitches: async () => undefined,
    });
    const on = service([person({})], { organisation: organisation(true), digests: digests.port });
    await on.notifications.notify("p-1", ask);
    expect(digests.items.map((item) => item.cadence)).toEqual(["daily"]);
    const off = service([person({})], { organisation: organisation(false), digests: digests.port });
    await off.notifications.notify("p-1", ask);
    expect(digests.items).toHaveLength(1);
    expect(off.enqueued).toHaveLength(0);
    expect(off.stored).toHaveLength(1);
  });
});
