import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import {
  normalizeEmail,
  type NewPerson,
  type PeopleFilter,
  type PeopleRepository,
  type Person,
  type PersonPatch,
  type ReportRecord,
  type TitleOverride,
  type TitleOverrideRepository,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { resultRows } from "../migrate.ts";
import { people, titleOverrides } from "../schema/index.ts";

type PersonRow = typeof people.$inferSelect;

function toPerson(row: PersonRow): Person {
  return { ...row, status: row.status as Person["status"] };
}

/** Raw rows from a recursive query come back snake_cased and with string dates. */
function fromRawRow(raw: Record<string, unknown>): Person {
  return {
    id: String(raw.id),
    name: String(raw.name),
    email: String(raw.email),
    title: String(raw.title),
    levelId: (raw.level_id as string | null) ?? null,
    managerId: (raw.manager_id as string | null) ?? null,
    team: String(raw.team),
    status: raw.status as Person["status"],
    isDemo: Boolean(raw.is_demo),
    createdAt: new Date(raw.created_at as string),
    updatedAt: new Date(raw.updated_at as string),
  };
}

export class DrizzlePeopleRepository implements PeopleRepository {
  constructor(private readonly db: AppDatabase) {}

  async findById(id: string): Promise<Person | null> {
    const [row] = await this.db.select().from(people).where(eq(people.id, id));
    return row ? toPerson(row) : null;
  }

  async findByEmail(email: string): Promise<Person | null> {
    const [row] = await this.db
      .select()
      .from(people)
      .where(eq(people.email, normalizeEmail(email)));
    return row ? toPerson(row) : null;
  }

  async findByEmails(emails: string[]): Promise<Person[]> {
    if (emails.length === 0) return [];
    const rows = await this.db
      .select()
      .from(people)
      .where(inArray(people.email, emails.map(normalizeEmail)));
    return rows.map(toPerson);
  }

  async list(filter: PeopleFilter = {}): Promise<{ people: Person[]; total: number }> {
    const conditions: SQL[] = [];
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      const match = or(ilike(people.name, pattern), ilike(people.email, pattern), ilike(people.title, pattern));
      if (match) conditions.push(match);
    }
    if (filter.team) conditions.push(eq(people.team, filter.team));
    if (filter.levelId) conditions.push(eq(people.levelId, filter.levelId));
    if (filter.status) conditions.push(eq(people.status, filter.status));
    if (filter.ids) conditions.push(filter.ids.length ? inArray(people.id, filter.ids) : sql`false`);
    const where = conditions.length ? and(...conditions) : undefined;
    const [totalRow] = await this.db.select({ n: count() }).from(people).where(where);
    const rows = await this.db
      .select()
      .from(people)
      .where(where)
      .orderBy(asc(people.name), asc(people.email))
      .limit(filter.limit ?? 1000)
      .offset(filter.offset ?? 0);
    return { people: rows.map(toPerson), total: Number(totalRow?.n ?? 0) };
  }

  async create(person: NewPerson): Promise<Person> {
    const [row] = await this.db
      .insert(people)
      .values({ ...person, email: normalizeEmail(person.email) })
      .returning();
    if (!row) throw new Error("insert into people returned no row");
    return toPerson(row);
  }

  async update(id: string, patch: PersonPatch): Promise<Person> {
    const [row] = await this.db
      .update(people)
      .set({ ...patch, ...(patch.email ? { email: normalizeEmail(patch.email) } : {}), updatedAt: new Date() })
      .where(eq(people.id, id))
      .returning();
    if (!row) throw new Error(`person ${id} not found`);
    return toPerson(row);
  }

  async chainAbove(id: string): Promise<Person[]> {
    const result = await this.db.execute(sql`
      with recursive chain as (
        select p.*, 0 as depth from people p where p.id = ${id}
        union all
        select m.*, chain.depth + 1 from people m join chain on m.id = chain.manager_id where chain.depth < 100
      )
      select * from chain where depth > 0 order by depth`);
    return resultRows<Record<string, unknown>>(result).map(fromRawRow);
  }

  async reportsBelow(id: string): Promise<ReportRecord[]> {
    const result = await this.db.execute(sql`
      with recursive below as (
        select p.*, 1 as depth from people p where p.manager_id = ${id}
        union all
        select r.*, below.depth + 1 from people r join below on r.manager_id = below.id where below.depth < 100
      )
      select * from below order by depth, name`);
    return resultRows<Record<string, unknown>>(result).map((raw) => ({
      person: fromRawRow(raw),
      depth: Number(raw.depth),
    }));
  }

  async countAll(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(people);
    return Number(row?.n ?? 0);
  }

  async deleteDemo(): Promise<number> {
    const rows = await this.db.delete(people).where(eq(people.isDemo, true)).returning({ id: people.id });
    return rows.length;
  }
}

export class DrizzleTitleOverrideRepository implements TitleOverrideRepository {
  constructor(private readonly db: AppDatabase) {}

  async list(): Promise<TitleOverride[]> {
    return this.db
      .select({ title: titleOverrides.title, levelId: titleOverrides.levelId })
      .from(titleOverrides)
      .orderBy(asc(titleOverrides.title));
  }

  async upsert(override: TitleOverride, createdBy: string | null): Promise<void> {
    await this.db
      .insert(titleOverrides)
      .values({ ...override, createdBy })
      .onConflictDoUpdate({ target: titleOverrides.title, set: { levelId: override.levelId, createdBy } });
  }

  async remove(title: string): Promise<void> {
    await this.db.delete(titleOverrides).where(eq(titleOverrides.title, title));
  }
}
