import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { backupFileName, type BackupMaker, type BackupStore } from "@ascent/core";
import { createBackupArchive, type DatabaseHandle } from "@ascent/db";
import { APP_VERSION } from "../version.ts";

/** Backups of the open database, in the archive format of @ascent/db (manifest + the driver's dump). */
export function databaseBackupMaker(database: DatabaseHandle, now: () => Date): BackupMaker {
  return {
    async create() {
      const { manifest, archive } = await createBackupArchive(database, { appVersion: APP_VERSION, now });
      return {
        fileName: backupFileName(new Date(manifest.createdAt)),
        bytes: archive,
        migrationLevel: manifest.migrations.at(-1) ?? "none",
        sha256: createHash("sha256").update(archive).digest("hex"),
      };
    },
  };
}

/** Scheduled backups as files in one folder; a file is written under a temporary name, then renamed. */
export function folderBackupStore(folder: string): BackupStore {
  return {
    async list() {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
      return names.filter((name) => !name.startsWith("."));
    },
    async write(fileName, bytes) {
      await mkdir(folder, { recursive: true });
      const partial = join(folder, `.${fileName}.partial`);
      await writeFile(partial, bytes);
      await rename(partial, join(folder, fileName));
    },
    async remove(fileName) {
      await rm(join(folder, fileName), { force: true });
    },
  };
}
