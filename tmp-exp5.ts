import { sql } from "drizzle-orm";
import { openPglite } from "@ascent/db";
const h = await openPglite("/tmp/synx/seeded");
await h.db.execute(sql`analyze`);
const all = ((await h.db.execute(sql`select id from people where email like $$%synthetic%$$ order by created_at`)) as any).rows.map((r: any) => r.id);
const V: Record<string, (ids: string[]) => any> = {
 orig: (ids) => sql`
      select a.id as assessment_id, a.subject_id, a.relation, r.competency_id, r.score,
             case when a.relation in ('peer', 'upward') then least(coalesce(f.closed_at, f.due_at), f.due_at)
                  else a.submitted_at end as released_at,
             case when a.relation in ('peer', 'upward') then md5(a.rater_id::text || ':' || a.subject_id::text)
                  else a.rater_id::text end as rater_key
      from assessments a
      join ratings r on r.assessment_id = a.id
      left join feedback_requests f on f.id = a.feedback_request_id
      where a.subject_id = any(${sql.param(ids)}::uuid[])
        and a.status = 'submitted'
        and r.score is not null
        and (a.relation in ('self', 'manager')
             or (f.id is not null and (f.closed_at is not null or f.due_at <= now())))`,
 lateral: (ids) => sql`
      select a.id as assessment_id, a.subject_id, a.relation, r.competency_id, r.score, a.released_at, a.rater_key
      from (
        select a.id, a.subject_id, a.relation,
             case when a.relation in ('peer', 'upward') then least(coalesce(f.closed_at, f.due_at), f.due_at)
                  else a.submitted_at end as released_at,
             case when a.relation in ('peer', 'upward') then md5(a.rater_id::text || ':' || a.subject_id::text)
                  else a.rater_id::text end as rater_key
        from assessments a
        left join feedback_requests f on f.id = a.feedback_request_id
        where a.subject_id = any(${sql.param(ids)}::uuid[])
          and a.status = 'submitted'
          and (a.relation in ('self', 'manager')
               or (f.id is not null and (f.closed_at is not null or f.due_at <= now())))
      ) a
      cross join lateral (select r.competency_id, r.score from ratings r where r.assessment_id = a.id and r.score is not null) r`,
 agg: (ids) => sql`
      select a.id as assessment_id, a.subject_id, a.relation, a.released_at, a.rater_key, r.competencies, r.scores
      from (
        select a.id, a.subject_id, a.relation,
             case when a.relation in ('peer', 'upward') then least(coalesce(f.closed_at, f.due_at), f.due_at)
                  else a.submitted_at end as released_at,
             case when a.relation in ('peer', 'upward') then md5(a.rater_id::text || ':' || a.subject_id::text)
                  else a.rater_id::text end as rater_key
        from assessments a
        left join feedback_requests f on f.id = a.feedback_request_id
        where a.subject_id = any(${sql.param(ids)}::uuid[])
          and a.status = 'submitted'
          and (a.relation in ('self', 'manager')
               or (f.id is not null and (f.closed_at is not null or f.due_at <= now())))
      ) a
      cross join lateral (select array_agg(r.competency_id) competencies, array_agg(r.score) scores from ratings r where r.assessment_id = a.id and r.score is not null) r`,
};
if (!process.env.SKIP) for (const size of [1, 500]) for (const [name, q] of Object.entries(V)) {
  const times: number[] = [];
  for (let i = 0; i < (size === 1 ? 200 : 5); i++) {
    const ids = size === 1 ? [all[(i * 37) % all.length]] : all.slice(i * size, (i + 1) * size);
    const t = performance.now(); const r = await h.db.execute(q(ids)) as any; times.push(performance.now() - t);
    if (i === 0) console.log(name, size, "rows", r.rows.length, String(JSON.stringify(r.rows[0])).slice(0, 200));
  }
  times.sort((a, b) => a - b);
  console.log(name, size, "median ms", times[times.length >> 1]!.toFixed(2));
}
await h.close();
const h2 = await openPglite("/tmp/synx/seeded");
const ids = all.slice(0, 500);
for (const name of ["lateral", "agg", "lateral", "agg"]) {
  const q = V[name]!(ids);
  const r = (await h2.db.execute(sql`explain analyze ${q}`)) as any;
  console.log(name, r.rows.slice(-2).map((x: any) => x["QUERY PLAN"]).join(" | "));
  const client = (h2.db as any).$client;
  const { sql: text, params } = (h2.db as any).dialect.sqlToQuery(q);
  let t = performance.now(); await client.query(text, params); console.log(name, "raw client", performance.now() - t);
  t = performance.now(); await client.query(text, params, { rowMode: "array" }); console.log(name, "raw client array", performance.now() - t);
}
await h2.close();
