import { createHash } from "node:crypto";
import JSZip from "jszip";
import { sql } from "drizzle-orm";
import { AppError } from "@ascent/core";
import type { DatabaseHandle, SnapshotFormat } from "../database.ts";
import { listMigrationTags, resultRows } from "../migrate.ts";

/**
 * A backup file is a zip holding `manifest.json` and `database.dump`. The manifest says what made the
 * dump and lets a restore refuse a file it cannot trust before touching the target.
 */
export const BACKUP_KIND = "ascent-backup";
export const BACKUP_FORMAT_VERSION = 1;
const MANIFEST = "manifest.json";
const DUMP = "database.dump";

export interface BackupManifest {
  kind: typeof BACKUP_KIND;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  driver: DatabaseHandle["driver"];
  dumpFormat: SnapshotFormat;
  /** The migrations applied in the dumped database, in order: the last one is its level. */
  migrations: string[];
  sha256: string;
  bytes: number;
}

export interface BackupContents {
  manifest: BackupManifest;
  dump: Uint8Array;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function appliedMigrations(handle: DatabaseHandle): Promise<string[]> {
  const rows = await handle.db.execute(sql`select tag from ascent_migrations order by tag`);
  return resultRows<{ tag: string }>(rows).map((row) => row.tag);
}

/** Takes a snapshot of the open database and packs it with its manifest. */
export async function createBackupArchive(
  handle: DatabaseHandle,
  options: { appVersion: string; now: () => Date },
): Promise<{ manifest: BackupManifest; archive: Uint8Array }> {
  const migrations = await appliedMigrations(handle);
  const snapshot = await handle.snapshot();
  const manifest: BackupManifest = {
    kind: BACKUP_KIND,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: options.appVersion,
    createdAt: options.now().toISOString(),
    driver: handle.driver,
    dumpFormat: snapshot.format,
    migrations,
    sha256: sha256(snapshot.bytes),
    bytes: snapshot.bytes.byteLength,
  };
  const zip = new JSZip();
  const date = new Date(manifest.createdAt);
  zip.file(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`, { date });
  // The dump is compressed already (PGlite gzip, pg_dump custom), so it is stored as it is.
  zip.file(DUMP, snapshot.bytes, { date, compression: "STORE" });
  return { manifest, archive: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) };
}

function refuse(message: string): AppError {
  return new AppError("unsupported_format", message);
}

function parseManifest(text: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refuse("The backup's manifest.json is not valid JSON: the file is damaged");
  }
  const manifest = value as Partial<BackupManifest> | null;
  if (manifest?.kind !== BACKUP_KIND) throw refuse("This is not an Ascent backup: its manifest names no Ascent backup");
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw refuse(
      `The backup has format version ${String(manifest.formatVersion)}; this Ascent reads version ${BACKUP_FORMAT_VERSION}`,
    );
  }
  const isComplete =
    typeof manifest.appVersion === "string" &&
    typeof manifest.createdAt === "string" &&
    (manifest.driver === "pglite" || manifest.driver === "postgres") &&
    (manifest.dumpFormat === "pglite-datadir-gzip" || manifest.dumpFormat === "pg_dump-custom") &&
    Array.isArray(manifest.migrations) &&
    manifest.migrations.every((tag) => typeof tag === "string") &&
    typeof manifest.sha256 === "string";
  if (!isComplete) throw refuse("The backup's manifest is incomplete: the file is damaged");
  return manifest as BackupManifest;
}

/**
 * Opens a backup file and checks it completely: a zip, an Ascent manifest, a dump whose checksum
 * matches, and no migration this release does not know (a backup from a newer Ascent).
 */
export async function readBackupArchive(bytes: Uint8Array): Promise<BackupContents> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw refuse("This file is not an Ascent backup: it is not a zip archive, or it is damaged");
  }
  const manifestFile = zip.file(MANIFEST);
  const dumpFile = zip.file(DUMP);
  if (!manifestFile || !dumpFile) throw refuse(`This zip is not an Ascent backup: it lacks ${MANIFEST} or ${DUMP}`);
  let manifest: BackupManifest;
  let dump: Uint8Array;
  try {
    manifest = parseManifest(await manifestFile.async("string"));
    dump = await dumpFile.async("uint8array");
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse("The backup archive is damaged: its contents cannot be read");
  }
  if (sha256(dump) !== manifest.sha256) {
    throw refuse("The backup is damaged: the dump's checksum does not match its manifest");
  }
  const known = new Set(await listMigrationTags());
  const unknown = manifest.migrations.filter((tag) => !known.has(tag));
  if (unknown.length > 0) {
    throw refuse(
      `The backup comes from a newer Ascent (${manifest.appVersion}, migration ${unknown.at(-1)}): ` +
        "restore it with that release or a later one",
    );
  }
  return { manifest, dump };
}
