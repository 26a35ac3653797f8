import { openPglite, openPostgres, type DatabaseHandle } from "@ascent/db";
import { createScratchDatabase } from "@ascent/db/testing";
import { prepareDatabase } from "./apps/server/src/main.ts";
import { seedSyntheticOrganisation } from "./apps/server/src/synthetic/synthetic-organisation.ts";

async function run(h: DatabaseHandle) {
  await prepareDatabase(h);
  let last = "";
  const r = await seedSyntheticOrganisation(h, { people: Number(process.env.N ?? 10000), onProgress: (p, d, t) => { if (p !== last) { console.log(p, performance.now().toFixed(0)); last = p; } } });
  console.log(r);
  const c = await h.db.execute(`select (select count(*) from ratings) r, (select count(*) from readiness_snapshots) s, (select string_agg(v, ',') from (select verdict || ':' || count(*) v from readiness_snapshots group by verdict) x) v` as any);
  console.log((c as any).rows);
}
if (!process.env.PGONLY) { const pg = await openPglite("/tmp/synx/db" + Date.now()); await run(pg); await pg.close(); }
if (process.env.PG) { const s = await createScratchDatabase("postgres://postgres@127.0.0.1:55432/postgres");
const p = await openPostgres(s.url);
await run(p); await p.close(); await s.drop(); }
