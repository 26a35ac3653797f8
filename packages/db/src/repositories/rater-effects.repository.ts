import { eq, sql } from "drizzle-orm";
import type { CycleRating, RaterEffectsRepository } from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { resultRows } from "../migrate.ts";
import { reviewCycles } from "../schema/index.ts";

/** A cycle's manager, peer and upward scores, for the rater-effects fit. */
export class DrizzleRaterEffectsRepository implements RaterEffectsRepository {
  constructor(private readonly db: AppDatabase) {}

  async cycleExists(cycleId: string): Promise<boolean> {
    const rows = await this.db.select({ id: reviewCycles.id }).from(reviewCycles).where(eq(reviewCycles.id, cycleId));
    return rows.length > 0;
  }

  async cycleRatings(cycleId: string): Promise<CycleRating[]> {
    // The latest submission per subject, rater and relation (a correction replaces what it corrects),
    // one row per assessment with its scores as parallel arrays. A peer's or report's id never leaves
    // the database: it becomes a key that is the same across the cycle's subjects, as the fit needs,
    // and means nothing outside it. An answer given through a feedback request counts only once the
    // request is released (closed, or past its due date), never live, and carries the request (its
    // release, latest per rater within it) and the k in force when it was released.
    // Like readiness, an answer by the subject, by someone in their management chain or by an admin never
    // counts, so the aggregate is the one readiness released.
    const result = await this.db.execute(sql`
      with recursive chain as (
        select p.id as subject_id, p.manager_id, 1 as depth
        from people p
        where p.manager_id is not null
          and p.id in (select subject_id from assessments where cycle_id = ${cycleId}::uuid)
        union all
        select chain.subject_id, m.manager_id, chain.depth + 1
        from chain join people m on m.id = chain.manager_id
        where m.manager_id is not null and chain.depth < 100
      )
      select a.rater_key, a.relation, a.subject_id, a.request_id, a.release_k, r.competency_ids, r.scores
      from (
        select distinct on (a.subject_id, a.rater_id, a.relation, a.feedback_request_id)
               a.id, a.subject_id, a.relation, f.id as request_id, f.release_k,
               case when a.relation = 'manager' then a.rater_id::text
                    else md5(a.rater_id::text || ':' || a.cycle_id::text) end as rater_key
        from assessments a
        left join feedback_requests f on f.id = a.feedback_request_id
        where a.cycle_id = ${cycleId}::uuid
          and a.status = 'submitted'
          and a.relation in ('manager', 'peer', 'upward')
          and (a.relation = 'manager'
               or ((f.id is null or f.closed_at is not null or f.due_at <= now())
                   and a.rater_id <> a.subject_id
                   and not exists (select 1 from chain c where c.subject_id = a.subject_id and c.manager_id = a.rater_id)
                   and not exists (select 1 from accounts ac where ac.person_id = a.rater_id and ac.is_admin)))
        order by a.subject_id, a.rater_id, a.relation, a.feedback_request_id, a.submitted_at desc, a.created_at desc
      ) a
      cross join lateral (
        select array_agg(r.competency_id) as competency_ids, array_agg(r.score) as scores
        from ratings r
        where r.assessment_id = a.id and r.score is not null
      ) r`);
    const out: CycleRating[] = [];
    for (const row of resultRows<Record<string, unknown>>(result)) {
      const competencyIds = (row.competency_ids as string[] | null) ?? [];
      const scores = (row.scores as number[] | null) ?? [];
      const raterId = String(row.rater_key);
      const relation = row.relation as CycleRating["relation"];
      const subjectId = String(row.subject_id);
      const release =
        row.request_id === null || row.request_id === undefined
          ? {}
          : {
              requestId: String(row.request_id),
              releaseK: row.release_k === null || row.release_k === undefined ? null : Number(row.release_k),
            };
      competencyIds.forEach((competencyId, index) =>
        out.push({ raterId, relation, subjectId, competencyId, score: Number(scores[index]), ...release }),
      );
    }
    return out;
  }
}
