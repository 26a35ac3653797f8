import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { AppError } from "@ascent/core";
import { lockDataDir } from "../drivers/data-dir-lock.ts";
import { readBackupArchive, type BackupManifest } from "./backup-archive.ts";
import { pgRestore } from "./pg-tools.ts";

export interface RestoreTarget {
  /** PostgreSQL when set; otherwise the embedded database in dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** Files the server keeps in the data folder beside the database; they do not make it "not empty". */
const NOT_DATA = new Set(["ascent.lock", "server.json"]);

async function folderEntries(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => !NOT_DATA.has(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

async function publicTableCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("database_unreachable", `Cannot reach the target database: ${reason}`);
  }
  try {
    const result = await client.query<{ count: string }>(
      "select count(*) as count from information_schema.tables where table_schema = 'public'",
    );
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

function refuseNonEmpty(what: string): AppError {
  return new AppError(
    "conflict",
    `${what} is not empty: restore into an empty one, or pass --force to replace what is there`,
  );
}

/** Unpacks into a fresh sibling folder first, so that a failure leaves the target as it was. */
async function restorePglite(dump: Uint8Array, dataDir: string, force: boolean): Promise<void> {
  const existing = await folderEntries(dataDir);
  if (existing.length > 0 && !force) throw refuseNonEmpty(`The data folder ${dataDir}`);
  await mkdir(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  const staging = join(dirname(dataDir), `.${basename(dataDir)}.restoring-${randomBytes(4).toString("hex")}`);
  try {
    const client = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([dump as Uint8Array<ArrayBuffer>]) });
    await client.query("select 1");
    await client.close();
    // PGlite's dump holds the whole folder: the source server's lock and address file are not data.
    for (const name of NOT_DATA) await rm(join(staging, name), { force: true });
    for (const name of existing) await rm(join(dataDir, name), { recursive: true, force: true });
    for (const name of await readdir(staging)) await rename(join(staging, name), join(dataDir, name));
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("unsupported_format", `The backup's database could not be opened: ${reason}`);
  } finally {
    await rm(staging, { recursive: true, force: true });
    unlock();
  }
}

/**
 * Restores a backup file into an empty target (or replaces what is there with `force`). The whole file
 * is checked before anything is written: a damaged, foreign or newer backup leaves the target untouched.
 */
export async function restoreBackup(
  file: Uint8Array,
  target: RestoreTarget,
  options: { force?: boolean } = {},
): Promise<BackupManifest> {
  const { manifest, dump } = await readBackupArchive(file);
  const force = options.force ?? false;
  const targetDriver = target.databaseUrl ? "postgres" : "pglite";
  if (manifest.driver !== targetDriver) {
    throw new AppError(
      "unsupported_format",
      `This backup was made on ${manifest.driver === "pglite" ? "the embedded database" : "PostgreSQL"}; ` +
        `restore it with ${manifest.driver === "pglite" ? "DATABASE_URL unset" : "DATABASE_URL set"}`,
    );
  }
  if (target.databaseUrl) {
    if ((await publicTableCount(target.databaseUrl)) > 0 && !force) throw refuseNonEmpty("The target database");
    await pgRestore(target.databaseUrl, dump, { clean: force });
  } else {
    await restorePglite(dump, target.dataDir, force);
  }
  return manifest;
}
