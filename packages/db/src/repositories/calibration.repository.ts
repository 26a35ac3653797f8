import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type {
  CalibrationAdjustment,
  CalibrationRepository,
  CalibrationScope,
  CalibrationSession,
  CalibrationRating,
  FrozenPlacement,
  NewCalibrationAdjustment,
  NewCalibrationSession,
  NineBoxPlacement,
  Person,
  ReleasedCalibration,
  StoredPlacement,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { resultRows } from "../migrate.ts";
import {
  calibrationAdjustments,
  calibrationParticipants,
  calibrationPlacements,
  calibrationSessions,
  cycleParticipants,
  people,
  reviewCycles,
} from "../schema/index.ts";

type SessionRow = typeof calibrationSessions.$inferSelect;
type AdjustmentRow = typeof calibrationAdjustments.$inferSelect;

function toAdjustment(row: AdjustmentRow): CalibrationAdjustment {
  return {
    id: row.id,
    sessionId: row.sessionId,
    subjectId: row.subjectId,
    competencyId: row.competencyId,
    kind: row.kind,
    from: row.fromValue as CalibrationAdjustment["from"],
    to: row.toValue as CalibrationAdjustment["to"],
    reason: row.reason,
    by: row.by,
    at: row.at,
  };
}

export class DrizzleCalibrationRepository implements CalibrationRepository {
  constructor(private readonly db: AppDatabase) {}

  async cycleExists(cycleId: string): Promise<boolean> {
    const rows = await this.db.select({ id: reviewCycles.id }).from(reviewCycles).where(eq(reviewCycles.id, cycleId));
    return rows.length > 0;
  }

  async peopleInScope(scope: CalibrationScope): Promise<Person[]> {
    const conditions: SQL[] = [eq(people.status, "active")];
    if (scope.levelIds?.length) conditions.push(inArray(people.levelId, scope.levelIds));
    if (scope.teams?.length) conditions.push(inArray(people.team, scope.teams));
    if (scope.managerId) {
      conditions.push(sql`${people.id} in (
        with recursive below as (
          select p.id, 1 as depth from people p where p.manager_id = ${scope.managerId}
          union all
          select p.id, below.depth + 1 from people p join below on p.manager_id = below.id where below.depth < 100
        )
        select id from below)`);
    }
    const rows = await this.db
      .select()
      .from(people)
      .where(and(...conditions))
      .orderBy(asc(people.name), asc(people.id));
    return rows.map((row) => ({ ...row, status: row.status as Person["status"] }));
  }

  async createSession(session: NewCalibrationSession, at: Date): Promise<CalibrationSession> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(calibrationSessions)
        .values({
          cycleId: session.cycleId,
          name: session.name,
          scope: session.scope,
          facilitatorId: session.facilitatorId,
          guideline: session.guideline,
          createdBy: session.createdBy,
          createdAt: at,
        })
        .returning();
      if (!row) throw new Error("The calibration session was not stored");
      if (session.participantIds.length > 0) {
        await tx
          .insert(calibrationParticipants)
          .values(session.participantIds.map((personId) => ({ sessionId: row.id, personId })));
      }
      return this.toSession(row, session.participantIds);
    });
  }

  async findSession(id: string): Promise<CalibrationSession | null> {
    const [row] = await this.db.select().from(calibrationSessions).where(eq(calibrationSessions.id, id));
    if (!row) return null;
    return (await this.withParticipants([row]))[0] ?? null;
  }

  async listSessions(filter: { personId: string } | { all: true }): Promise<CalibrationSession[]> {
    const query = this.db.select().from(calibrationSessions);
    const rows =
      "all" in filter
        ? await query.orderBy(desc(calibrationSessions.createdAt))
        : await query
            .where(
              or(
                eq(calibrationSessions.facilitatorId, filter.personId),
                sql`exists (select 1 from calibration_participants cp
                            where cp.session_id = ${calibrationSessions.id} and cp.person_id = ${filter.personId})`,
              ),
            )
            .orderBy(desc(calibrationSessions.createdAt));
    return this.withParticipants(rows);
  }

  async cycleRatings(cycleId: string, subjectIds: string[]): Promise<CalibrationRating[]> {
    if (subjectIds.length === 0) return [];
    // The latest submitted assessment per subject and relation, then its scores as two arrays (as
    // countableRatings reads them): one row per assessment rather than one per rating.
    const result = await this.db.execute(sql`
      select a.subject_id, a.rater_id, a.relation, r.competency_ids, r.scores
      from (
        select distinct on (a.subject_id, a.relation) a.id, a.subject_id, a.rater_id, a.relation
        from assessments a
        where a.subject_id = any(${sql.param(subjectIds)}::uuid[])
          and a.status = 'submitted'
          and a.cycle_id = ${cycleId}
          and a.relation in ('self', 'manager')
        order by a.subject_id, a.relation, a.submitted_at desc, a.id
      ) a
      cross join lateral (
        select array_agg(r.competency_id) as competency_ids, array_agg(r.score) as scores
        from ratings r
        where r.assessment_id = a.id and r.score is not null
      ) r`);
    return resultRows<Record<string, unknown>>(result).flatMap((row) => {
      const scores = (row.scores as number[] | null) ?? [];
      return ((row.competency_ids as string[] | null) ?? []).map((competencyId, index) => ({
        subjectId: String(row.subject_id),
        raterId: String(row.rater_id),
        relation: row.relation as CalibrationRating["relation"],
        competencyId,
        score: Number(scores[index]),
      }));
    });
  }

  async adjustments(sessionId: string): Promise<CalibrationAdjustment[]> {
    const rows = await this.db
      .select()
      .from(calibrationAdjustments)
      .where(eq(calibrationAdjustments.sessionId, sessionId))
      .orderBy(asc(calibrationAdjustments.id));
    return rows.map(toAdjustment);
  }

  async adjustmentsAbout(subjectIds: string[]): Promise<CalibrationAdjustment[]> {
    if (subjectIds.length === 0) return [];
    const rows = await this.db
      .select()
      .from(calibrationAdjustments)
      .where(inArray(calibrationAdjustments.subjectId, subjectIds))
      .orderBy(desc(calibrationAdjustments.id));
    return rows.map(toAdjustment);
  }

  /**
   * For each subject, the rating adjustments of the last released cycle whose closed calibration
   * adjusted them, oldest first, with their manager in that cycle.
   */
  async releasedCalibrations(subjectIds: string[]): Promise<Map<string, ReleasedCalibration>> {
    const released = new Map<string, ReleasedCalibration & { cycleId: string }>();
    if (subjectIds.length === 0) return released;
    const rows = await this.db
      .select({ adjustment: calibrationAdjustments, cycleId: reviewCycles.id, managerId: cycleParticipants.managerId })
      .from(calibrationAdjustments)
      .innerJoin(calibrationSessions, eq(calibrationSessions.id, calibrationAdjustments.sessionId))
      .innerJoin(reviewCycles, eq(reviewCycles.id, calibrationSessions.cycleId))
      .leftJoin(
        cycleParticipants,
        and(
          eq(cycleParticipants.cycleId, reviewCycles.id),
          eq(cycleParticipants.personId, calibrationAdjustments.subjectId),
        ),
      )
      .where(
        and(
          inArray(calibrationAdjustments.subjectId, subjectIds),
          eq(calibrationAdjustments.kind, "rating"),
          eq(calibrationSessions.status, "closed"),
          eq(reviewCycles.status, "released"),
        ),
      )
      .orderBy(desc(reviewCycles.releasedAt), asc(calibrationAdjustments.id));
    for (const row of rows) {
      const subjectId = row.adjustment.subjectId;
      const entry = released.get(subjectId);
      // Rows come newest cycle first: an older cycle's adjustments are superseded by the newer release.
      if (entry && entry.cycleId !== row.cycleId) continue;
      if (entry) entry.adjustments.push(toAdjustment(row.adjustment));
      else {
        released.set(subjectId, {
          cycleId: row.cycleId,
          managerId: row.managerId,
          adjustments: [toAdjustment(row.adjustment)],
        });
      }
    }
    return released;
  }

  async placements(sessionId: string): Promise<StoredPlacement[]> {
    const rows = await this.db
      .select()
      .from(calibrationPlacements)
      .where(eq(calibrationPlacements.sessionId, sessionId));
    return rows.map((row) => ({
      subjectId: row.subjectId,
      performance: row.performance,
      potential: row.potential,
      calibrated:
        row.calibratedPerformance && row.calibratedPotential
          ? ({ performance: row.calibratedPerformance, potential: row.calibratedPotential } as NineBoxPlacement)
          : null,
      reason: row.reason,
      isFrozen: row.isFrozen,
    }));
  }

  async addAdjustment(
    adjustment: NewCalibrationAdjustment,
    box?: NineBoxPlacement,
  ): Promise<CalibrationAdjustment | null> {
    return this.db.transaction(async (tx) => {
      // Locks the session row: a close running at the same moment waits, or this sees it closed.
      const [open] = await tx
        .select({ id: calibrationSessions.id })
        .from(calibrationSessions)
        .where(and(eq(calibrationSessions.id, adjustment.sessionId), eq(calibrationSessions.status, "open")))
        .for("update");
      if (!open) return null;
      const [row] = await tx
        .insert(calibrationAdjustments)
        .values({
          sessionId: adjustment.sessionId,
          subjectId: adjustment.subjectId,
          competencyId: adjustment.competencyId,
          kind: adjustment.kind,
          fromValue: adjustment.from,
          toValue: adjustment.to,
          reason: adjustment.reason,
          by: adjustment.by,
          at: adjustment.at,
        })
        .returning();
      if (!row) return null;
      if (box) {
        const placement = {
          calibratedPerformance: box.performance,
          calibratedPotential: box.potential,
          reason: adjustment.reason,
          updatedAt: adjustment.at,
        };
        await tx
          .insert(calibrationPlacements)
          .values({ sessionId: adjustment.sessionId, subjectId: adjustment.subjectId, ...placement })
          .onConflictDoUpdate({
            target: [calibrationPlacements.sessionId, calibrationPlacements.subjectId],
            set: placement,
          });
      }
      return toAdjustment(row);
    });
  }

  async close(sessionId: string, by: string, at: Date, frozen: FrozenPlacement[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const closed = await tx
        .update(calibrationSessions)
        .set({ status: "closed", closedAt: at, closedBy: by })
        .where(and(eq(calibrationSessions.id, sessionId), eq(calibrationSessions.status, "open")))
        .returning({ id: calibrationSessions.id });
      if (closed.length === 0) return false;
      if (frozen.length > 0) {
        await tx
          .insert(calibrationPlacements)
          .values(frozen.map((p) => ({ sessionId, ...p, isFrozen: true, updatedAt: at })))
          .onConflictDoUpdate({
            target: [calibrationPlacements.sessionId, calibrationPlacements.subjectId],
            set: {
              performance: sql`excluded.performance`,
              potential: sql`excluded.potential`,
              isFrozen: true,
              updatedAt: at,
            },
          });
      }
      return true;
    });
  }

  private async withParticipants(rows: SessionRow[]): Promise<CalibrationSession[]> {
    if (rows.length === 0) return [];
    const participants = await this.db
      .select()
      .from(calibrationParticipants)
      .where(
        inArray(
          calibrationParticipants.sessionId,
          rows.map((r) => r.id),
        ),
      );
    return rows.map((row) =>
      this.toSession(
        row,
        participants.filter((p) => p.sessionId === row.id).map((p) => p.personId),
      ),
    );
  }

  private toSession(row: SessionRow, participantIds: string[]): CalibrationSession {
    return {
      id: row.id,
      cycleId: row.cycleId,
      name: row.name,
      scope: row.scope,
      facilitatorId: row.facilitatorId,
      participantIds: [...participantIds].sort(),
      status: row.status,
      guideline: row.guideline,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      closedAt: row.closedAt,
      closedBy: row.closedBy,
    };
  }
}
