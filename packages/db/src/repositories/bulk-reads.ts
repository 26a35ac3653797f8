import { sql, type SQL } from "drizzle-orm";
import type { AppDatabase } from "../database.ts";
import { resultRows } from "../migrate.ts";

/**
 * Runs a query that selects one column, `packed`, holding its rows as one JSON array of arrays
 * (`json_agg(json_build_array(…))::text`). PGlite spends several times longer turning 10,000 rows into
 * objects than running the query; one text value parses in a few milliseconds on both drivers.
 */
export async function packedRows<Row extends unknown[]>(db: AppDatabase, query: SQL): Promise<Row[]> {
  const [row] = resultRows<{ packed: string | null }>(await db.execute(query));
  return row?.packed ? (JSON.parse(row.packed) as Row[]) : [];
}

/** From this many new rows on, a table's statistics are refreshed at once. */
const BULK_INSERT_ROWS = 1000;

/**
 * Fresh statistics after a bulk insert: otherwise the planner takes a table that just grew by 10,000
 * rows for an empty one and joins it with a nested loop. PGlite has no autovacuum to do it later.
 */
export async function analyzeAfterBulkInsert(db: AppDatabase, table: string, inserted: number): Promise<void> {
  if (inserted >= BULK_INSERT_ROWS) await db.execute(sql.raw(`analyze ${table}`));
}
