import { openPglite } from "./drivers/pglite.ts";
import { openPostgres } from "./drivers/postgres.ts";
import type { DatabaseHandle } from "./database.ts";

export interface DatabaseConfig {
  /** When set, PostgreSQL is used; otherwise the embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data folder. */
  dataDir: string;
}

export function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
