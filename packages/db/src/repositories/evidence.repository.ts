import { and, desc, eq, inArray } from "drizzle-orm";
import type { Evidence, EvidencePatch, EvidenceRepository, NewEvidence } from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { evidence } from "../schema/index.ts";

export class DrizzleEvidenceRepository implements EvidenceRepository {
  constructor(private readonly db: AppDatabase) {}

  async create(input: NewEvidence): Promise<Evidence> {
    const [row] = await this.db.insert(evidence).values(input).returning();
    if (!row) throw new Error("insert into evidence returned no row");
    return row;
  }

  async findById(id: string): Promise<Evidence | null> {
    const [row] = await this.db.select().from(evidence).where(eq(evidence.id, id));
    return row ?? null;
  }

  async listForPerson(personId: string, options: { sharedOnly?: boolean } = {}): Promise<Evidence[]> {
    const where = options.sharedOnly
      ? and(eq(evidence.personId, personId), eq(evidence.isSharedWithManager, true))
      : eq(evidence.personId, personId);
    return this.db.select().from(evidence).where(where).orderBy(desc(evidence.date), desc(evidence.createdAt));
  }

  async listForPeople(personIds: string[], options: { sharedOnly?: boolean } = {}): Promise<Evidence[]> {
    if (personIds.length === 0) return [];
    const ofThesePeople = inArray(evidence.personId, personIds);
    const where = options.sharedOnly ? and(ofThesePeople, eq(evidence.isSharedWithManager, true)) : ofThesePeople;
    return this.db.select().from(evidence).where(where).orderBy(desc(evidence.date), desc(evidence.createdAt));
  }

  async update(id: string, patch: EvidencePatch): Promise<Evidence> {
    const [row] = await this.db
      .update(evidence)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(evidence.id, id))
      .returning();
    if (!row) throw new Error(`evidence ${id} not found`);
    return row;
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(evidence).where(eq(evidence.id, id));
  }
}
