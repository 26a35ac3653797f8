import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, type DatabaseHandle } from "@ascent/db";
import { createScratchDatabase } from "@ascent/db/testing";
import { prepareDatabase } from "./apps/server/src/main.ts";

async function run(h: DatabaseHandle) {
  await prepareDatabase(h);
  const db = h.db;
  const fw = ((await db.execute(sql`select framework_id, version from framework_versions limit 1`)) as any).rows[0];
  const pid = randomUUID();
  await db.execute(sql`insert into people (id, name, email) values (${pid}, 'x', 'x@x')`);
  const N = 50000;
  const ids = Array.from({ length: N }, () => randomUUID());
  let t = performance.now();
  const lap = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(0)); t = n; };
  await db.transaction(async (tx) => {
    for (let i = 0; i < N; i += 5000) {
      const s = ids.slice(i, i + 5000);
      await tx.execute(sql`insert into assessments (id, subject_id, rater_id, relation, framework_id, framework_version, level_id, status, submitted_at)
        select a, ${pid}::uuid, ${pid}::uuid, 'self', ${fw.framework_id}::uuid, 1, 'pm', 'submitted', now() from unnest(${sql.param(s)}::uuid[]) a`);
    }
    lap("assessments");
    if (process.env.NOFK) await tx.execute(sql`alter table ratings drop constraint ratings_assessment_id_assessments_id_fk`);
    if (process.env.NOPK) await tx.execute(sql`alter table ratings drop constraint ratings_assessment_id_competency_id_pk`);
    const comps = Array.from({ length: 15 }, (_, i) => `c${i}`);
    if (process.env.COPY) { const csv = ids.flatMap((id) => comps.map((c, j) => `${id},${c},${j % 5 + 1}\n`)).join(""); lap("csv");
      const client = (h.db as any).$client; await client.query(`copy ratings (assessment_id, competency_id, score) from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) }); }
    else for (let i = 0; i < N; i += 5000) {
      const s = ids.slice(i, i + 5000);
      await tx.execute(sql`insert into ratings (assessment_id, competency_id, score)
        select a.id, (${sql.param(comps)}::text[])[s.position], s.score::real
        from unnest(${sql.param(s)}::uuid[], ${sql.param(s.map(() => "3,4,2,5,1,3,4,2,5,1,3,4,2,5,1"))}::text[]) as a(id, scores)
        cross join lateral unnest(string_to_array(a.scores, ',')) with ordinality as s(score, position)`);
    }
    lap("ratings");
    if (process.env.NOPK) await tx.execute(sql`alter table ratings add constraint ratings_assessment_id_competency_id_pk primary key (assessment_id, competency_id)`);
    lap("pk");
    if (process.env.NOFK) await tx.execute(sql`alter table ratings add constraint ratings_assessment_id_assessments_id_fk foreign key (assessment_id) references assessments(id) on delete cascade`);
    lap("fk");
  });
  lap("commit");
}
if (!process.env.PGONLY) { const pg = await openPglite("/tmp/synx/db" + Date.now()); await run(pg); await pg.close(); }
if (process.env.PG) { const s = await createScratchDatabase("postgres://postgres@127.0.0.1:55432/postgres");
const p = await openPostgres(s.url);
await run(p); await p.close(); await s.drop(); }
