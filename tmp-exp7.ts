import { sql } from "drizzle-orm";
import { openPglite } from "@ascent/db";
import { computeReadiness, readinessWindow, nextLevel } from "@ascent/core";
import { buildServices } from "./apps/server/src/app.ts";
const h = await openPglite("/tmp/synx/seeded");
const s = buildServices(h);
const all = ((await h.db.execute(sql`select id, level_id from people where email like '%synthetic%'`)) as any).rows;
const ids = all.slice(0, 500).map((r: any) => r.id);
const ratings = await (s as any).readiness.ports.assessments.countableRatings(ids, new Date());
const { document } = await s.readiness.framework();
const settings = await s.readiness.settings();
for (let k = 0; k < 3; k++) {
let t = performance.now();
const snaps = all.slice(0, 500).map((p: any) => { const r = computeReadiness({ framework: document, targetLevelId: nextLevel(document, p.level_id).id, ratings: ratings.get(p.id) ?? [], window: readinessWindow(new Date()), settings }); return { personId: p.id, targetLevelId: r.targetLevelId, score: r.score, verdict: r.verdict, observed: Object.fromEntries(r.competencies.map((c) => [c.competencyId, c.observed])), computedAt: new Date(), validUntil: null }; });
console.log("compute", performance.now() - t);
t = performance.now();
await (s as any).readiness.ports.snapshots.upsertMany(snaps);
console.log("upsertMany", performance.now() - t);
}
await h.close();
