import { and, asc, desc, eq, inArray, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import type {
  Acknowledgement,
  AssessmentProgress,
  CycleParticipant,
  CyclePhase,
  CycleRepository,
  CycleStatus,
  NewCycle,
  NewNomination,
  Nomination,
  NominationDecision,
  PhaseKind,
  PopulationCandidate,
  PopulationFilter,
  ReviewCycle,
} from "@ascent/core";
import { PHASE_KINDS } from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { analyzeAfterBulkInsert, packedRows } from "./bulk-reads.ts";
import {
  cycleAcknowledgements,
  cycleNominations,
  cycleParticipants,
  cyclePhases,
  people,
  reviewCycles,
} from "../schema/index.ts";

type CycleRow = typeof reviewCycles.$inferSelect;
type PhaseRow = typeof cyclePhases.$inferSelect;

/** The filter as stored: dates as ISO strings. */
function storedPopulation(filter: PopulationFilter): Record<string, unknown> {
  const { startedBefore, ...lists } = filter;
  return startedBefore ? { ...lists, startedBefore: startedBefore.toISOString() } : lists;
}

function readPopulation(stored: Record<string, unknown>): PopulationFilter {
  const { startedBefore, ...lists } = stored as Omit<PopulationFilter, "startedBefore"> & { startedBefore?: string };
  return startedBefore ? { ...lists, startedBefore: new Date(startedBefore) } : lists;
}

function toPhase(row: PhaseRow): CyclePhase {
  return { kind: row.kind, opensAt: row.opensAt, dueAt: row.dueAt, closedAt: row.closedAt };
}

function toCycle(row: CycleRow, phases: PhaseRow[]): ReviewCycle {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    population: readPopulation(row.population),
    frameworkVersion: row.frameworkVersion,
    nominationsMin: row.nominationsMin,
    nominationsMax: row.nominationsMax,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    closedAt: row.closedAt,
    releasedAt: row.releasedAt,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    phases: phases
      .filter((p) => p.cycleId === row.id)
      .sort((a, b) => PHASE_KINDS.indexOf(a.kind) - PHASE_KINDS.indexOf(b.kind))
      .map(toPhase),
  };
}

function toNomination(row: typeof cycleNominations.$inferSelect): Nomination {
  return { ...row };
}

/** True for everyone, or only for the given people. */
function onlyThese(column: SQL, only: { personIds: string[] } | undefined): SQL {
  return only ? sql`${column} = any(${sql.param(only.personIds)}::uuid[])` : sql`true`;
}

export class DrizzleCycleRepository implements CycleRepository {
  constructor(private readonly db: AppDatabase) {}

  private async withPhases(rows: CycleRow[]): Promise<ReviewCycle[]> {
    if (rows.length === 0) return [];
    const phases = await this.db
      .select()
      .from(cyclePhases)
      .where(
        inArray(
          cyclePhases.cycleId,
          rows.map((r) => r.id),
        ),
      );
    return rows.map((row) => toCycle(row, phases));
  }

  async create(
    cycle: NewCycle,
    phases: CyclePhase[],
    participants: Omit<CycleParticipant, "cycleId">[],
  ): Promise<ReviewCycle> {
    const id = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(reviewCycles)
        .values({ ...cycle, population: storedPopulation(cycle.population) })
        .returning({ id: reviewCycles.id });
      if (!row) throw new Error("insert into review_cycles returned no row");
      if (phases.length) await tx.insert(cyclePhases).values(phases.map((p) => ({ ...p, cycleId: row.id })));
      for (let i = 0; i < participants.length; i += 1000) {
        const batch = participants.slice(i, i + 1000).map((p) => ({ ...p, cycleId: row.id }));
        await tx.insert(cycleParticipants).values(batch);
      }
      return row.id;
    });
    await analyzeAfterBulkInsert(this.db, "cycle_participants", participants.length);
    const created = await this.findById(id);
    if (!created) throw new Error("created cycle not found");
    return created;
  }

  async findById(id: string): Promise<ReviewCycle | null> {
    const rows = await this.db.select().from(reviewCycles).where(eq(reviewCycles.id, id));
    return (await this.withPhases(rows))[0] ?? null;
  }

  async list(): Promise<ReviewCycle[]> {
    const rows = await this.db.select().from(reviewCycles).orderBy(desc(reviewCycles.startsAt), desc(reviewCycles.id));
    return this.withPhases(rows);
  }

  async updatePhase(
    cycleId: string,
    kind: PhaseKind,
    patch: Partial<Pick<CyclePhase, "dueAt" | "closedAt">>,
  ): Promise<void> {
    await this.db
      .update(cyclePhases)
      .set(patch)
      .where(and(eq(cyclePhases.cycleId, cycleId), eq(cyclePhases.kind, kind)));
  }

  async setStatus(cycleId: string, status: CycleStatus, at: Date): Promise<void> {
    const released = status === "released" ? { releasedAt: at, closedAt: at } : {};
    await this.db
      .update(reviewCycles)
      .set({ status, ...released })
      .where(eq(reviewCycles.id, cycleId));
  }

  /** When the cycle that closed last by `now` started; readiness's window begins there (DESIGN §4). */
  async lastClosedCycleStart(now: Date): Promise<Date | null> {
    const [row] = await this.db
      .select({ startsAt: reviewCycles.startsAt })
      .from(reviewCycles)
      .where(and(isNotNull(reviewCycles.closedAt), lte(reviewCycles.closedAt, now)))
      .orderBy(desc(reviewCycles.closedAt))
      .limit(1);
    return row?.startsAt ?? null;
  }

  async lastReleased(): Promise<ReviewCycle | null> {
    const rows = await this.db
      .select()
      .from(reviewCycles)
      .where(isNotNull(reviewCycles.releasedAt))
      .orderBy(desc(reviewCycles.releasedAt), desc(reviewCycles.id))
      .limit(1);
    return (await this.withPhases(rows))[0] ?? null;
  }

  async participants(cycleId: string, only?: { personIds: string[] }): Promise<CycleParticipant[]> {
    if (only?.personIds.length === 0) return [];
    const rows = await packedRows<[string, string | null, string, string | null]>(
      this.db,
      sql`select coalesce(json_agg(json_build_array(person_id, manager_id, joined_at, left_at)
                                   order by joined_at, person_id), '[]')::text as packed
          from cycle_participants
          where cycle_id = ${cycleId} and ${onlyThese(sql`person_id`, only)}`,
    );
    return rows.map(([personId, managerId, joinedAt, leftAt]) => ({
      cycleId,
      personId,
      managerId,
      joinedAt: new Date(joinedAt),
      leftAt: leftAt === null ? null : new Date(leftAt),
    }));
  }

  async participant(cycleId: string, personId: string): Promise<CycleParticipant | null> {
    const [row] = await this.db
      .select()
      .from(cycleParticipants)
      .where(and(eq(cycleParticipants.cycleId, cycleId), eq(cycleParticipants.personId, personId)));
    return row ?? null;
  }

  async participantNames(
    cycleId: string,
    only?: { personIds: string[] },
  ): Promise<Map<string, { name: string; team: string }>> {
    if (only?.personIds.length === 0) return new Map();
    const inCycle = sql`select person_id, manager_id from cycle_participants
                        where cycle_id = ${cycleId} and ${onlyThese(sql`person_id`, only)}`;
    const rows = await packedRows<[string, string, string]>(
      this.db,
      sql`select coalesce(json_agg(json_build_array(p.id, p.name, p.team)), '[]')::text as packed
          from people p
          where p.id in (select person_id from (${inCycle}) c)
             or p.id in (select manager_id from (${inCycle}) c where manager_id is not null)`,
    );
    return new Map(rows.map(([id, name, team]) => [id, { name, team }]));
  }

  async addParticipants(cycleId: string, participants: Omit<CycleParticipant, "cycleId">[]): Promise<void> {
    for (let i = 0; i < participants.length; i += 1000) {
      const batch = participants.slice(i, i + 1000).map((p) => ({ ...p, cycleId }));
      await this.db.insert(cycleParticipants).values(batch).onConflictDoNothing();
    }
    await analyzeAfterBulkInsert(this.db, "cycle_participants", participants.length);
  }

  async markLeft(cycleId: string, personIds: string[], at: Date): Promise<void> {
    if (personIds.length === 0) return;
    await this.db
      .update(cycleParticipants)
      .set({ leftAt: at })
      .where(and(eq(cycleParticipants.cycleId, cycleId), inArray(cycleParticipants.personId, personIds)));
  }

  async markRejoined(cycleId: string, personIds: string[]): Promise<void> {
    if (personIds.length === 0) return;
    await this.db
      .update(cycleParticipants)
      .set({ leftAt: null })
      .where(and(eq(cycleParticipants.cycleId, cycleId), inArray(cycleParticipants.personId, personIds)));
  }

  async cyclesOf(personId: string): Promise<{ cycle: ReviewCycle; participant: CycleParticipant }[]> {
    const rows = await this.db
      .select({ cycle: reviewCycles, participant: cycleParticipants })
      .from(cycleParticipants)
      .innerJoin(reviewCycles, eq(reviewCycles.id, cycleParticipants.cycleId))
      .where(eq(cycleParticipants.personId, personId))
      .orderBy(desc(reviewCycles.startsAt), desc(reviewCycles.id));
    const cycles = await this.withPhases(rows.map((r) => r.cycle));
    return rows.map((row, i) => ({ cycle: cycles[i]!, participant: row.participant }));
  }

  async populationCandidates(): Promise<PopulationCandidate[]> {
    return this.db
      .select({
        id: people.id,
        name: people.name,
        team: people.team,
        levelId: people.levelId,
        managerId: people.managerId,
        createdAt: people.createdAt,
      })
      .from(people)
      .where(eq(people.status, "active"))
      .orderBy(asc(people.name), asc(people.email));
  }

  async createNomination(nomination: NewNomination): Promise<Nomination> {
    const [row] = await this.db.insert(cycleNominations).values(nomination).returning();
    if (!row) throw new Error("insert into cycle_nominations returned no row");
    return toNomination(row);
  }

  async findNomination(id: string): Promise<Nomination | null> {
    const [row] = await this.db.select().from(cycleNominations).where(eq(cycleNominations.id, id));
    return row ? toNomination(row) : null;
  }

  async listNominations(
    cycleId: string,
    filter: { subjectIds?: string[]; nomineeId?: string } = {},
  ): Promise<Nomination[]> {
    const conditions = [eq(cycleNominations.cycleId, cycleId)];
    if (filter.subjectIds) {
      conditions.push(filter.subjectIds.length ? inArray(cycleNominations.subjectId, filter.subjectIds) : sql`false`);
    }
    if (filter.nomineeId) conditions.push(eq(cycleNominations.nomineeId, filter.nomineeId));
    const rows = await this.db
      .select()
      .from(cycleNominations)
      .where(and(...conditions))
      .orderBy(asc(cycleNominations.createdAt), asc(cycleNominations.id));
    return rows.map(toNomination);
  }

  async decideNomination(id: string, decision: NominationDecision): Promise<boolean> {
    const rows = await this.db
      .update(cycleNominations)
      .set(decision)
      .where(and(eq(cycleNominations.id, id), eq(cycleNominations.status, "proposed")))
      .returning({ id: cycleNominations.id });
    return rows.length === 1;
  }

  async acknowledge(acknowledgement: Acknowledgement): Promise<void> {
    await this.db
      .insert(cycleAcknowledgements)
      .values(acknowledgement)
      .onConflictDoUpdate({
        target: [cycleAcknowledgements.cycleId, cycleAcknowledgements.personId],
        set: { acknowledgedAt: acknowledgement.acknowledgedAt, comment: acknowledgement.comment },
      });
  }

  async acknowledgements(cycleId: string): Promise<Acknowledgement[]> {
    return this.db
      .select()
      .from(cycleAcknowledgements)
      .where(eq(cycleAcknowledgements.cycleId, cycleId))
      .orderBy(asc(cycleAcknowledgements.acknowledgedAt));
  }

  async assessmentProgress(
    cycleId: string,
    subjectIds: string[] | null,
    since: Date,
  ): Promise<Map<string, AssessmentProgress>> {
    const progress = new Map<string, AssessmentProgress>();
    if (subjectIds?.length === 0) return progress;
    // One entry per subject and relation: whether any of them is submitted. The whole cycle joins its
    // participants rather than sending thousands of ids.
    const subjects = subjectIds
      ? sql`a.subject_id = any(${sql.param(subjectIds)}::uuid[])`
      : sql`a.subject_id in (select person_id from cycle_participants
                             where cycle_id = ${cycleId} and left_at is null)`;
    const rows = await packedRows<[string, string, boolean]>(
      this.db,
      sql`select coalesce(json_agg(json_build_array(subject_id, relation, submitted)), '[]')::text as packed
          from (select a.subject_id, a.relation, bool_or(a.status = 'submitted') as submitted
                from assessments a
                where ${subjects} and a.relation in ('self', 'manager')
                  and (a.cycle_id = ${cycleId} or a.updated_at >= ${since.toISOString()}::timestamptz)
                group by a.subject_id, a.relation) grouped`,
    );
    for (const [subjectId, relation, isSubmitted] of rows) {
      if (relation !== "self" && relation !== "manager") continue;
      const entry = progress.get(subjectId) ?? { self: null, manager: null };
      entry[relation] = isSubmitted ? "submitted" : "draft";
      progress.set(subjectId, entry);
    }
    return progress;
  }
}
