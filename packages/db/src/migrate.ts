import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "./database.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));
/** Arbitrary constant shared by every Ascent process: serialises concurrent migrators. */
const MIGRATION_LOCK_KEY = 4_210_337_001;

interface JournalEntry {
  idx: number;
  tag: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

async function readMigrations(): Promise<{ tag: string; statements: string[]; hash: string }[]> {
  const journal = JSON.parse(await readFile(`${MIGRATIONS_DIR}meta/_journal.json`, "utf8")) as {
    entries: JournalEntry[];
  };
  const entries = [...journal.entries].sort((a, b) => a.idx - b.idx);
  return Promise.all(
    entries.map(async ({ tag }) => {
      const text = await readFile(`${MIGRATIONS_DIR}${tag}.sql`, "utf8");
      const statements = text
        .split("--> statement-breakpoint")
        .map((s) => s.trim())
        .filter(Boolean);
      return { tag, statements, hash: createHash("sha256").update(text).digest("hex") };
    }),
  );
}

export async function listMigrationTags(): Promise<string[]> {
  return (await readMigrations()).map((m) => m.tag);
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so two servers
 * starting together on one PostgreSQL cannot race. Safe to run any number of times.
 */
export async function migrate(handle: DatabaseHandle): Promise<MigrationResult> {
  const migrations = await readMigrations();
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create table if not exists ascent_migrations (
      tag text primary key,
      hash text not null,
      applied_at timestamptz not null default now()
    )`);
    const rows = await tx.execute<{ tag: string }>(sql`select tag from ascent_migrations`);
    const done = new Set(resultRows<{ tag: string }>(rows).map((r) => r.tag));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.tag)) continue;
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into ascent_migrations (tag, hash) values (${migration.tag}, ${migration.hash})`);
      applied.push(migration.tag);
    }
    return { applied, alreadyApplied: done.size };
  });
}

/**
 * How many of this version's migrations the database has not committed yet: while another process
 * migrates, its rows are invisible until it commits, so this stays above zero until it is done.
 */
export async function countPendingMigrations(handle: DatabaseHandle): Promise<number> {
  const tags = await listMigrationTags();
  const exists = await handle.db.execute<{ found: boolean }>(
    sql`select to_regclass('ascent_migrations') is not null as found`,
  );
  if (!resultRows<{ found: boolean }>(exists)[0]?.found) return tags.length;
  const rows = resultRows<{ tag: string }>(
    await handle.db.execute<{ tag: string }>(sql`select tag from ascent_migrations`),
  );
  const done = new Set(rows.map((r) => r.tag));
  return tags.filter((tag) => !done.has(tag)).length;
}

/** node-postgres returns {rows}, PGlite returns {rows} too, but typed differently. */
export function resultRows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
