import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema/index.ts";
import type { ChangeFeed } from "./changes/change-feed.ts";

export type AppDatabase = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DriverName = "pglite" | "postgres";

/** One open database, whichever driver backs it. */
export interface DatabaseHandle {
  db: AppDatabase;
  driver: DriverName;
  /** Human-readable location, safe to log (no password). */
  location: string;
  /** What this process hears of committed changes (DESIGN §7): per-process caches check it. */
  changes: ChangeFeed;
  ping(): Promise<void>;
  /** Connections of the pool in use, idle and waited for; absent for the embedded database (one connection). */
  poolUse?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}
