import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer.ts";
import type { NewAuditEvent } from "../audit/audit.ts";
import { NotificationSettingsService } from "./notification-settings-service.ts";
import type { ChannelChoice, ChannelSwitches, DeliverySchedule } from "./ports.ts";

const member: Viewer = { personId: "p-1", name: "Ada", isAdmin: false, via: "session" };
const admin: Viewer = { personId: "p-9", name: "Root", isAdmin: true, via: "session" };

function setup() {
  const personal = new Map<string, Map<string, ChannelChoice>>();
  const organisation = new Map<string, ChannelChoice>();
  let switches: ChannelSwitches = { isEmailEnabled: true, isDigestEnabled: true };
  const schedules = new Map<string, DeliverySchedule>();
  const audited: NewAuditEvent[] = [];
  const service = new NotificationSettingsService({
    preferences: {
      forPerson: async (id) => new Map(personal.get(id) ?? []),
      async save(id, choices) {
        const mine = personal.get(id) ?? new Map();
        for (const { kind, choice } of choices) mine.set(kind, choice);
        personal.set(id, mine);
      },
    },
    organisation: {
      defaults: async () => new Map(organisation),
      async saveDefaults(choices) {
        for (const { kind, choice } of choices) organisation.set(kind, choice);
      },
      switches: async () => switches,
      async saveSwitches(next) {
        switches = next;
      },
    },
    schedules: {
      forPerson: async (id) => schedules.get(id) ?? null,
      async save(id, schedule) {
        schedules.set(id, schedule);
      },
    },
    audit: { record: async (event) => void audited.push(event), list: async () => [] },
    now: () => new Date("2026-06-10T12:00:00Z"),
  });
  return { service, audited, schedules };
}

describe("NotificationSettingsService", () => {
  it("shows whose choice holds and why a switched-off choice sends nothing", async () => {
    const { service } = setup();
    await service.setOrganisationDefaults(admin, {
      defaults: [{ kind: "level.changed", inApp: true, mail: "weekly" }],
      switches: { isEmailEnabled: false, isDigestEnabled: true },
    });
    await service.setPreferences(member, [{ kind: "feedback.requested", inApp: true, mail: "instant" }]);
    const { preferences, switches } = await service.preferences(member);
    expect(switches.isEmailEnabled).toBe(false);
    const byKind = new Map(preferences.map((p) => [p.kind, p]));
    expect(byKind.get("feedback.requested")).toMatchObject({ source: "person", mail: "instant" });
    expect(byKind.get("feedback.requested")?.mailDisabledReason).toMatch(/turned off/);
    expect(byKind.get("level.changed")).toMatchObject({
      source: "organisation",
      mail: "weekly",
      mailDisabledReason: null,
    });
    expect(byKind.get("promotion.stage")).toMatchObject({ source: "app", mail: "daily" });
  });

  it("lets only admins read or set the organisation's defaults, and audits each change", async () => {
    const { service, audited } = setup();
    await expect(service.organisationDefaults(member)).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      service.setOrganisationDefaults(member, { defaults: [{ kind: "level.changed", inApp: false, mail: "off" }] }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(audited).toHaveLength(0);
    const saved = await service.setOrganisationDefaults(admin, {
      defaults: [{ kind: "level.changed", inApp: false, mail: "off" }],
      switches: { isEmailEnabled: true, isDigestEnabled: false },
    });
    expect(saved.defaults.find((d) => d.kind === "level.changed")).toMatchObject({ isAppDefault: false, mail: "off" });
    expect(saved.defaults.find((d) => d.kind === "feedback.requested")?.isAppDefault).toBe(true);
    expect(audited).toEqual([
      expect.objectContaining({
        actorId: admin.personId,
        action: "notification-defaults.changed",
        details: expect.objectContaining({
          switches: {
            before: { isEmailEnabled: true, isDigestEnabled: true },
            after: { isEmailEnabled: true, isDigestEnabled: false },
          },
        }),
      }),
    ]);
  });

  it("refuses an unknown kind, naming it and its place", async () => {
    const { service } = setup();
    await expect(
      service.setPreferences(member, [
        { kind: "level.changed", inApp: true, mail: "off" },
        { kind: "no.such", inApp: true, mail: "off" },
      ]),
    ).rejects.toMatchObject({
      code: "validation_failed",
      message: 'No notification kind "no.such"',
      details: [expect.objectContaining({ path: "body.preferences.1.kind" })],
    });
  });

  it("refuses a kind named twice, for a person and for the organisation's defaults, naming its place", async () => {
    const { service } = setup();
    const twice = [
      { kind: "level.changed", inApp: true, mail: "off" },
      { kind: "level.changed", inApp: false, mail: "instant" },
    ] as const;
    await expect(service.setPreferences(member, [...twice])).rejects.toMatchObject({
      code: "validation_failed",
      message: 'The notification kind "level.changed" is named twice',
      details: [expect.objectContaining({ path: "body.preferences.1.kind" })],
    });
    await expect(service.setOrganisationDefaults(admin, { defaults: [...twice] })).rejects.toMatchObject({
      code: "validation_failed",
      details: [expect.objectContaining({ path: "body.defaults.1.kind" })],
    });
  });

  it("saves a known zone with quiet hours and refuses a zone it does not know, naming it", async () => {
    const { service, schedules } = setup();
    expect(await service.schedule(member)).toEqual({ timeZone: "UTC", quietHours: null });
    const saved = await service.setSchedule(member, {
      timeZone: "America/New_York",
      quietHours: { start: "21:30", end: "07:15" },
    });
    expect(saved).toEqual({ timeZone: "America/New_York", quietHours: { start: "21:30", end: "07:15" } });
    expect(schedules.get("p-1")?.quietHours).toEqual({ start: 1290, end: 435 });
    await expect(service.setSchedule(member, { timeZone: "Europe/Atlantis", quietHours: null })).rejects.toMatchObject({
      code: "validation_failed",
      message: '"Europe/Atlantis" is not a time zone this server knows',
    });
    await expect(
      service.setSchedule(member, { timeZone: "UTC", quietHours: { start: "22:00", end: "22:00" } }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      service.setSchedule(member, { timeZone: "UTC", quietHours: { start: "25:00", end: "07:00" } }),
    ).rejects.toMatchObject({ details: [expect.objectContaining({ path: "body.quietHours.start" })] });
  });
});
