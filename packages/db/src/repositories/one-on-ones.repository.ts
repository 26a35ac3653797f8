import { and, asc, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import type {
  Agenda,
  HealthCheck,
  MentorAvailabilityRepository,
  NewHealthCheck,
  NewOneOnOne,
  OneOnOne,
  OneOnOnePatch,
  OneOnOneRepository,
  PrivateNote,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { collaborationHealthChecks, mentorOptOuts, oneOnOnePrivateNotes, oneOnOnes } from "../schema/index.ts";

type OneOnOneRow = typeof oneOnOnes.$inferSelect;

function toOneOnOne(row: OneOnOneRow): OneOnOne {
  return {
    id: row.id,
    leadId: row.leadId,
    reportId: row.reportId,
    scheduledAt: row.scheduledAt,
    agenda: row.agenda as Agenda,
    sharedNotes: row.sharedNotes,
    actionItems: row.actionItems,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The two people's 1:1s, whichever of them leads. */
function pairOf(a: string, b: string): SQL | undefined {
  return or(
    and(eq(oneOnOnes.leadId, a), eq(oneOnOnes.reportId, b)),
    and(eq(oneOnOnes.leadId, b), eq(oneOnOnes.reportId, a)),
  );
}

export class DrizzleOneOnOneRepository implements OneOnOneRepository {
  constructor(private readonly db: AppDatabase) {}

  async create(input: NewOneOnOne): Promise<OneOnOne> {
    const [row] = await this.db
      .insert(oneOnOnes)
      .values({ ...input, playbookId: input.agenda.playbook?.id ?? null })
      .returning();
    if (!row) throw new Error("insert into one_on_ones returned no row");
    return toOneOnOne(row);
  }

  async findById(id: string): Promise<OneOnOne | null> {
    const [row] = await this.db.select().from(oneOnOnes).where(eq(oneOnOnes.id, id));
    return row ? toOneOnOne(row) : null;
  }

  async listForPerson(personId: string, options: { withPersonId?: string } = {}): Promise<OneOnOne[]> {
    const where = options.withPersonId
      ? pairOf(personId, options.withPersonId)
      : or(eq(oneOnOnes.leadId, personId), eq(oneOnOnes.reportId, personId));
    const rows = await this.db
      .select()
      .from(oneOnOnes)
      .where(where)
      .orderBy(desc(oneOnOnes.scheduledAt), desc(oneOnOnes.createdAt));
    return rows.map(toOneOnOne);
  }

  async latestBefore(personA: string, personB: string, before: Date): Promise<OneOnOne | null> {
    const [row] = await this.db
      .select()
      .from(oneOnOnes)
      .where(and(pairOf(personA, personB), lt(oneOnOnes.scheduledAt, before)))
      .orderBy(desc(oneOnOnes.scheduledAt), desc(oneOnOnes.createdAt))
      .limit(1);
    return row ? toOneOnOne(row) : null;
  }

  async update(id: string, patch: OneOnOnePatch): Promise<OneOnOne> {
    const [row] = await this.db
      .update(oneOnOnes)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(oneOnOnes.id, id))
      .returning();
    if (!row) throw new Error(`1:1 ${id} not found`);
    return toOneOnOne(row);
  }

  async findPrivateNote(oneOnOneId: string, authorId: string): Promise<PrivateNote | null> {
    const [row] = await this.db
      .select()
      .from(oneOnOnePrivateNotes)
      .where(and(eq(oneOnOnePrivateNotes.oneOnOneId, oneOnOneId), eq(oneOnOnePrivateNotes.authorId, authorId)));
    return row ?? null;
  }

  async savePrivateNote(oneOnOneId: string, authorId: string, body: string): Promise<PrivateNote> {
    const updatedAt = new Date();
    const [row] = await this.db
      .insert(oneOnOnePrivateNotes)
      .values({ oneOnOneId, authorId, body, updatedAt })
      .onConflictDoUpdate({
        target: [oneOnOnePrivateNotes.oneOnOneId, oneOnOnePrivateNotes.authorId],
        set: { body, updatedAt },
      })
      .returning();
    if (!row) throw new Error("upsert into one_on_one_private_notes returned no row");
    return row;
  }

  async addHealthCheck(check: NewHealthCheck): Promise<HealthCheck> {
    const [row] = await this.db.insert(collaborationHealthChecks).values(check).returning();
    if (!row) throw new Error("insert into collaboration_health_checks returned no row");
    return row;
  }

  async listHealthChecks(oneOnOneIds: string[]): Promise<HealthCheck[]> {
    if (oneOnOneIds.length === 0) return [];
    return this.db
      .select()
      .from(collaborationHealthChecks)
      .where(inArray(collaborationHealthChecks.oneOnOneId, oneOnOneIds))
      .orderBy(asc(collaborationHealthChecks.at), asc(collaborationHealthChecks.id));
  }
}

/** Mentor opt-outs: one row per person who would rather not be suggested. */
export class DrizzleMentorAvailabilityRepository implements MentorAvailabilityRepository {
  constructor(private readonly db: AppDatabase) {}

  async isOptedOut(personId: string): Promise<boolean> {
    const [row] = await this.db.select().from(mentorOptOuts).where(eq(mentorOptOuts.personId, personId));
    return Boolean(row);
  }

  async setOptedOut(personId: string, isOptedOut: boolean): Promise<void> {
    if (isOptedOut) await this.db.insert(mentorOptOuts).values({ personId }).onConflictDoNothing();
    else await this.db.delete(mentorOptOuts).where(eq(mentorOptOuts.personId, personId));
  }

  async listOptedOut(personIds: string[]): Promise<string[]> {
    if (personIds.length === 0) return [];
    const rows = await this.db
      .select({ personId: mentorOptOuts.personId })
      .from(mentorOptOuts)
      .where(inArray(mentorOptOuts.personId, personIds));
    return rows.map((row) => row.personId);
  }
}
