import { sql } from "drizzle-orm";
import { DrizzlePeopleRepository, migrate, openPostgres, openPglite } from "@ascent/db";
import { createScratchDatabase } from "@ascent/db/testing";
const N = 100_000;
const rows = Array.from({ length: N }, (_, i) => ({ email: `p${i}@x.test`, name: `P ${i}`, title: "Product Manager", team: `T${i % 50}`, levelId: "pm", managerEmail: i === 0 ? null : `p${Math.floor((i - 1) / 8)}@x.test` }));
const which = process.argv[2];
const scratch = which === "pg" ? await createScratchDatabase("postgres://postgres@127.0.0.1:55432/postgres") : null;
const db = scratch ? await openPostgres(scratch.url) : await openPglite();
await migrate(db);
const repo = new DrizzlePeopleRepository(db.db);
const origExec = db.db.execute.bind(db.db);
let t = performance.now();
const times: Record<string, number> = {};
(db.db as any).transaction = ((orig) => async (fn: any) => orig.call(db.db, async (tx: any) => {
  const ex = tx.execute.bind(tx);
  tx.execute = async (q: any) => { const s = performance.now(); const r = await ex(q); const sqlText = (q.queryChunks?.[0]?.value?.[0] ?? "").trim().slice(0, 12); times[sqlText] = (times[sqlText] ?? 0) + performance.now() - s; return r; };
  return fn(tx);
}))((db.db as any).transaction);
console.log(await repo.upsertImport(rows), (performance.now() - t) / 1000);
console.log(times);
t = performance.now();
for (let i = 0; i < N; i += 1000) await repo.findByEmailsWithManager(rows.slice(i, i + 1000).map((r) => r.email));
console.log("findByEmailsWithManager", (performance.now() - t) / 1000);

await db.close(); await scratch?.drop();
