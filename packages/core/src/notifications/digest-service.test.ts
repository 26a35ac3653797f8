import { describe, expect, it } from "vitest";
import type { Person } from "../people/person.ts";
import { DigestService } from "./digest-service.ts";
import type { DigestCadence, DigestItem, DigestRepository, EnqueueOptions, MailMessage, QuietHours } from "./ports.ts";

/** A digest store in memory that answers like the database one. */
function memoryDigests(schedules: Record<string, { timeZone: string; quietHours: QuietHours | null }> = {}) {
  const items: DigestItem[] = [];
  const runs = new Map<string, Date>();
  const repository: DigestRepository = {
    async add(item) {
      items.push({ ...item, id: `i-${items.length + 1}` });
    },
    async candidates(at) {
      const groups = new Map<string, { personId: string; cadence: DigestCadence; oldest: Date }>();
      for (const item of items.filter((i) => i.createdAt <= at)) {
        const key = `${item.personId}|${item.cadence}`;
        const group = groups.get(key);
        if (!group || item.createdAt < group.oldest) groups.set(key, { ...item, oldest: item.createdAt });
      }
      return [...groups.entries()].map(([key, group]) => ({
        personId: group.personId,
        cadence: group.cadence,
        oldest: group.oldest,
        lastSentAt: runs.get(key) ?? null,
        timeZone: schedules[group.personId]?.timeZone ?? "UTC",
        quietHours: schedules[group.personId]?.quietHours ?? null,
      }));
    },
    async items(personId, cadence, at) {
      return items.filter((i) => i.personId === personId && i.cadence === cadence && i.createdAt <= at);
    },
    async markSent(personId, cadence, itemIds, at) {
      for (const id of itemIds)
        items.splice(
          items.findIndex((i) => i.id === id),
          1,
        );
      runs.set(`${personId}|${cadence}`, at);
    },
  };
  return { repository, items };
}

const ADA = { id: "p-1", name: "Ada Lane", email: "ada@example.org", status: "active" } as Person;

function setup(options: { isDigestEnabled?: boolean; schedules?: Parameters<typeof memoryDigests>[0] } = {}) {
  let now = new Date("2026-06-10T05:00:00Z");
  const digests = memoryDigests(options.schedules);
  const mails: { message: MailMessage; options?: EnqueueOptions | undefined }[] = [];
  const service = new DigestService({
    digests: digests.repository,
    people: { findById: async (id) => (id === ADA.id ? ADA : null) },
    jobs: {
      async enqueue(_name, data, enqueueOptions) {
        mails.push({ message: data as MailMessage, options: enqueueOptions });
      },
    },
    switches: async () => ({ isEmailEnabled: true, isDigestEnabled: options.isDigestEnabled ?? true }),
    pending: async () => [{ label: "Feedback requests to answer", count: 2, link: "/feedback" }],
    publicUrl: () => "https://ascent.example.org",
    now: () => now,
  });
  const add = (subject: string, cadence: DigestCadence = "daily") =>
    digests.repository.add({ personId: ADA.id, cadence, kind: "k", subject, link: `/x/${subject}`, createdAt: now });
  return { service, mails, digests, add, setNow: (iso: string) => (now = new Date(iso)) };
}

describe("DigestService.sendDueDigests", () => {
  it("waits for the person's 08:00, then sends one mail with every item and both bodies, once", async () => {
    const { service, mails, add, setNow } = setup();
    await add("first");
    setNow("2026-06-10T06:00:00Z");
    await add("second");
    // 07:59 UTC: the items came after yesterday's 08:00, so nothing is due yet.
    setNow("2026-06-10T07:59:00Z");
    expect(await service.sendDueDigests()).toBe(0);
    setNow("2026-06-10T08:00:00Z");
    expect(await service.sendDueDigests()).toBe(1);
    expect(await service.sendDueDigests()).toBe(0);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!.message;
    expect(mail.sendKey).toBe("digest:p-1:daily:2026-06-10");
    expect(mail.subject).toBe("Your daily digest from Ascent: 2 notifications");
    expect(mail.text).toContain("- first\n  https://ascent.example.org/x/first");
    expect(mail.text).toContain("Feedback requests to answer (2)");
    expect(mail.html).toContain('<a href="https://ascent.example.org/x/second">second</a>');
    expect(mail.text).toContain("https://ascent.example.org/notifications#settings");
    expect(mails[0]!.options).toBeUndefined();
  });

  it("keeps what comes after a digest for the next one", async () => {
    const { service, mails, add, setNow } = setup();
    await add("monday");
    setNow("2026-06-10T08:00:00Z");
    await service.sendDueDigests();
    setNow("2026-06-10T09:00:00Z");
    await add("later");
    expect(await service.sendDueDigests()).toBe(0);
    setNow("2026-06-11T08:05:00Z");
    expect(await service.sendDueDigests()).toBe(1);
    expect(mails.map((m) => m.message.sendKey)).toEqual(["digest:p-1:daily:2026-06-10", "digest:p-1:daily:2026-06-11"]);
    expect(mails[1]!.message.text).not.toContain("monday");
    expect(mails[1]!.message.subject).toContain("1 notification");
  });

  it("sends the weekly digest on Monday morning only", async () => {
    const { service, mails, add, setNow } = setup();
    await add("w", "weekly");
    setNow("2026-06-12T09:00:00Z");
    expect(await service.sendDueDigests()).toBe(0);
    setNow("2026-06-15T08:00:00Z");
    expect(await service.sendDueDigests()).toBe(1);
    expect(mails[0]!.message.sendKey).toBe("digest:p-1:weekly:2026-06-15");
  });

  it("holds the digest until quiet hours end when 08:00 falls inside them", async () => {
    const { service, mails, add, setNow } = setup({
      schedules: { "p-1": { timeZone: "Europe/Berlin", quietHours: { start: 22 * 60, end: 9 * 60 } } },
    });
    await add("x");
    // 08:00 in Berlin is 06:00Z in June.
    setNow("2026-06-11T06:00:00Z");
    expect(await service.sendDueDigests()).toBe(1);
    expect(mails[0]!.options?.startAfter?.toISOString()).toBe("2026-06-11T07:00:00.000Z");
  });

  it("keeps items waiting while digests are switched off for everyone", async () => {
    const { service, mails, add, setNow, digests } = setup({ isDigestEnabled: false });
    await add("x");
    setNow("2026-06-11T09:00:00Z");
    expect(await service.sendDueDigests()).toBe(0);
    expect(mails).toHaveLength(0);
    expect(digests.items).toHaveLength(1);
  });
});
