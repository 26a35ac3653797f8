import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { sql } from "drizzle-orm";
import * as schema from "../schema/index.ts";
import type { AppDatabase, DatabaseHandle } from "../database.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { CHANGES_CHANNEL, ChangeFeed } from "../changes/change-feed.ts";

/** Opens the embedded database in `dataDir`, or in memory when dataDir is undefined. */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    unlock();
    throw error;
  }
  const db = drizzle(client, { schema }) as unknown as AppDatabase;
  // One process owns the data folder (the lock above), and PGlite delivers a notification before the
  // statement that caused it returns: the feed hears every change, in order, before anyone reads again.
  const changes = new ChangeFeed();
  const unlisten = await client.listen(CHANGES_CHANNEL, (payload) => changes.apply(payload));
  changes.setListening(true);
  return {
    db,
    driver: "pglite",
    location: dataDir ?? "memory",
    changes,
    native: { driver: "pglite", client },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async snapshot() {
      // The dump holds the statement lock, and taking it inside a transaction of our own also waits for
      // any other transaction to finish: the copy is of committed data only, flushed by the checkpoint.
      await client.query("checkpoint");
      const file = await client.transaction(() => client.dumpDataDir("gzip"));
      return { format: "pglite-datadir-gzip", bytes: new Uint8Array(await file.arrayBuffer()) };
    },
    async close() {
      changes.setListening(false);
      await unlisten();
      await client.close();
      unlock();
    },
  };
}
