// Runs one benchmark on a fresh PGlite in a temp folder, then on a scratch PostgreSQL database when
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, and sets the exit code from the goals each run met.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, type DatabaseHandle } from "@ascent/db";
import { createScratchDatabase } from "@ascent/db/testing";

export const formatNumber = (n: number) => Math.round(n).toLocaleString("en-US");

/** `run` returns whether the run met its goal. */
export async function benchOnEachDatabase(
  name: string,
  run: (label: string, database: DatabaseHandle) => Promise<boolean>,
): Promise<void> {
  const results: boolean[] = [];
  const dir = await mkdtemp(join(tmpdir(), `ascent-bench-${name}-`));
  try {
    const pglite = await openPglite(join(dir, "pglite"));
    try {
      results.push(await run("PGlite (embedded, fresh database in a temp folder)", pglite));
    } finally {
      await pglite.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const baseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (baseUrl) {
    const scratch = await createScratchDatabase(baseUrl);
    try {
      const postgres = await openPostgres(scratch.url);
      try {
        results.push(await run(`PostgreSQL (${new URL(baseUrl).host}, fresh scratch database)`, postgres));
      } finally {
        await postgres.close();
      }
    } finally {
      await scratch.drop();
    }
  } else {
    console.log("\n(PostgreSQL skipped: set BENCH_DATABASE_URL to a local cluster to run it too)");
  }
  console.log(`\npeak RSS: ${formatNumber(process.resourceUsage().maxRSS / 1024)} MB`);
  process.exitCode = results.every(Boolean) ? 0 : 1;
}

/**
 * Vacuums and analyses the whole database once the data is written: measuring while PostgreSQL's
 * autovacuum works through the freshly seeded tables times the autovacuum, not the route. PGlite has no
 * autovacuum; the same statement gives it fresh statistics too.
 */
export async function settleAfterSeeding(database: DatabaseHandle): Promise<void> {
  await database.db.execute(sql`vacuum analyze`);
}
