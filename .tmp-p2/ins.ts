import { sql } from "drizzle-orm";
import { migrate, openPglite } from "@ascent/db";
const N = 50_000;
const rows = Array.from({ length: N }, (_, i) => ({ email: `p${i}@x.test`, name: `P ${i}`, title: "Product Manager", team: `T${i % 50}`, levelId: "pm", managerEmail: i === 0 ? null : `p${Math.floor((i - 1) / 8)}@x.test` }));
const arr = (v: any[]) => sql`${sql.param(v)}::text[]`;
async function run(label: string, batch: number, withManager: boolean, onConflict: boolean) {
  const db = await openPglite(); await migrate(db);
  const s = performance.now();
  await db.db.transaction(async (tx) => {
    for (let i = 0; i < N; i += batch) {
      const b = rows.slice(i, i + batch);
      await tx.execute(sql`insert into people (email, name, title, team, level_id, manager_id)
        select v.email, v.name, v.title, v.team, v.level_id, ${withManager ? sql`(select boss.id from people boss where boss.email = v.manager_email)` : sql`null::uuid`}
        from unnest(${arr(b.map((r) => r.email))}, ${arr(b.map((r) => r.name))}, ${arr(b.map((r) => r.title))}, ${arr(b.map((r) => r.team))}, ${arr(b.map((r) => r.levelId))}, ${arr(b.map((r) => r.managerEmail))}) as v(email, name, title, team, level_id, manager_email)
        ${onConflict ? sql`on conflict (email) do update set name = excluded.name where people.name is distinct from excluded.name returning people.email, people.manager_id` : sql``}`);
    }
  });
  console.log(label, ((performance.now() - s) / 1000).toFixed(2));
  await db.close();
}
await run("plain b1000", 1000, false, false);
await run("mgr b1000", 1000, true, false);
await run("mgr+conflict b1000", 1000, true, true);
await run("mgr+conflict b5000", 5000, true, true);
