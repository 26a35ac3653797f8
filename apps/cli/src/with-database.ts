import type { DatabaseHandle } from "@ascent/db";
import type { AppServices } from "@ascent/server/composition-root";

export interface DatabaseSession {
  database: DatabaseHandle;
  services: AppServices;
}

/**
 * For the commands that work on the database itself rather than through the API (`seed builtin`, and
 * `seed synthetic`, whose bulk writes would take too long as one request): they need the server stopped
 * when the database is the embedded one. Data commands use withServer (server-connection.ts).
 *
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else the embedded one in
 * ASCENT_DATA_DIR), prepares it like the server does (migrations, built-in ladder), runs `work` and
 * closes it again: the embedded database allows one process at a time, so nothing stays open.
 * `prepare: false` leaves preparing to the caller.
 */
export async function withDatabase<T>(
  work: (session: DatabaseSession) => Promise<T>,
  options: { prepare?: boolean } = {},
): Promise<T> {
  const [{ openDatabase }, { loadConfig }, { prepareDatabase }, { buildServices }] = await Promise.all([
    import("@ascent/db"),
    import("@ascent/server/config"),
    import("@ascent/server"),
    import("@ascent/server/composition-root"),
  ]);
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (options.prepare !== false) await prepareDatabase(database);
    return await work({ database, services: buildServices(database) });
  } finally {
    await database.close();
  }
}
