import { sql } from "drizzle-orm";
import { DrizzlePeopleRepository, migrate, openPostgres, openPglite } from "@ascent/db";
import { createScratchDatabase } from "@ascent/db/testing";
const N = 100_000;
const rows = Array.from({ length: N }, (_, i) => ({ email: `p${i}@x.test`, name: `P ${i}`, title: "Product Manager", team: `T${i % 50}`, levelId: "pm", managerEmail: i === 0 ? null : `p${Math.floor((i - 1) / 8)}@x.test` }));
const scratch = process.argv[2] === "pg" ? await createScratchDatabase("postgres://postgres@127.0.0.1:55432/postgres") : null;
const db = scratch ? await openPostgres(scratch.url) : await openPglite();
await migrate(db);
await new DrizzlePeopleRepository(db.db).upsertImport(rows);
const emails = (k: number) => sql.param(Array.from({ length: 1000 }, (_, i) => `p${(i * 97 + k * 13) % N}@x.test`));
const variants: Record<string, (k: number) => any> = {
  hashJoin: (k) => sql`select v.email, boss.id from unnest(${emails(k)}::text[]) as v(email) left join people boss on boss.email = v.email`,
  subquery: (k) => sql`select v.email, (select boss.id from people boss where boss.email = v.email) from unnest(${emails(k)}::text[]) as v(email)`,
  anyArray: (k) => sql`select p.*, m.email from people p left join people m on m.id = p.manager_id where p.email = any(${emails(k)}::text[])`,
  lateral: (k) => sql`select p.*, (select boss.email from people boss where boss.id = p.manager_id) as manager_email from unnest(${emails(k)}::text[]) as v(email) join lateral (select * from people where people.email = v.email) p on true`,
};
const best: Record<string, number> = {};
for (let k = 0; k < 15; k++) for (const [name, q] of Object.entries(variants)) {
  const s = performance.now(); await db.db.execute(q(k)); const t = performance.now() - s;
  best[name] = Math.min(best[name] ?? Infinity, t);
}
console.log(process.argv[2] ?? "pglite", Object.fromEntries(Object.entries(best).map(([k, v]) => [k, v.toFixed(1) + "ms"])));
await db.close(); await scratch?.drop();
