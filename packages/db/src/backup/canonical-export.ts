import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../database.ts";
import { resultRows } from "../migrate.ts";

/**
 * The whole database as one JSON file per table, rows sorted, so that two databases with the same
 * content give the same bytes whatever their physical order: the proof that a restore lost nothing.
 */
export async function canonicalExport(handle: DatabaseHandle): Promise<Map<string, string>> {
  const tables = resultRows<{ name: string }>(
    await handle.db.execute(
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  ).map((row) => row.name);
  const files = new Map<string, string>();
  for (const table of tables) {
    const rows = resultRows<{ row: string }>(
      await handle.db.execute(sql`select row_to_json(t)::text as row from ${sql.identifier(table)} t`),
    ).map((r) => r.row);
    rows.sort();
    files.set(`${table}.json`, rows.length === 0 ? "[]\n" : `[\n${rows.join(",\n")}\n]\n`);
  }
  return files;
}
