import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema/index.ts";
import type { ChangeFeed } from "./changes/change-feed.ts";

export type AppDatabase = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DriverName = "pglite" | "postgres";

/** How a snapshot's bytes are to be restored. */
export type SnapshotFormat = "pglite-datadir-gzip" | "pg_dump-custom";

export interface DatabaseSnapshot {
  format: SnapshotFormat;
  bytes: Uint8Array;
}

/** One open database, whichever driver backs it. */
export interface DatabaseHandle {
  db: AppDatabase;
  driver: DriverName;
  /** Human-readable location, safe to log (no password). */
  location: string;
  /** What this process hears of committed changes (DESIGN §7): per-process caches check it. */
  changes: ChangeFeed;
  ping(): Promise<void>;
  /**
   * A consistent copy of the whole database in the driver's own format (PGlite's data-folder dump, or
   * pg_dump's custom format), taken while the database stays open: see backup/backup-archive.ts.
   */
  snapshot(): Promise<DatabaseSnapshot>;
  /** Connections of the pool in use, idle and waited for; absent for the embedded database (one connection). */
  poolUse?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
  /**
   * The driver's own connection, for the job queue (pg-boss), which speaks SQL of its own through an
   * executor: the embedded database's single client, or the pool of the PostgreSQL server.
   */
  native: { driver: "pglite"; client: PGlite } | { driver: "postgres"; pool: pg.Pool };
}
