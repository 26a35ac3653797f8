import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openPostgres } from "../drivers/postgres.ts";
import { migrate, resultRows } from "../migrate.ts";
import { createScratchDatabase } from "../testing/scratch-database.ts";
import { describeOnDriver } from "../testing/test-databases.ts";
import type { DatabaseHandle } from "../database.ts";

const testDatabaseUrl = process.env.TEST_DATABASE_URL;

async function waitUntil(check: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

// Two handles on one database stand for two app servers: each must hear what the other writes.
describeOnDriver("postgres", "change feed across processes", () => {
  let scratch: { url: string; drop(): Promise<void> };
  let writer: DatabaseHandle;
  let reader: DatabaseHandle;

  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseUrl!);
    writer = await openPostgres(scratch.url, { max: 2 });
    // No backoff: the test waits for the reconnection itself, not for a timer.
    reader = await openPostgres(scratch.url, { max: 2, reconnectDelaysMs: [0] });
    await migrate(writer);
  });
  afterAll(async () => {
    await writer?.close();
    await reader?.close();
    await scratch?.drop();
  });

  it("delivers one server's change to the other", async () => {
    const rows = await writer.db.execute(
      sql`insert into people (name, email) values ('Ada', 'ada@example.com') returning id`,
    );
    const id = resultRows<{ id: string }>(rows)[0]!.id;
    const before = reader.changes.now();
    await writer.db.execute(sql`update people set team = 'Core' where id = ${id}`);
    expect(await waitUntil(() => !reader.changes.isUnchangedSince(before, [id]))).toBe(true);
  });

  it("stops vouching for caches when its connection drops, and comes back by itself", async () => {
    const before = reader.changes.now();
    // Ends the reader's listening connection (and its idle pool connections) from the server side.
    await writer.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`);
    // With no backoff it may be listening again before a poll could see it down; the drop shows as a change.
    expect(await waitUntil(() => !reader.changes.isUnchangedSince(before, []))).toBe(true);
    expect(await waitUntil(() => reader.changes.isListening, 5000)).toBe(true);
    // Whatever was missed while it was down counts as a change for everyone.
    expect(reader.changes.isUnchangedSince(before, [])).toBe(false);
    expect(reader.changes.isUnchangedSince(reader.changes.now(), [])).toBe(true);
  });
});
