import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  AppError,
  normalizeEmail,
  type ImportedPersonRow,
  type ManagerLink,
  type NewPerson,
  type PeopleFilter,
  type PeopleImportRepository,
  type PeopleRepository,
  type Person,
  type PersonPatch,
  type PersonWithManagerEmail,
  type ReportRecord,
  type TitleOverride,
  type TitleOverrideRepository,
  type UpsertImportOptions,
  type UpsertImportResult,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { resultRows } from "../migrate.ts";
import { people, titleOverrides } from "../schema/index.ts";

type PersonRow = typeof people.$inferSelect;

const IMPORT_BATCH_SIZE = 1000;

/** An array as ONE bound parameter (`= any(…)`, `unnest(…)`): a batch is one statement with a few parameters. */
function textArray(values: readonly (string | null)[]): SQL {
  return sql`${sql.param(values)}::text[]`;
}

function* batchesOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

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

export class DrizzlePeopleRepository implements PeopleRepository, PeopleImportRepository {
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

  async findByEmailsWithManager(emails: string[]): Promise<PersonWithManagerEmail[]> {
    if (emails.length === 0) return [];
    const manager = alias(people, "manager");
    const rows = await this.db
      .select({ person: people, managerEmail: manager.email })
      .from(people)
      .leftJoin(manager, eq(manager.id, people.managerId))
      .where(sql`${people.email} = any(${textArray(emails.map(normalizeEmail))})`);
    return rows.map((row) => ({ ...toPerson(row.person), managerEmail: row.managerEmail }));
  }

  async findByNames(names: string[]): Promise<Person[]> {
    if (names.length === 0) return [];
    const keys = names.map((name) => name.trim().toLowerCase());
    const rows = await this.db
      .select()
      .from(people)
      .where(sql`lower(trim(${people.name})) = any(${textArray(keys)})`);
    return rows.map(toPerson);
  }

  async managerLinksFrom(emails: string[]): Promise<ManagerLink[]> {
    if (emails.length === 0) return [];
    // UNION (not UNION ALL) also stops the walk should the table ever hold a loop.
    const result = await this.db.execute(sql`
      with recursive up as (
        select p.id, p.email, p.manager_id from people p where p.email = any(${textArray(emails.map(normalizeEmail))})
        union
        select m.id, m.email, m.manager_id from people m join up on m.id = up.manager_id
      )
      select up.email, boss.email as manager_email from up left join people boss on boss.id = up.manager_id`);
    return resultRows<{ email: string; manager_email: string | null }>(result).map((row) => ({
      email: row.email,
      managerEmail: row.manager_email ?? null,
    }));
  }

  /**
   * Upserts in batches of multi-row INSERT … ON CONFLICT (email) DO UPDATE, each batch bound as a
   * few arrays, then links managers once every row exists. `rows` is iterated twice.
   */
  async upsertImport(
    rows: Iterable<ImportedPersonRow>,
    options: UpsertImportOptions = {},
  ): Promise<UpsertImportResult> {
    const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
    return this.db.transaction(async (tx) => {
      let written = 0;
      for (const batch of batchesOf(rows, batchSize)) {
        await tx.execute(sql`
          insert into people (email, name, title, team, level_id)
          select * from unnest(
            ${textArray(batch.map((row) => normalizeEmail(row.email)))},
            ${textArray(batch.map((row) => row.name))},
            ${textArray(batch.map((row) => row.title))},
            ${textArray(batch.map((row) => row.team))},
            ${textArray(batch.map((row) => row.levelId))}
          )
          on conflict (email) do update set
            name = excluded.name, title = excluded.title, team = excluded.team,
            level_id = excluded.level_id, updated_at = now()
          where (people.name, people.title, people.team, people.level_id)
            is distinct from (excluded.name, excluded.title, excluded.team, excluded.level_id)`);
        written += batch.length;
        options.onProgress?.(written);
      }
      for (const batch of batchesOf(rows, batchSize)) {
        const emails = textArray(batch.map((row) => normalizeEmail(row.email)));
        const managerEmails = textArray(batch.map((row) => (row.managerEmail ? normalizeEmail(row.managerEmail) : null)));
        const missing = resultRows<{ email: string }>(
          await tx.execute(sql`
            select distinct v.email from unnest(${managerEmails}) as v(email)
            where v.email is not null and not exists (select 1 from people m where m.email = v.email)
            limit 5`),
        );
        if (missing.length > 0) {
          throw new AppError(
            "conflict",
            `The import names managers who are not in the people table (${missing.map((row) => row.email).join(", ")}); nothing was written`,
          );
        }
        await tx.execute(sql`
          update people p set manager_id = boss.id, updated_at = now()
          from unnest(${emails}, ${managerEmails}) as v(email, manager_email)
          left join people boss on boss.email = v.manager_email
          where p.email = v.email and p.manager_id is distinct from boss.id`);
      }
      // Every row this transaction wrote carries its start time, now(), in updated_at; the new ones
      // in created_at too. Counting them here also covers rows whose only change was the manager.
      const [counts] = resultRows<{ created: number; updated: number }>(
        await tx.execute(sql`
          select count(*) filter (where created_at = now())::int as created,
                 count(*) filter (where created_at <> now())::int as updated
          from people where updated_at = now()`),
      );
      return { created: Number(counts?.created ?? 0), updated: Number(counts?.updated ?? 0) };
    });
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
