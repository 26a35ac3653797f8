import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import {
  AppError,
  normalizeEmail,
  type ImportedPersonRow,
  type LevelChange,
  type LevelHistoryEntry,
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
import { people, personLevelHistory, titleOverrides } from "../schema/index.ts";

type PersonRow = typeof people.$inferSelect;

const IMPORT_BATCH_SIZE = 1000;

/** An array as ONE bound parameter (`= any(…)`, `unnest(…)`): a batch is one statement with a few parameters. */
function textArray(values: readonly (string | null)[]): SQL {
  return sql`${sql.param(values)}::text[]`;
}

/**
 * Batches that never hold a person together with their manager, so that, rows given managers first,
 * every manager exists by the time their reports are inserted.
 */
function* managerFirstBatches(rows: Iterable<ImportedPersonRow>, size: number): Generator<ImportedPersonRow[]> {
  let batch: ImportedPersonRow[] = [];
  let emails = new Set<string>();
  for (const row of rows) {
    if (batch.length === size || (row.managerEmail && emails.has(normalizeEmail(row.managerEmail)))) {
      yield batch;
      batch = [];
      emails = new Set();
    }
    batch.push(row);
    emails.add(normalizeEmail(row.email));
  }
  if (batch.length > 0) yield batch;
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

  async create(person: NewPerson, levelChange?: LevelChange): Promise<Person> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(people)
        .values({ ...person, email: normalizeEmail(person.email) })
        .returning();
      if (!row) throw new Error("insert into people returned no row");
      // A first placement is recorded when the caller says why (an admin adding someone); seeds need not.
      if (row.levelId !== null && levelChange) await recordLevelChange(tx, row.id, null, row.levelId, levelChange);
      return toPerson(row);
    });
  }

  async update(id: string, patch: PersonPatch, levelChange?: LevelChange): Promise<Person> {
    return this.db.transaction(async (tx) => {
      const [before] =
        patch.levelId === undefined
          ? [undefined]
          : await tx.select({ levelId: people.levelId }).from(people).where(eq(people.id, id)).for("update");
      const [row] = await tx
        .update(people)
        .set({ ...patch, ...(patch.email ? { email: normalizeEmail(patch.email) } : {}), updatedAt: new Date() })
        .where(eq(people.id, id))
        .returning();
      if (!row) throw new Error(`person ${id} not found`);
      if (before && before.levelId !== row.levelId) {
        await recordLevelChange(tx, id, before.levelId, row.levelId, requireLevelChange(levelChange));
      }
      return toPerson(row);
    });
  }

  async levelHistory(personId: string): Promise<LevelHistoryEntry[]> {
    const rows = await this.db
      .select()
      .from(personLevelHistory)
      .where(eq(personLevelHistory.personId, personId))
      .orderBy(asc(personLevelHistory.effectiveAt), asc(personLevelHistory.recordedAt));
    return rows.map((row) => ({
      id: row.id,
      personId: row.personId,
      fromLevelId: row.fromLevelId,
      toLevelId: row.toLevelId,
      effectiveAt: row.effectiveAt,
      source: row.source,
      reason: row.reason,
      changedBy: row.changedBy,
      caseId: row.caseId,
    }));
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

  /** The ids of the managers above each of these people, nearest first, in one read. */
  async managerIdsAbove(personIds: string[]): Promise<Map<string, string[]>> {
    const above = new Map<string, string[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return above;
    const result = await this.db.execute(sql`
      with recursive chain as (
        select p.id as person_id, p.manager_id, 1 as depth
        from people p
        where p.id = any(${sql.param(personIds)}::uuid[]) and p.manager_id is not null
        union all
        select chain.person_id, m.manager_id, chain.depth + 1
        from chain join people m on m.id = chain.manager_id
        where m.manager_id is not null and chain.depth < 100
      )
      select person_id, manager_id from chain order by person_id, depth`);
    for (const row of resultRows<{ person_id: string; manager_id: string }>(result)) {
      above.get(String(row.person_id))?.push(String(row.manager_id));
    }
    return above;
  }

  /** Everyone's id and manager: the whole reporting structure in one read. */
  async managerLinks(): Promise<{ id: string; managerId: string | null }[]> {
    return this.db.select({ id: people.id, managerId: people.managerId }).from(people);
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
    const result = await this.db.execute(sql`
      select p.*, (select boss.email from people boss where boss.id = p.manager_id) as manager_email
      from unnest(${textArray(emails.map(normalizeEmail))}) as v(email)
      join lateral (select * from people where people.email = v.email) p on true`);
    return resultRows<Record<string, unknown>>(result).map((raw) => ({
      ...fromRawRow(raw),
      managerEmail: (raw.manager_email as string | null) ?? null,
    }));
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
   * Upserts in batches of multi-row INSERT … ON CONFLICT (email) DO UPDATE, each batch bound as a few
   * arrays, resolving each manager by email as it goes. A row whose manager did not exist yet (it came
   * later in `rows`) is linked in a second pass, once every row exists; given managers first, there
   * are next to none.
   */
  async upsertImport(
    rows: Iterable<ImportedPersonRow>,
    options: UpsertImportOptions = {},
  ): Promise<UpsertImportResult> {
    const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
    const { levelChange } = options;
    const levelChangeAt = levelChange ? sql`${levelChange.effectiveAt.toISOString()}::timestamptz` : sql`now()`;
    return this.db.transaction(async (tx) => {
      let written = 0;
      const unlinked: { email: string; managerEmail: string }[] = [];
      const relevelled: string[] = [];
      for (const batch of managerFirstBatches(rows, batchSize)) {
        const managerOf = new Map(batch.map((row) => [normalizeEmail(row.email), row.managerEmail]));
        // Every CTE reads the snapshot from before the statement, so `before` holds the old levels.
        const result = await tx.execute(sql`
          with before as (
            select email, level_id from people where email = any(${textArray([...managerOf.keys()])})
          ),
          upserted as (
          insert into people (email, name, title, team, level_id, manager_id)
          select v.email, v.name, v.title, v.team, v.level_id,
                 (select boss.id from people boss where boss.email = v.manager_email)
          from unnest(
            ${textArray([...managerOf.keys()])},
            ${textArray(batch.map((row) => row.name))},
            ${textArray(batch.map((row) => row.title))},
            ${textArray(batch.map((row) => row.team))},
            ${textArray(batch.map((row) => row.levelId))},
            ${textArray(batch.map((row) => (row.managerEmail ? normalizeEmail(row.managerEmail) : null)))}
          ) as v(email, name, title, team, level_id, manager_email)
          on conflict (email) do update set
            name = excluded.name, title = excluded.title, team = excluded.team,
            level_id = excluded.level_id, manager_id = excluded.manager_id, updated_at = now()
          where (people.name, people.title, people.team, people.level_id, people.manager_id)
            is distinct from (excluded.name, excluded.title, excluded.team, excluded.level_id, excluded.manager_id)
          returning people.id, people.email, people.level_id, people.manager_id
          ),
          history as (
            insert into person_level_history (person_id, from_level_id, to_level_id, effective_at, source, reason, changed_by)
            select u.id, b.level_id, u.level_id, ${levelChangeAt}, 'hris-import', ${levelChange?.reason ?? null},
                   ${levelChange?.actorId ?? null}::uuid
            from upserted u left join before b on b.email = u.email
            where u.level_id is distinct from b.level_id
            returning person_id, from_level_id
          )
          select email, manager_id, null::uuid as relevelled_id from upserted
          union all
          select null, null, person_id from history where from_level_id is not null`);
        type Row = { email: string | null; manager_id: string | null; relevelled_id: string | null };
        for (const row of resultRows<Row>(result)) {
          if (row.relevelled_id) {
            relevelled.push(row.relevelled_id);
            continue;
          }
          const managerEmail = row.email ? managerOf.get(row.email) : undefined;
          if (row.email && row.manager_id === null && managerEmail) unlinked.push({ email: row.email, managerEmail });
        }
        written += batch.length;
        options.onProgress?.(written);
      }
      // Fresh statistics, or the planner takes a table that just grew by 100k rows for a small one and
      // reads it sequentially. PGlite has no autovacuum to do it later either.
      if (written > 0) await tx.execute(sql`analyze people`);
      for (const batch of batchesOf(unlinked, batchSize)) await linkManagers(tx, batch);
      // Every row this transaction wrote carries its start time, now(), in updated_at; the new ones
      // in created_at too.
      const [counts] = resultRows<{ created: number; updated: number }>(
        await tx.execute(sql`
          select count(*) filter (where created_at = now())::int as created,
                 count(*) filter (where created_at <> now())::int as updated
          from people where updated_at = now()`),
      );
      const created = options.createdIdsLimit
        ? resultRows<{ id: string }>(
            await tx.execute(sql`
              select id from people where created_at = now() order by name, id limit ${options.createdIdsLimit}`),
          ).map((row) => row.id)
        : undefined;
      return {
        created: Number(counts?.created ?? 0),
        updated: Number(counts?.updated ?? 0),
        relevelledIds: relevelled,
        ...(created ? { createdIds: created } : {}),
      };
    });
  }
}

function requireLevelChange(levelChange: LevelChange | undefined): LevelChange {
  // A level that moves without a recorded reason is the silent change the level history exists to prevent.
  if (!levelChange) throw new Error("a change of level must say why (levelChange)");
  return levelChange;
}

async function recordLevelChange(
  tx: AppDatabase,
  personId: string,
  fromLevelId: string | null,
  toLevelId: string | null,
  change: LevelChange,
): Promise<void> {
  await tx.insert(personLevelHistory).values({
    personId,
    fromLevelId,
    toLevelId,
    effectiveAt: change.effectiveAt,
    source: change.source,
    reason: change.reason,
    changedBy: change.actorId,
    caseId: change.caseId ?? null,
  });
}

async function linkManagers(tx: AppDatabase, links: readonly { email: string; managerEmail: string }[]): Promise<void> {
  const emails = textArray(links.map((link) => link.email));
  const managerEmails = textArray(links.map((link) => normalizeEmail(link.managerEmail)));
  const missing = resultRows<{ email: string }>(
    await tx.execute(sql`
      select distinct v.email from unnest(${managerEmails}) as v(email)
      where not exists (select 1 from people m where m.email = v.email)
      limit 5`),
  );
  if (missing.length > 0) {
    const emailsMissing = missing.map((row) => row.email).join(", ");
    throw new AppError(
      "conflict",
      `The import names managers who are not in the people table (${emailsMissing}); nothing was written`,
    );
  }
  await tx.execute(sql`
    update people p set manager_id = boss.id, updated_at = now()
    from unnest(${emails}, ${managerEmails}) as v(email, manager_email)
    join people boss on boss.email = v.manager_email
    where p.email = v.email`);
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
