import { sql } from "drizzle-orm";
import { openPglite } from "@ascent/db";
const h = await openPglite("/tmp/synx/seeded");
await h.db.execute(sql`analyze`);
const levels = ["pm","senior-pm","director","senior-director","head","vp","cpo"]; const targets = ["senior-pm","director","senior-director","head","vp","cpo","cpo"];
const q = sql`
  with current as (
    select p.id, p.level_id, p.team, s.verdict, s.score,
      (s.person_id is null or s.target_level_id is distinct from coalesce(t.target, ${"pm"})
        or s.valid_until <= ${new Date().toISOString()}::timestamptz or s.computed_at < ${"2020-01-01T00:00:00Z"}::timestamptz) as is_stale
    from people p
    left join readiness_snapshots s on s.person_id = p.id
    left join unnest(${sql.param(levels)}::text[], ${sql.param(targets)}::text[]) as t(level_id, target) on t.level_id = p.level_id
    where p.status = 'active' and p.level_id is not null
  )
  select level_id, team, verdict, count(*)::int as people, sum(score::float8) as score_sum,
         array_agg(id) filter (where is_stale) as stale_ids
  from current group by level_id, team, verdict`;
for (let i = 0; i < 8; i++) {
  let t = performance.now(); const r = (await h.db.execute(q)) as any; const a = performance.now() - t;
  t = performance.now(); await h.db.execute(sql`select count(*), sum(score) from ratings`); const b = performance.now() - t;
  console.log(r.rows.length, a.toFixed(1), b.toFixed(1));
}
await h.close();
