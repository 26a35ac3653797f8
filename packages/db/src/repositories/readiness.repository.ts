import { eq, inArray, sql } from "drizzle-orm";
import type {
  CompetencyCell,
  ReadinessCell,
  ReadinessSnapshot,
  ReadinessSnapshotRepository,
  SettingsRepository,
  SnapshotFreshness,
  Verdict,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { resultRows } from "../migrate.ts";
import { readinessSnapshots, settings } from "../schema/index.ts";

export class DrizzleReadinessSnapshotRepository implements ReadinessSnapshotRepository {
  constructor(private readonly db: AppDatabase) {}

  async upsert(snapshot: ReadinessSnapshot): Promise<void> {
    const { personId: _personId, ...rest } = snapshot;
    await this.db
      .insert(readinessSnapshots)
      .values(snapshot)
      .onConflictDoUpdate({ target: readinessSnapshots.personId, set: rest });
  }

  async upsertMany(snapshots: ReadinessSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.db
      .insert(readinessSnapshots)
      .values(snapshots)
      .onConflictDoUpdate({
        target: readinessSnapshots.personId,
        set: {
          targetLevelId: sql`excluded.target_level_id`,
          score: sql`excluded.score`,
          verdict: sql`excluded.verdict`,
          observed: sql`excluded.observed`,
          computedAt: sql`excluded.computed_at`,
          validUntil: sql`excluded.valid_until`,
        },
      });
  }

  async list(personIds?: string[]): Promise<ReadinessSnapshot[]> {
    const query = this.db.select().from(readinessSnapshots);
    const rows = personIds ? await query.where(inArray(readinessSnapshots.personId, personIds)) : await query;
    return rows.map((row) => ({ ...row, verdict: row.verdict as Verdict }));
  }

  /** Every active, placed person with their snapshot (if any) and whether it is stale, as isSnapshotStale decides. */
  private currentSnapshots(freshness: SnapshotFreshness) {
    const levels = Object.keys(freshness.targetByLevel);
    const published = freshness.frameworkPublishedAt?.toISOString() ?? null;
    return sql`
      select p.id, p.level_id, p.team, s.verdict, s.score, s.observed,
             (s.person_id is null
              or s.target_level_id is distinct from coalesce(t.target, ${freshness.fallbackTarget})
              or s.valid_until <= ${freshness.now.toISOString()}::timestamptz
              or s.computed_at < ${published}::timestamptz) is true as is_stale
      from people p
      left join readiness_snapshots s on s.person_id = p.id
      left join unnest(${sql.param(levels)}::text[], ${sql.param(levels.map((l) => freshness.targetByLevel[l]))}::text[])
        as t(level_id, target) on t.level_id = p.level_id
      where p.status = 'active' and p.level_id is not null`;
  }

  async summarizeByLevelAndTeam(freshness: SnapshotFreshness): Promise<{ cells: ReadinessCell[]; staleIds: string[] }> {
    const result = await this.db.execute(sql`
      with current as (${this.currentSnapshots(freshness)})
      -- score::text::float8 is the number each driver hands to JavaScript for a real (its shortest
      -- decimal), so the sums agree with adding up the snapshots as list() returns them.
      select level_id, team, verdict, is_stale, count(*)::int as people, sum(score::text::float8) as score_sum,
             case when is_stale then array_agg(id::text) end as stale_ids
      from current
      group by level_id, team, verdict, is_stale`);
    const cells: ReadinessCell[] = [];
    const staleIds: string[] = [];
    for (const row of resultRows<Record<string, unknown>>(result)) {
      if (row.is_stale) staleIds.push(...(row.stale_ids as string[]));
      else {
        cells.push({
          levelId: String(row.level_id),
          team: String(row.team),
          verdict: row.verdict as Verdict,
          people: Number(row.people),
          scoreSum: Number(row.score_sum),
        });
      }
    }
    return { cells, staleIds };
  }

  async summarizeCompetencies(freshness: SnapshotFreshness): Promise<CompetencyCell[]> {
    const result = await this.db.execute(sql`
      with current as (${this.currentSnapshots(freshness)})
      select c.level_id, c.team, o.key as competency_id, count(*)::int as people,
             sum(o.value::text::float8) as observed_sum
      from current c
      cross join lateral jsonb_each(c.observed) o
      where not c.is_stale and jsonb_typeof(o.value) = 'number'
      group by c.level_id, c.team, o.key`);
    return resultRows<Record<string, unknown>>(result).map((row) => ({
      levelId: String(row.level_id),
      team: String(row.team),
      competencyId: String(row.competency_id),
      people: Number(row.people),
      observedSum: Number(row.observed_sum),
    }));
  }
}

export class DrizzleSettingsRepository implements SettingsRepository {
  constructor(private readonly db: AppDatabase) {}

  async get<T>(key: string): Promise<T | null> {
    const [row] = await this.db.select().from(settings).where(eq(settings.key, key));
    return row ? (row.value as T) : null;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
  }

  async remove(key: string): Promise<void> {
    await this.db.delete(settings).where(eq(settings.key, key));
  }
}
