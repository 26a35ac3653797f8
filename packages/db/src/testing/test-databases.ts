import { afterAll, beforeAll, describe, it } from "vitest";
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

/** CI sets CI=true (as GitHub Actions, GitLab and `.ci/run` do); there a leg that cannot run is a failure. */
export function isCi(): boolean {
  const value = (process.env.CI ?? "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
}

/** Why the PostgreSQL leg cannot run, or null when it can. */
export function postgresUnavailableReason(): string | null {
  return testDatabaseUrl ? null : "TEST_DATABASE_URL is not set, so there is no PostgreSQL to run on";
}

/**
 * A describe block that runs on one driver. When that driver cannot run (PostgreSQL without
 * TEST_DATABASE_URL) the block is skipped with the reason in its label, except in CI, where it
 * becomes one failing test that says why: a leg that cannot run must not pass as a skip.
 */
export function describeOnDriver(driver: DriverName, title: string, suite: () => void): void {
  const reason = driver === "postgres" ? postgresUnavailableReason() : null;
  if (!reason) {
    describe(`${title} [${driver}]`, suite);
    return;
  }
  if (isCi()) {
    describe(`${title} [${driver}: cannot run]`, () => {
      it(`needs ${driver}`, () => {
        throw new Error(`CI=true and ${reason}: provision PostgreSQL (scripts/throwaway-postgres.sh) or unset CI`);
      });
    });
    return;
  }
  describe.skip(`${title} [${driver}: skipped, ${reason}]`, suite);
}

/**
 * Runs the same suite on PGlite and on PostgreSQL. The PostgreSQL leg needs TEST_DATABASE_URL;
 * without it that leg is reported as skipped (failed in CI), never silently dropped.
 */
export function describeEachDriver(title: string, suite: (db: () => DatabaseHandle) => void): void {
  for (const driver of ["pglite", "postgres"] as const) {
    describeOnDriver(driver, title, () => {
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
