import { and, asc, desc, eq, inArray, isNull, lte, ne, or, type SQL } from "drizzle-orm";
import {
  AppError,
  type CaseComment,
  type CaseConflict,
  type CaseFilter,
  type CaseSection,
  type CaseStatus,
  type CaseVote,
  type Committee,
  type NewPromotionCase,
  type Outcome,
  type PromotionCase,
  type PromotionPacket,
  type PromotionRepository,
  type Vote,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import {
  people,
  promotionCases,
  promotionComments,
  promotionCommitteeMembers,
  promotionCommittees,
  promotionConflicts,
  promotionVotes,
} from "../schema/index.ts";

type CaseRow = typeof promotionCases.$inferSelect;

function toCase(row: CaseRow): PromotionCase {
  return {
    id: row.id,
    personId: row.personId,
    fromLevelId: row.fromLevelId,
    toLevelId: row.toLevelId,
    nominatedBy: row.nominatedBy,
    cycleId: row.cycleId,
    status: row.status,
    managerCase: row.managerCase as CaseSection[],
    packet: (row.packet as PromotionPacket | null) ?? null,
    committeeId: row.committeeId,
    submittedAt: row.submittedAt,
    outcome: row.outcome,
    rationale: row.rationale,
    effectiveDate: row.effectiveDate,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    appliedAt: row.appliedAt,
    createdAt: row.createdAt,
  };
}

/** Postgres' unique_violation, however the driver wraps it. */
function isUniqueViolation(error: unknown): boolean {
  for (let at: unknown = error; at && typeof at === "object"; at = (at as { cause?: unknown }).cause) {
    if ((at as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export class DrizzlePromotionRepository implements PromotionRepository {
  constructor(private readonly db: AppDatabase) {}

  async create(input: NewPromotionCase): Promise<PromotionCase> {
    try {
      const [row] = await this.db.insert(promotionCases).values(input).returning();
      if (!row) throw new Error("insert into promotion_cases returned no row");
      return toCase(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(
          "conflict",
          "This person already has an open promotion case; decide it before opening another",
        );
      }
      throw error;
    }
  }

  async find(id: string): Promise<PromotionCase | null> {
    const [row] = await this.db.select().from(promotionCases).where(eq(promotionCases.id, id));
    return row ? toCase(row) : null;
  }

  async list(filter: CaseFilter): Promise<PromotionCase[]> {
    const conditions: SQL[] = [];
    if (filter.status) conditions.push(eq(promotionCases.status, filter.status));
    if (filter.statuses) conditions.push(inArray(promotionCases.status, [...filter.statuses]));
    if (filter.personId) conditions.push(eq(promotionCases.personId, filter.personId));
    if (filter.cycleId) conditions.push(eq(promotionCases.cycleId, filter.cycleId));
    if (filter.toLevelId) conditions.push(eq(promotionCases.toLevelId, filter.toLevelId));
    if (filter.team) {
      conditions.push(
        inArray(
          promotionCases.personId,
          this.db.select({ id: people.id }).from(people).where(eq(people.team, filter.team)),
        ),
      );
    }
    if (filter.visibleTo) {
      const mine = filter.visibleTo;
      const committees = this.db
        .select({ id: promotionCommitteeMembers.committeeId })
        .from(promotionCommitteeMembers)
        .where(eq(promotionCommitteeMembers.personId, mine));
      const chaired = this.db
        .select({ id: promotionCommittees.id })
        .from(promotionCommittees)
        .where(eq(promotionCommittees.chairId, mine));
      conditions.push(
        or(
          eq(promotionCases.personId, mine),
          eq(promotionCases.nominatedBy, mine),
          and(
            ne(promotionCases.status, "draft"),
            or(inArray(promotionCases.committeeId, committees), inArray(promotionCases.committeeId, chaired)),
          ),
        ) as SQL,
      );
    }
    const rows = await this.db
      .select()
      .from(promotionCases)
      .where(and(...conditions))
      .orderBy(desc(promotionCases.createdAt), asc(promotionCases.id))
      .limit(filter.limit);
    return rows.map(toCase);
  }

  async saveManagerCase(id: string, sections: CaseSection[]): Promise<void> {
    await this.db
      .update(promotionCases)
      .set({ managerCase: sections })
      .where(and(eq(promotionCases.id, id), eq(promotionCases.status, "draft")));
  }

  async submit(id: string, change: { packet: PromotionPacket; committeeId: string; at: Date }): Promise<boolean> {
    const rows = await this.db
      .update(promotionCases)
      .set({ status: "submitted", packet: change.packet, committeeId: change.committeeId, submittedAt: change.at })
      .where(and(eq(promotionCases.id, id), eq(promotionCases.status, "draft")))
      .returning({ id: promotionCases.id });
    return rows.length === 1;
  }

  async setStatus(id: string, from: CaseStatus, to: CaseStatus): Promise<boolean> {
    const rows = await this.db
      .update(promotionCases)
      .set({ status: to })
      .where(and(eq(promotionCases.id, id), eq(promotionCases.status, from)))
      .returning({ id: promotionCases.id });
    return rows.length === 1;
  }

  async decide(
    id: string,
    decision: { outcome: Outcome; rationale: string; effectiveDate: string | null; by: string; at: Date },
  ): Promise<boolean> {
    const rows = await this.db
      .update(promotionCases)
      .set({
        status: "decided",
        outcome: decision.outcome,
        rationale: decision.rationale,
        effectiveDate: decision.effectiveDate,
        decidedBy: decision.by,
        decidedAt: decision.at,
      })
      .where(and(eq(promotionCases.id, id), inArray(promotionCases.status, ["submitted", "in-review"])))
      .returning({ id: promotionCases.id });
    return rows.length === 1;
  }

  async dueForLevelChange(day: string): Promise<PromotionCase[]> {
    const rows = await this.db
      .select()
      .from(promotionCases)
      .where(
        and(
          eq(promotionCases.outcome, "approved"),
          isNull(promotionCases.appliedAt),
          lte(promotionCases.effectiveDate, day),
        ),
      )
      .orderBy(asc(promotionCases.effectiveDate));
    return rows.map(toCase);
  }

  /** Claims the case: of two servers running the job at once, one applies it. */
  async markApplied(id: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(promotionCases)
      .set({ appliedAt: at })
      .where(and(eq(promotionCases.id, id), isNull(promotionCases.appliedAt)))
      .returning({ id: promotionCases.id });
    return rows.length === 1;
  }

  async votes(caseId: string): Promise<CaseVote[]> {
    const rows = await this.db
      .select()
      .from(promotionVotes)
      .where(eq(promotionVotes.caseId, caseId))
      .orderBy(asc(promotionVotes.at));
    return rows.map(({ memberId, vote, reason, at }) => ({ memberId, vote, reason, at }));
  }

  async castVote(caseId: string, vote: { memberId: string; vote: Vote; reason: string; at: Date }): Promise<void> {
    await this.db
      .insert(promotionVotes)
      .values({ caseId, ...vote })
      .onConflictDoUpdate({
        target: [promotionVotes.caseId, promotionVotes.memberId],
        set: { vote: vote.vote, reason: vote.reason, at: vote.at },
      });
  }

  async conflicts(caseId: string): Promise<CaseConflict[]> {
    const rows = await this.db.select().from(promotionConflicts).where(eq(promotionConflicts.caseId, caseId));
    return rows.map(({ memberId, note, at }) => ({ memberId, note, at }));
  }

  async declareConflict(caseId: string, conflict: CaseConflict): Promise<void> {
    await this.db
      .insert(promotionConflicts)
      .values({ caseId, ...conflict })
      .onConflictDoUpdate({
        target: [promotionConflicts.caseId, promotionConflicts.memberId],
        set: { note: conflict.note, at: conflict.at },
      });
  }

  async comments(caseId: string): Promise<CaseComment[]> {
    const rows = await this.db
      .select()
      .from(promotionComments)
      .where(eq(promotionComments.caseId, caseId))
      .orderBy(asc(promotionComments.at));
    return rows.map(({ id, authorId, body, at }) => ({ id, authorId, body, at }));
  }

  async addComment(caseId: string, comment: Omit<CaseComment, "id">): Promise<CaseComment> {
    const [row] = await this.db
      .insert(promotionComments)
      .values({ caseId, ...comment })
      .returning();
    if (!row) throw new Error("insert into promotion_comments returned no row");
    return { id: row.id, authorId: row.authorId, body: row.body, at: row.at };
  }

  async createCommittee(committee: Omit<Committee, "id">): Promise<Committee> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(promotionCommittees)
        .values({
          name: committee.name,
          minRank: committee.minRank,
          maxRank: committee.maxRank,
          team: committee.team,
          chairId: committee.chairId,
        })
        .returning();
      if (!row) throw new Error("insert into promotion_committees returned no row");
      const memberIds = [...new Set(committee.memberIds)];
      if (memberIds.length > 0) {
        await tx
          .insert(promotionCommitteeMembers)
          .values(memberIds.map((personId) => ({ committeeId: row.id, personId })));
      }
      return { ...committee, id: row.id, memberIds };
    });
  }

  async findCommittee(id: string): Promise<Committee | null> {
    return (await this.committees(eq(promotionCommittees.id, id)))[0] ?? null;
  }

  listCommittees(): Promise<Committee[]> {
    return this.committees();
  }

  private async committees(where?: SQL): Promise<Committee[]> {
    const rows = await this.db.select().from(promotionCommittees).where(where).orderBy(asc(promotionCommittees.name));
    if (rows.length === 0) return [];
    const members = await this.db
      .select()
      .from(promotionCommitteeMembers)
      .where(
        inArray(
          promotionCommitteeMembers.committeeId,
          rows.map((row) => row.id),
        ),
      );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      minRank: row.minRank,
      maxRank: row.maxRank,
      team: row.team,
      chairId: row.chairId,
      memberIds: members.filter((member) => member.committeeId === row.id).map((member) => member.personId),
    }));
  }
}
