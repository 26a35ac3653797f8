import { describe, beforeAll, afterAll } from "vitest";
import { openPglite } from "../drivers/pglite.ts";
import { openPostgres } from "../drivers/postgres.ts";
import { migrate } from "../migrate.ts";
import { createScratchDatabase } from "./scratch-database.ts";
import type { DatabaseHandle, DriverName } from "../database.ts";

const testDatabaseUrl = process.env.TEST_DATABASE_URL;

/** Opens a fresh scratch database on the test cluster; closing it drops the database. */
export async function openScratchPostgres(baseUrl: string): Promise<DatabaseHandle> {
  const scratch = await createScratchDatabase(baseUrl);
  const handle = await openPostgres(scratch.url, { max: 4 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await scratch.drop();
    },
  };
}

export async function openTestDatabase(driver: DriverName): Promise<DatabaseHandle> {
  if (driver === "pglite") return openPglite();
  if (!testDatabaseUrl) throw new Error("TEST_DATABASE_URL is not set");
  return openScratchPostgres(testDatabaseUrl);
}

/**
 * Runs the same suite on PGlite and on PostgreSQL. The PostgreSQL leg needs TEST_DATABASE_URL;
 * without it that leg is reported as skipped, never silently dropped.
 */
export function describeEachDriver(title: string, suite: (db: () => DatabaseHandle) => void): void {
  for (const driver of ["pglite", "postgres"] as const) {
    const isAvailable = driver === "pglite" || Boolean(testDatabaseUrl);
    const label = isAvailable ? `${title} [${driver}]` : `${title} [${driver}: skipped, TEST_DATABASE_URL not set]`;
    (isAvailable ? describe : describe.skip)(label, () => {
      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(driver);
        await migrate(handle);
      });
      afterAll(async () => {
        await handle?.close();
      });
      suite(() => {
        if (!handle) throw new Error("test database is not open yet");
        return handle;
      });
    });
  }
}
