import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";
import type { AuditRepository } from "../audit/audit.ts";
import type { SettingsRepository } from "../readiness/ports.ts";
import {
  BACKUP_SCHEDULE_SETTINGS_KEY,
  DEFAULT_BACKUP_SCHEDULE,
  backupFileDate,
  backupFileName,
  backupsToRotate,
  isBackupDue,
  validateBackupSchedule,
  type BackupFile,
  type BackupMaker,
  type BackupSchedule,
  type BackupStore,
} from "./backups.ts";

export interface BackupServiceDeps {
  maker: BackupMaker;
  store: BackupStore;
  settings: SettingsRepository;
  audit: Pick<AuditRepository, "record">;
  now: () => Date;
}

export interface ScheduledBackupResult {
  made: string | null;
  removed: string[];
}

/** Backups on demand (an admin, or the operator's CLI through the API) and on a schedule with rotation. */
export class BackupService {
  constructor(private readonly deps: BackupServiceDeps) {}

  /** A backup file for an admin to download. */
  async createBackup(viewer: Viewer): Promise<BackupFile> {
    assertAdmin(viewer);
    const file = await this.deps.maker.create();
    await this.deps.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "backup.create",
      details: { fileName: file.fileName, migrationLevel: file.migrationLevel, sha256: file.sha256 },
    });
    return file;
  }

  async schedule(viewer: Viewer): Promise<BackupSchedule> {
    assertAdmin(viewer);
    return this.currentSchedule();
  }

  async setSchedule(viewer: Viewer, schedule: BackupSchedule): Promise<BackupSchedule> {
    assertAdmin(viewer);
    const checked = validateBackupSchedule(schedule);
    await this.deps.settings.set(BACKUP_SCHEDULE_SETTINGS_KEY, checked);
    await this.deps.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "backup.schedule.update",
      details: { ...checked },
    });
    return checked;
  }

  /**
   * The scheduler's tick: when a backup is due, writes one to the store and removes the oldest beyond
   * `keep`. Runs as nobody (the system), so it is audited with no actor.
   */
  async runScheduled(): Promise<ScheduledBackupResult> {
    const schedule = await this.currentSchedule();
    const now = this.deps.now();
    const existing = (await this.deps.store.list()).flatMap((fileName) => {
      const createdAt = backupFileDate(fileName);
      return createdAt ? [{ fileName, createdAt }] : [];
    });
    const newest = existing.reduce<Date | null>((at, f) => (at && at > f.createdAt ? at : f.createdAt), null);
    if (!isBackupDue(schedule, newest, now)) return { made: null, removed: [] };
    const file = await this.deps.maker.create();
    const fileName = backupFileName(now);
    await this.deps.store.write(fileName, file.bytes);
    const removed = backupsToRotate([...existing, { fileName, createdAt: now }], schedule.keep).map((f) => f.fileName);
    for (const name of removed) await this.deps.store.remove(name);
    await this.deps.audit.record({
      kind: "write",
      actorId: null,
      action: "backup.scheduled",
      details: { fileName, migrationLevel: file.migrationLevel, sha256: file.sha256, removed },
    });
    return { made: fileName, removed };
  }

  private async currentSchedule(): Promise<BackupSchedule> {
    return {
      ...DEFAULT_BACKUP_SCHEDULE,
      ...(await this.deps.settings.get<BackupSchedule>(BACKUP_SCHEDULE_SETTINGS_KEY)),
    };
  }
}
