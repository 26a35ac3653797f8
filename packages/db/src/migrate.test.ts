import { expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { describeEachDriver, describeOnDriver, openTestDatabase } from "./testing/test-databases.ts";
import { listMigrationTags, migrate, resultRows } from "./migrate.ts";
import { openPostgres } from "./drivers/postgres.ts";

describeEachDriver("migrate", (db) => {
  it("creates the schema and records each migration", async () => {
    const rows = resultRows<{ tag: string }>(await db().db.execute(sql`select tag from ascent_migrations`));
    expect(rows.map((r) => r.tag)).toContain("0000_init");
    const tables = resultRows<{ table_name: string }>(
      await db().db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      ),
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["frameworks", "framework_versions", "ascent_migrations"]),
    );
  });

  it("is idempotent", async () => {
    const second = await migrate(db());
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBeGreaterThan(0);
  });
});

describeOnDriver("postgres", "migrate, concurrent starts", () => {
  it("two servers migrating one fresh database at once apply each migration exactly once", async () => {
    const first = await openTestDatabase("postgres");
    try {
      const [{ name } = { name: "" }] = resultRows<{ name: string }>(
        await first.db.execute(sql`select current_database() as name`),
      );
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.pathname = `/${name}`;
      const second = await openPostgres(url.toString(), { max: 2 });
      try {
        const [a, b] = await Promise.all([migrate(first), migrate(second)]);
        const tags = await listMigrationTags();
        expect([...a.applied, ...b.applied].sort()).toEqual([...tags].sort());
        const [{ n } = { n: 0 }] = resultRows<{ n: number }>(
          await first.db.execute(sql`select count(*)::int as n from ascent_migrations`),
        );
        expect(n).toBe(tags.length);
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });
});
