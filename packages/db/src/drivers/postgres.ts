import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { sql } from "drizzle-orm";
import { AppError } from "@ascent/core";
import * as schema from "../schema/index.ts";
import type { AppDatabase, DatabaseHandle } from "../database.ts";
import { ChangeFeed } from "../changes/change-feed.ts";
import { pgDump } from "../backup/pg-tools.ts";
import { listeningClientClass, startChangeListener } from "../changes/postgres-listener.ts";

/** The URL without its password, for logs and error messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

export interface PostgresOptions {
  /** Pool size. */
  max?: number;
  /** Waits before each attempt to listen again after the connection drops; tests shorten them. */
  reconnectDelaysMs?: readonly number[];
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<DatabaseHandle> {
  const location = redactDatabaseUrl(url);
  const changes = new ChangeFeed();
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
    // PostgreSQL's JIT compiles the batched readiness reads (a few hundred ids in `= any(…)` push their
    // estimated cost over jit_above_cost) on every call, which costs more than the query (docs/PERFORMANCE.md).
    options: "-c jit=off",
    Client: listeningClientClass(changes),
  });
  // An idle client losing its connection must not crash the process.
  pool.on("error", () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("database_unreachable", `Cannot reach the database at DATABASE_URL (${location}): ${reason}`);
  }
  let stopListening: () => Promise<void>;
  try {
    stopListening = await startChangeListener(url, changes, options.reconnectDelaysMs);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const db = drizzle(pool, { schema }) as unknown as AppDatabase;
  return {
    db,
    driver: "postgres",
    location,
    changes,
    native: { driver: "postgres", pool },
    async ping() {
      await db.execute(sql`select 1`);
    },
    snapshot: () => pgDump(url),
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await stopListening();
      await pool.end();
    },
  };
}
