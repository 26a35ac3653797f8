import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";

export const ZBackupSchedule = z
  .strictObject({
    isEnabled: z.boolean(),
    intervalHours: z.number().int().min(1).max(LIMITS.backupIntervalHoursMax),
    /** How many scheduled backups to keep; rotation removes older ones. */
    keep: z.number().int().min(1).max(LIMITS.backupKeepMax),
  })
  .meta({ id: "BackupSchedule" });

export const backupEndpoints = {
  create: defineEndpoint({
    operationId: "createBackup",
    method: "POST",
    path: "/api/admin/backups",
    summary:
      "Admin: a consistent backup of the whole database while the server runs: a zip of manifest.json " +
      "(app version, migrations, time, sha256) and the driver's own dump",
    tag: "operations",
    response: z.string().describe("The backup file (application/zip)"),
    download: true,
  }),
  schedule: defineEndpoint({
    operationId: "getBackupSchedule",
    method: "GET",
    path: "/api/admin/backup-schedule",
    summary: "Admin: the scheduled backup (off by default), its interval and how many files it keeps",
    tag: "operations",
    response: ZBackupSchedule,
  }),
  setSchedule: defineEndpoint({
    operationId: "setBackupSchedule",
    method: "PUT",
    path: "/api/admin/backup-schedule",
    summary: "Admin: turn the scheduled backup on or off, set its interval and how many files to keep",
    tag: "operations",
    body: ZBackupSchedule,
    response: ZBackupSchedule,
  }),
};

export type TBackupSchedule = z.infer<typeof ZBackupSchedule>;
