import { and, asc, eq, gt, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import type {
  Assessment,
  AssessmentRepository,
  CarriedAssessment,
  FeedbackRequest,
  FeedbackRequestRepository,
  NewAssessment,
  Rating,
  Relation,
  SubmittedRating,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { resultRows } from "../migrate.ts";
import { assessments, feedbackRequestRaters, feedbackRequests, ratings } from "../schema/index.ts";

type AssessmentRow = typeof assessments.$inferSelect;

/** Assessments read and rewritten per transaction when a framework migration carries them forward. */
const CARRY_BATCH_SIZE = 500;
type RatingRow = typeof ratings.$inferSelect;

function toRating(row: RatingRow): Rating {
  return {
    competencyId: row.competencyId,
    score: row.score,
    evidence: row.evidence,
    confidence: row.confidence,
    evidenceIds: row.evidenceIds,
  };
}

export class DrizzleAssessmentRepository implements AssessmentRepository {
  constructor(private readonly db: AppDatabase) {}

  private async withRatings(rows: AssessmentRow[]): Promise<Assessment[]> {
    if (rows.length === 0) return [];
    const all = await this.db
      .select()
      .from(ratings)
      .where(
        inArray(
          ratings.assessmentId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(ratings.competencyId));
    return rows.map((row) => ({
      ...row,
      relation: row.relation as Relation,
      status: row.status as Assessment["status"],
      ratings: all.filter((r) => r.assessmentId === row.id).map(toRating),
    }));
  }

  async create(input: NewAssessment): Promise<Assessment> {
    return this.db.transaction(async (tx) => {
      const { ratings: initial, ...fields } = input;
      const [row] = await tx.insert(assessments).values(fields).returning();
      if (!row) throw new Error("insert into assessments returned no row");
      if (initial.length) await tx.insert(ratings).values(initial.map((r) => ({ ...r, assessmentId: row.id })));
      return { ...row, relation: row.relation as Relation, status: "draft" as const, ratings: initial };
    });
  }

  /**
   * Stores assessments that were submitted elsewhere (the demo's review round) in two statements:
   * one for the assessments, one for all their ratings. Returns their ids, in order.
   */
  async createSubmittedMany(input: (NewAssessment & { submittedAt: Date })[]): Promise<string[]> {
    if (input.length === 0) return [];
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .insert(assessments)
        .values(
          input.map(({ ratings: _, submittedAt, ...fields }) => ({
            ...fields,
            status: "submitted" as const,
            submittedAt,
            createdAt: submittedAt,
            updatedAt: submittedAt,
          })),
        )
        .returning({ id: assessments.id });
      const ids = rows.map((row) => row.id);
      const all = input.flatMap((assessment, i) =>
        assessment.ratings.map((rating) => ({ ...rating, assessmentId: ids[i] as string })),
      );
      for (let start = 0; start < all.length; start += 1000)
        await tx.insert(ratings).values(all.slice(start, start + 1000));
      return ids;
    });
  }

  async findById(id: string): Promise<Assessment | null> {
    const rows = await this.db.select().from(assessments).where(eq(assessments.id, id));
    return (await this.withRatings(rows))[0] ?? null;
  }

  async findDraft(
    subjectId: string,
    raterId: string,
    relation: Relation,
    feedbackRequestId: string | null,
  ): Promise<Assessment | null> {
    const rows = await this.db
      .select()
      .from(assessments)
      .where(
        and(
          eq(assessments.subjectId, subjectId),
          eq(assessments.raterId, raterId),
          eq(assessments.relation, relation),
          eq(assessments.status, "draft"),
          feedbackRequestId
            ? eq(assessments.feedbackRequestId, feedbackRequestId)
            : isNull(assessments.feedbackRequestId),
        ),
      );
    return (await this.withRatings(rows))[0] ?? null;
  }

  async saveRatings(id: string, next: Rating[]): Promise<Assessment> {
    await this.db.transaction(async (tx) => {
      await tx.delete(ratings).where(eq(ratings.assessmentId, id));
      if (next.length) await tx.insert(ratings).values(next.map((r) => ({ ...r, assessmentId: id })));
      await tx.update(assessments).set({ updatedAt: new Date() }).where(eq(assessments.id, id));
    });
    const saved = await this.findById(id);
    if (!saved) throw new Error(`assessment ${id} vanished`);
    return saved;
  }

  async markSubmitted(id: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(assessments)
      .set({ status: "submitted", submittedAt: at, updatedAt: at })
      .where(and(eq(assessments.id, id), eq(assessments.status, "draft")))
      .returning({ id: assessments.id });
    return rows.length === 1;
  }

  async listByRater(raterId: string): Promise<Assessment[]> {
    const rows = await this.db
      .select()
      .from(assessments)
      .where(eq(assessments.raterId, raterId))
      .orderBy(asc(assessments.createdAt));
    return this.withRatings(rows);
  }

  async listAttributedAbout(subjectId: string): Promise<Assessment[]> {
    const rows = await this.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.subjectId, subjectId), inArray(assessments.relation, ["self", "manager"])))
      .orderBy(asc(assessments.createdAt));
    return this.withRatings(rows);
  }

  async countableRatings(subjectIds: string[], now: Date): Promise<Map<string, SubmittedRating[]>> {
    const bySubject = new Map<string, SubmittedRating[]>(subjectIds.map((id) => [id, []]));
    if (subjectIds.length === 0) return bySubject;
    const nowIso = now.toISOString();
    // One row per assessment with its scores as two parallel arrays: 15× fewer rows to send and parse
    // than one per rating. The lateral subquery makes the ratings come from their primary key, where a
    // plain join lets the planner scan the whole ratings table for a batch of a few hundred people.
    // Anyone who can read the subject's aggregates (the subject and their management chain, as the org
    // chart stands now) never counts toward k: their own answer would let them subtract the others'.
    // Admins can read anyone's aggregates, so a peer or upward answer from someone who is an admin now
    // never counts either.
    const result = await this.db.execute(sql`
      with recursive chain as (
        select p.id as subject_id, p.manager_id, 1 as depth
        from people p
        where p.id = any(${sql.param(subjectIds)}::uuid[]) and p.manager_id is not null
        union all
        select chain.subject_id, m.manager_id, chain.depth + 1
        from chain join people m on m.id = chain.manager_id
        where m.manager_id is not null and chain.depth < 100
      )
      select a.id as assessment_id, a.subject_id, a.relation, a.released_at, a.rater_key, a.release_k,
             r.competency_ids, r.scores, r.comments
      from (
        select a.id, a.subject_id, a.relation, f.release_k,
               case when a.relation in ('peer', 'upward') then least(coalesce(f.closed_at, f.due_at), f.due_at)
                    else a.submitted_at end as released_at,
               case when a.relation in ('peer', 'upward') then md5(a.rater_id::text || ':' || a.subject_id::text)
                    else a.rater_id::text end as rater_key
        from assessments a
        left join feedback_requests f on f.id = a.feedback_request_id
        where a.subject_id = any(${sql.param(subjectIds)}::uuid[])
          and a.status = 'submitted'
          and (a.relation in ('self', 'manager')
               or (f.id is not null and (f.closed_at is not null or f.due_at <= ${nowIso}::timestamptz)
                   and a.rater_id <> a.subject_id
                   and not exists (select 1 from chain c where c.subject_id = a.subject_id and c.manager_id = a.rater_id)
                   and not exists (select 1 from accounts ac where ac.person_id = a.rater_id and ac.is_admin)))
      ) a
      cross join lateral (
        select array_agg(r.competency_id) as competency_ids, array_agg(r.score) as scores,
               case when a.relation in ('peer', 'upward') then array_agg(r.evidence) end as comments
        from ratings r
        where r.assessment_id = a.id and r.score is not null
      ) r`);
    for (const row of resultRows<Record<string, unknown>>(result)) {
      const own = bySubject.get(String(row.subject_id));
      const competencyIds = (row.competency_ids as string[] | null) ?? [];
      const scores = (row.scores as number[] | null) ?? [];
      const comments = row.comments as string[] | null;
      const releaseK = row.release_k === null || row.release_k === undefined ? null : Number(row.release_k);
      const submittedAt = new Date(row.released_at as string);
      competencyIds.forEach((competencyId, index) =>
        own?.push({
          assessmentId: String(row.assessment_id),
          raterId: String(row.rater_key),
          relation: row.relation as Relation,
          competencyId,
          score: Number(scores[index]),
          submittedAt,
          ...(comments ? { releaseK, comment: comments[index] ?? "" } : {}),
        }),
      );
    }
    return bySubject;
  }

  async carrySubmittedForward(
    frameworkId: string,
    versions: { from: number; to: number },
    carry: (assessment: Assessment) => CarriedAssessment | null,
  ): Promise<{ id: string; subjectId: string }[]> {
    const changed: { id: string; subjectId: string }[] = [];
    let after: string | undefined;
    for (;;) {
      const rows = await this.db
        .select()
        .from(assessments)
        .where(
          and(
            eq(assessments.frameworkId, frameworkId),
            eq(assessments.status, "submitted"),
            gte(assessments.frameworkVersion, versions.from),
            lt(assessments.frameworkVersion, versions.to),
            after === undefined ? undefined : gt(assessments.id, after),
          ),
        )
        .orderBy(asc(assessments.id))
        .limit(CARRY_BATCH_SIZE);
      if (rows.length === 0) return changed;
      after = rows.at(-1)?.id;
      const batch = (await this.withRatings(rows)).flatMap((assessment) => {
        const carried = carry(assessment);
        return carried ? [{ assessment, carried }] : [];
      });
      const written = await this.db.transaction(async (tx) => {
        const done: { id: string; subjectId: string }[] = [];
        for (const { assessment, carried } of batch) {
          const updated = await tx
            .update(assessments)
            .set({
              frameworkVersion: carried.frameworkVersion,
              levelId: carried.levelId,
              migratedFrom: carried.migratedFrom,
              updatedAt: new Date(),
            })
            .where(
              and(
                eq(assessments.id, assessment.id),
                eq(assessments.status, "submitted"),
                eq(assessments.frameworkVersion, assessment.frameworkVersion),
              ),
            )
            .returning({ id: assessments.id });
          if (updated.length === 0) continue;
          await tx.delete(ratings).where(eq(ratings.assessmentId, assessment.id));
          if (carried.ratings.length) {
            await tx.insert(ratings).values(carried.ratings.map((r) => ({ ...r, assessmentId: assessment.id })));
          }
          done.push({ id: assessment.id, subjectId: assessment.subjectId });
        }
        return done;
      });
      changed.push(...written);
    }
  }
}

type RequestRow = typeof feedbackRequests.$inferSelect;

export class DrizzleFeedbackRequestRepository implements FeedbackRequestRepository {
  constructor(private readonly db: AppDatabase) {}

  private async withRaters(rows: RequestRow[]): Promise<FeedbackRequest[]> {
    if (rows.length === 0) return [];
    const raters = await this.db
      .select()
      .from(feedbackRequestRaters)
      .where(
        inArray(
          feedbackRequestRaters.requestId,
          rows.map((r) => r.id),
        ),
      );
    return rows.map((row) => ({
      ...row,
      relation: row.relation as FeedbackRequest["relation"],
      raters: raters.filter((r) => r.requestId === row.id).map(({ raterId, answeredAt }) => ({ raterId, answeredAt })),
    }));
  }

  async create(
    request: Omit<FeedbackRequest, "id" | "createdAt" | "closedAt" | "raters">,
    raterIds: string[],
  ): Promise<FeedbackRequest> {
    const id = await this.db.transaction(async (tx) => {
      const [row] = await tx.insert(feedbackRequests).values(request).returning({ id: feedbackRequests.id });
      if (!row) throw new Error("insert into feedback_requests returned no row");
      await tx.insert(feedbackRequestRaters).values(raterIds.map((raterId) => ({ requestId: row.id, raterId })));
      return row.id;
    });
    const created = await this.findById(id);
    if (!created) throw new Error(`feedback request ${id} vanished`);
    return created;
  }

  /**
   * Stores requests that were asked, answered and closed elsewhere (the demo's review round) in two
   * statements: every named rater answered at `answeredAt`, and each request closed at `closedAt`.
   * Returns their ids, in order.
   */
  async createClosedMany(
    input: (Omit<FeedbackRequest, "id" | "createdAt" | "closedAt" | "raters"> & { raterIds: string[] })[],
    times: { createdAt: Date; answeredAt: Date; closedAt: Date },
  ): Promise<string[]> {
    if (input.length === 0) return [];
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .insert(feedbackRequests)
        .values(
          input.map(({ raterIds: _, ...request }) => ({
            ...request,
            createdAt: times.createdAt,
            closedAt: times.closedAt,
          })),
        )
        .returning({ id: feedbackRequests.id });
      const ids = rows.map((row) => row.id);
      await tx
        .insert(feedbackRequestRaters)
        .values(
          input.flatMap((request, i) =>
            request.raterIds.map((raterId) => ({ requestId: ids[i] as string, raterId, answeredAt: times.answeredAt })),
          ),
        );
      return ids;
    });
  }

  async findById(id: string): Promise<FeedbackRequest | null> {
    const rows = await this.db.select().from(feedbackRequests).where(eq(feedbackRequests.id, id));
    return (await this.withRaters(rows))[0] ?? null;
  }

  async listForSubject(subjectId: string): Promise<FeedbackRequest[]> {
    const rows = await this.db
      .select()
      .from(feedbackRequests)
      .where(eq(feedbackRequests.subjectId, subjectId))
      .orderBy(asc(feedbackRequests.createdAt));
    return this.withRaters(rows);
  }

  async listOpenForRater(raterId: string, now: Date): Promise<FeedbackRequest[]> {
    const rows = await this.db
      .select({ request: feedbackRequests })
      .from(feedbackRequests)
      .innerJoin(feedbackRequestRaters, eq(feedbackRequestRaters.requestId, feedbackRequests.id))
      .where(
        and(
          eq(feedbackRequestRaters.raterId, raterId),
          isNull(feedbackRequestRaters.answeredAt),
          isNull(feedbackRequests.closedAt),
          sql`${feedbackRequests.dueAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(asc(feedbackRequests.dueAt));
    return this.withRaters(rows.map((r) => r.request));
  }

  async openRequestsForRater(raterId: string, now: Date): Promise<Map<string, Date>> {
    const rows = await this.db
      .select({ subjectId: feedbackRequests.subjectId, dueAt: sql<string>`min(${feedbackRequests.dueAt})` })
      .from(feedbackRequests)
      .innerJoin(feedbackRequestRaters, eq(feedbackRequestRaters.requestId, feedbackRequests.id))
      .where(
        and(
          eq(feedbackRequestRaters.raterId, raterId),
          isNull(feedbackRequests.closedAt),
          sql`${feedbackRequests.dueAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .groupBy(feedbackRequests.subjectId);
    return new Map(rows.map((row) => [row.subjectId, new Date(row.dueAt)]));
  }

  async nextDueDates(subjectIds: string[], now: Date): Promise<Map<string, Date>> {
    if (subjectIds.length === 0) return new Map();
    const rows = await this.db
      .select({ subjectId: feedbackRequests.subjectId, dueAt: sql<string>`min(${feedbackRequests.dueAt})` })
      .from(feedbackRequests)
      .where(
        and(
          inArray(feedbackRequests.subjectId, subjectIds),
          isNull(feedbackRequests.closedAt),
          sql`${feedbackRequests.dueAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .groupBy(feedbackRequests.subjectId);
    return new Map(rows.map((row) => [row.subjectId, new Date(row.dueAt)]));
  }

  async markAnswered(requestId: string, raterId: string, at: Date): Promise<void> {
    await this.db
      .update(feedbackRequestRaters)
      .set({ answeredAt: at })
      .where(and(eq(feedbackRequestRaters.requestId, requestId), eq(feedbackRequestRaters.raterId, raterId)));
  }

  async addRaters(requestId: string, raterIds: string[]): Promise<void> {
    if (raterIds.length === 0) return;
    await this.db
      .insert(feedbackRequestRaters)
      .values(raterIds.map((raterId) => ({ requestId, raterId })))
      .onConflictDoNothing();
  }

  async close(requestId: string, at: Date, releaseK: number | null): Promise<void> {
    await this.db
      .update(feedbackRequests)
      .set({ closedAt: at, releaseK })
      .where(and(eq(feedbackRequests.id, requestId), isNull(feedbackRequests.closedAt)));
  }

  async recordReleaseThreshold(k: number, now: Date): Promise<number> {
    const rows = await this.db
      .update(feedbackRequests)
      .set({ releaseK: k })
      .where(
        and(
          isNull(feedbackRequests.releaseK),
          sql`(${feedbackRequests.closedAt} is not null or ${feedbackRequests.dueAt} <= ${now.toISOString()}::timestamptz)`,
        ),
      )
      .returning({ id: feedbackRequests.id });
    return rows.length;
  }
}
