import { randomUUID } from "node:crypto";
import { openPglite } from "@ascent/db";
import { prepareDatabase } from "./apps/server/src/main.ts";
const h = await openPglite("/tmp/synx/db" + Date.now());
await prepareDatabase(h);
const client = (h.db as any).$client;
const fw = (await client.query(`select framework_id, version from framework_versions limit 1`)).rows[0];
const pid = randomUUID();
await client.query(`insert into people (id, name, email) values ('${pid}', 'x', 'x@x')`);
const N = 50000;
const ids = Array.from({ length: N }, () => randomUUID());
const comps = Array.from({ length: 15 }, (_, i) => `c${i}`);
let t = performance.now();
const lap = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(0)); t = n; };
await client.transaction(async (tx: any) => {
  const acsv = ids.map((id) => `${id},${pid},${pid},self,${fw.framework_id},1,pm,submitted,2026-01-01T00:00:00Z\n`).join("");
  if (process.env.NOFK) { await tx.query(`alter table ratings drop constraint ratings_assessment_id_assessments_id_fk`); await tx.query(`alter table ratings drop constraint ratings_assessment_id_competency_id_pk`); }
  await tx.query(`copy assessments (id, subject_id, rater_id, relation, framework_id, framework_version, level_id, status, submitted_at) from '/dev/blob' with (format csv)`, [], { blob: new Blob([acsv]) });
  lap("assessments copy");
  const csv = ids.flatMap((id) => comps.map((c, j) => `${id},${c},${j % 5 + 1}\n`)).join("");
  lap("csv");
  await tx.query(`copy ratings (assessment_id, competency_id, score) from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
  lap("ratings copy");
  if (process.env.NOFK) { await tx.query(`alter table ratings add constraint ratings_assessment_id_competency_id_pk primary key (assessment_id, competency_id)`);
  await tx.query(`alter table ratings add constraint ratings_assessment_id_assessments_id_fk foreign key (assessment_id) references assessments(id) on delete cascade`); lap("constraints"); }
});
lap("commit");
await h.close();
