import { AppError } from "../errors/app-error.ts";

/** A finished backup file: what the archive port made of the database. */
export interface BackupFile {
  fileName: string;
  bytes: Uint8Array;
  /** The last migration in the dumped database. */
  migrationLevel: string;
  sha256: string;
}

/** Makes a backup of the open database (the driver's own dump, with its manifest). */
export interface BackupMaker {
  create(): Promise<BackupFile>;
}

/** Where scheduled backups are kept (a folder); the server implements it on the file system. */
export interface BackupStore {
  /** The names of the files in the store. */
  list(): Promise<string[]>;
  write(fileName: string, bytes: Uint8Array): Promise<void>;
  remove(fileName: string): Promise<void>;
}

/** When a scheduled backup was made, read from its name (the injected clock wrote it); null for other files. */
export function backupFileDate(fileName: string): Date | null {
  const match = /^ascent-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.zip$/.exec(fileName);
  if (!match) return null;
  const [, day, h, m, s, ms] = match;
  const at = new Date(`${day}T${h}:${m}:${s}.${ms}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The scheduled backup, as the admin sets it. */
export interface BackupSchedule {
  isEnabled: boolean;
  intervalHours: number;
  /** How many scheduled backups to keep; older ones are removed after each new one. */
  keep: number;
}

export const BACKUP_SCHEDULE_SETTINGS_KEY = "backupSchedule";
export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { isEnabled: false, intervalHours: 24, keep: 7 };
export const BACKUP_FILE_PREFIX = "ascent-backup-";

export function backupFileName(at: Date): string {
  return `${BACKUP_FILE_PREFIX}${at.toISOString().replace(/[:.]/g, "-")}.zip`;
}

export function validateBackupSchedule(schedule: BackupSchedule): BackupSchedule {
  if (!Number.isInteger(schedule.intervalHours) || schedule.intervalHours < 1) {
    throw new AppError("validation_failed", "intervalHours must be a whole number of hours, at least 1");
  }
  if (!Number.isInteger(schedule.keep) || schedule.keep < 1) {
    throw new AppError("validation_failed", "keep must be at least 1: rotation never removes the newest backup");
  }
  return schedule;
}

/** Whether a scheduled backup is due: none yet, or the newest is at least one interval old. */
export function isBackupDue(schedule: BackupSchedule, newest: Date | null, now: Date): boolean {
  if (!schedule.isEnabled) return false;
  if (!newest) return true;
  return now.getTime() - newest.getTime() >= schedule.intervalHours * 3_600_000;
}

/** The scheduled backups beyond the newest `keep`, oldest first: the ones rotation removes. */
export function backupsToRotate<T extends { fileName: string; createdAt: Date }>(files: T[], keep: number): T[] {
  const newestFirst = [...files].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return newestFirst.slice(Math.max(keep, 1)).reverse();
}
