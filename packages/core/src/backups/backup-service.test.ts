import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer.ts";
import type { NewAuditEvent } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import { BackupService } from "./backup-service.ts";
import { BACKUP_SCHEDULE_SETTINGS_KEY, backupsToRotate, type BackupSchedule } from "./backups.ts";

const admin: Viewer = { personId: "a1", name: "Ada", isAdmin: true, via: "session" };
const member: Viewer = { personId: "m1", name: "Max", isAdmin: false, via: "session" };

function setup(schedule: BackupSchedule | null) {
  let clock = new Date("2026-03-01T00:00:00.000Z");
  const files = new Map<string, Uint8Array>([["notes.txt", new Uint8Array()]]);
  const settings = new Map<string, unknown>(schedule ? [[BACKUP_SCHEDULE_SETTINGS_KEY, schedule]] : []);
  const events: NewAuditEvent[] = [];
  let made = 0;
  const service = new BackupService({
    maker: {
      create: async () => {
        made += 1;
        return { fileName: "x.zip", bytes: new Uint8Array([made]), migrationLevel: "0009_x", sha256: `h${made}` };
      },
    },
    store: {
      list: async () => [...files.keys()],
      write: async (fileName, bytes) => void files.set(fileName, bytes),
      remove: async (fileName) => void files.delete(fileName),
    },
    settings: {
      get: async <T>(key: string) => (settings.get(key) as T | undefined) ?? null,
      set: async (key, value) => void settings.set(key, value),
    },
    audit: { record: async (event) => void events.push(event) },
    now: () => clock,
  });
  return {
    service,
    files,
    events,
    advance: (hours: number) => (clock = new Date(clock.getTime() + hours * 3_600_000)),
    made: () => made,
  };
}

describe("BackupService", () => {
  it("refuses a backup to anyone but an admin, and audits an admin's", async () => {
    const { service, events, made } = setup(null);
    await expect(service.createBackup(member)).rejects.toBeInstanceOf(AppError);
    expect(made()).toBe(0);
    await service.createBackup(admin);
    expect(events).toEqual([
      expect.objectContaining({
        actorId: "a1",
        action: "backup.create",
        details: expect.objectContaining({ sha256: "h1" }),
      }),
    ]);
  });

  it("does nothing on schedule while the schedule is off (the default)", async () => {
    const { service, files } = setup(null);
    expect(await service.runScheduled()).toEqual({ made: null, removed: [] });
    expect([...files.keys()]).toEqual(["notes.txt"]);
  });

  it("backs up once per interval and keeps only the newest `keep` files", async () => {
    const { service, files, advance, events } = setup({ isEnabled: true, intervalHours: 6, keep: 2 });
    const first = await service.runScheduled();
    expect(first.made).toMatch(/^ascent-backup-2026-03-01T00-00-00-000Z\.zip$/);
    advance(5);
    expect((await service.runScheduled()).made).toBeNull();
    advance(1);
    await service.runScheduled();
    advance(6);
    const third = await service.runScheduled();
    expect(third.removed).toEqual([first.made]);
    expect([...files.keys()].sort()).toEqual([
      "ascent-backup-2026-03-01T06-00-00-000Z.zip",
      "ascent-backup-2026-03-01T12-00-00-000Z.zip",
      "notes.txt",
    ]);
    expect(events.at(-1)).toMatchObject({
      actorId: null,
      action: "backup.scheduled",
      details: { removed: [first.made] },
    });
  });

  it("refuses a schedule that would keep no backup", async () => {
    const { service } = setup(null);
    await expect(service.setSchedule(admin, { isEnabled: true, intervalHours: 24, keep: 0 })).rejects.toThrow(/keep/);
    await expect(service.setSchedule(member, { isEnabled: true, intervalHours: 24, keep: 3 })).rejects.toBeInstanceOf(
      AppError,
    );
  });

  it("rotation keeps the newest even when keep is below one", () => {
    const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
    const files = [
      { fileName: "b", createdAt: at(2) },
      { fileName: "a", createdAt: at(1) },
      { fileName: "c", createdAt: at(3) },
    ];
    expect(backupsToRotate(files, 0).map((f) => f.fileName)).toEqual(["a", "b"]);
    expect(backupsToRotate(files, 5)).toEqual([]);
  });
});
