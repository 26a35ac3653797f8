import { eq, inArray, sql } from "drizzle-orm";
import type { ReadinessSnapshot, ReadinessSnapshotRepository, SettingsRepository, Verdict } from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { readinessSnapshots, settings } from "../schema/index.ts";

export class DrizzleReadinessSnapshotRepository implements ReadinessSnapshotRepository {
  constructor(private readonly db: AppDatabase) {}

  async upsert(snapshot: ReadinessSnapshot): Promise<void> {
    const { personId, ...rest } = snapshot;
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
}
