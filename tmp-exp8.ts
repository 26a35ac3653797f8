import { sql } from "drizzle-orm";
import { openPglite } from "@ascent/db";
import { buildOrgReadiness, isSnapshotStale } from "@ascent/core";
import { buildServices } from "./apps/server/src/app.ts";
const h = await openPglite("/tmp/synx/seeded");
const s = buildServices(h) as any;
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  const lap = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(1)); t = n; };
  const total = await s.people.countAll(); lap("countAll");
  const { people } = await s.people.list({ status: "active", limit: Math.max(total, 1) }); lap("people.list " + people.length);
  const version = await s.frameworks.version("product-management", "latest"); lap("version");
  const snaps = await s.readinessSnapshots.list(); lap("snapshots.list " + snaps.length);
  const stored = new Map(snaps.map((x: any) => [x.personId, x]));
  const now = new Date(); let stale = 0;
  for (const p of people) if (isSnapshotStale(stored.get(p.id) as any, p, { framework: version.document, frameworkPublishedAt: version.publishedAt, now, lastReleaseAt: null })) stale++;
  lap("stale check " + stale);
  const members = people.filter((p: any) => p.levelId && stored.get(p.id)).map((p: any) => ({ personId: p.id, levelId: p.levelId, team: p.team, snapshot: stored.get(p.id) }));
  const settings = await s.readiness.settings(); lap("settings");
  const r = buildOrgReadiness(version.document, members, settings.k, {}); lap("buildOrgReadiness");
}
await h.close();
