import { sql } from "drizzle-orm";
import { openPglite } from "@ascent/db";
import { buildServices } from "./apps/server/src/app.ts";
const h = await openPglite("/tmp/synx/seeded");
await h.db.execute(sql`analyze`);
const s = buildServices(h);
const all = ((await h.db.execute(sql`select id from people where email like '%synthetic%'`)) as any).rows.map((r: any) => r.id);
for (let i = 0; i < 3; i++) {
const ids = all.slice(i * 500, i * 500 + 500);
let t = performance.now();
const lap = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(0)); t = n; };
const r = await (s as any).readiness.ports.assessments.countableRatings(ids, new Date());
lap("countable");
await s.people.list({ ids, limit: 500 });
lap("people");
await s.readiness.framework(); lap("framework");
await s.readiness.refreshSnapshots(ids);
lap("refresh total");
}
await h.close();
