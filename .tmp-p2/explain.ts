import { sql } from "drizzle-orm";
import { DrizzlePeopleRepository, migrate, openPostgres, openPglite } from "@ascent/db";
import { createScratchDatabase } from "@ascent/db/testing";
const N = 50_000;
const rows = Array.from({ length: N }, (_, i) => ({ email: `p${i}@x.test`, name: `P ${i}`, title: "Product Manager", team: `T${i % 50}`, levelId: "pm", managerEmail: i === 0 ? null : `p${Math.floor((i - 1) / 8)}@x.test` }));
const scratch = process.argv[2] === "pg" ? await createScratchDatabase("postgres://postgres@127.0.0.1:55432/postgres") : null;
const db = scratch ? await openPostgres(scratch.url) : await openPglite();
await migrate(db);
await new DrizzlePeopleRepository(db.db).upsertImport(rows);
const more = Array.from({ length: 1000 }, (_, i) => ({ email: `q${i}@x.test`, m: `p${i * 7}@x.test` }));
await db.db.execute(sql`begin`).catch(() => {});
for (const q of [
  sql`explain analyze select v.email, boss.id from unnest(${sql.param(more.map((r) => r.email))}::text[], ${sql.param(more.map((r) => r.m))}::text[]) as v(email, manager_email) left join people boss on boss.email = v.manager_email`,
  sql`explain analyze select p.*, m.email from people p left join people m on m.id = p.manager_id where p.email = any(${sql.param(rows.slice(0, 1000).map((r) => r.email))}::text[])`,
  sql`select relpages, reltuples from pg_class where relname = 'people'`,
]) {
  const r = await db.db.execute(q);
  console.log((r as any).rows.map((x: any) => (x["QUERY PLAN"] ?? JSON.stringify(x)).slice(0, 150)).join("\n"));
}
await db.close(); await scratch?.drop();
