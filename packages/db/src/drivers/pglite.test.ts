import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openPglite } from "./pglite.ts";
import { migrate } from "../migrate.ts";
import { resultRows } from "../migrate.ts";

describe("PGlite data folder", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("keeps data across a close and reopen", async () => {
    dir = await mkdtemp(join(tmpdir(), "ascent-pglite-"));
    const first = await openPglite(dir);
    await migrate(first);
    await first.db.execute(sql`insert into frameworks (slug, name) values ('kept', 'Kept across restarts')`);
    await first.close();
    const second = await openPglite(dir);
    const rows = resultRows<{ name: string }>(
      await second.db.execute(sql`select name from frameworks where slug = 'kept'`),
    );
    await second.close();
    expect(rows).toEqual([{ name: "Kept across restarts" }]);
  });

  it("refuses a second opener of the same folder while the first is open", async () => {
    dir = await mkdtemp(join(tmpdir(), "ascent-pglite-"));
    const first = await openPglite(dir);
    try {
      await expect(openPglite(dir)).rejects.toMatchObject({ code: "conflict" });
    } finally {
      await first.close();
    }
    const again = await openPglite(dir);
    await again.close();
  });
});
