import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "./database.ts";
import { resultRows } from "./migrate.ts";
import { describeOnDriver, openTestDatabase } from "./testing/test-databases.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));
const TAG = "0013_notification_delivery";

async function statementsOf(tag: string): Promise<string[]> {
  const text = await readFile(`${MIGRATIONS_DIR}${tag}.sql`, "utf8");
  return text
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(Boolean);
}

async function run(handle: DatabaseHandle, tags: string[]): Promise<void> {
  for (const tag of tags) for (const statement of await statementsOf(tag)) await handle.db.execute(sql.raw(statement));
}

for (const driver of ["pglite", "postgres"] as const) {
  describeOnDriver(driver, "migration 0013 keeps every saved mail choice meaningful", () => {
    let handle: DatabaseHandle | undefined;
    beforeAll(async () => {
      handle = await openTestDatabase(driver);
    });
    afterAll(async () => handle?.close());

    it("turns mail yes into a mail each time and mail no into no mail, the app channel as it was", async () => {
      const db = handle!;
      const journal = JSON.parse(await readFile(`${MIGRATIONS_DIR}meta/_journal.json`, "utf8")) as {
        entries: { idx: number; tag: string }[];
      };
      const tags = journal.entries.sort((a, b) => a.idx - b.idx).map((entry) => entry.tag);
      const at = tags.indexOf(TAG);
      expect(at).toBeGreaterThan(0);
      await run(db, tags.slice(0, at));
      await db.db.execute(
        sql.raw(
          `INSERT INTO people (id, name, email) VALUES ('00000000-0000-4000-8000-000000000001', 'Ada', 'ada@x.test')`,
        ),
      );
      await db.db.execute(
        sql.raw(`INSERT INTO notification_preferences (person_id, kind, in_app, email) VALUES
          ('00000000-0000-4000-8000-000000000001', 'feedback.requested', true, true),
          ('00000000-0000-4000-8000-000000000001', 'level.changed', false, false),
          ('00000000-0000-4000-8000-000000000001', 'promotion.stage', false, true)`),
      );
      await run(db, [TAG]);
      const rows = resultRows<{ kind: string; in_app: boolean; mail: string }>(
        await db.db.execute(sql.raw(`SELECT kind, in_app, mail FROM notification_preferences ORDER BY kind`)),
      );
      expect(rows).toEqual([
        { kind: "feedback.requested", in_app: true, mail: "instant" },
        { kind: "level.changed", in_app: false, mail: "off" },
        { kind: "promotion.stage", in_app: false, mail: "instant" },
      ]);
    });
  });
}
