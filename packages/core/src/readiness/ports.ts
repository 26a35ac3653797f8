import type { Verdict } from "./readiness.ts";

export interface ReadinessSnapshot {
  personId: string;
  targetLevelId: string;
  score: number;
  verdict: Verdict;
  observed: Record<string, number | null>;
  computedAt: Date;
  validUntil: Date | null;
}

/** Active people at one level, in one team, with one verdict: the org views' unit, never one person. */
export interface ReadinessCell {
  levelId: string;
  team: string;
  verdict: Verdict;
  people: number;
  scoreSum: number;
}

/** Active people at one level, in one team, with an observed value for one competency, and its sum. */
export interface CompetencyCell {
  levelId: string;
  team: string;
  competencyId: string;
  people: number;
  observedSum: number;
}

/** What makes a stored snapshot stale, as isSnapshotStale decides it, in a form a query can apply. */
export interface SnapshotFreshness {
  /** The next level of each level of the ladder: the target a fresh snapshot has. */
  targetByLevel: Record<string, string>;
  /** The target of a person whose level the ladder does not have (its lowest level). */
  fallbackTarget: string;
  now: Date;
  frameworkPublishedAt: Date | null;
}

export interface ReadinessSnapshotRepository {
  upsert(snapshot: ReadinessSnapshot): Promise<void>;
  /** Several people's snapshots in one write (batch recomputes). */
  upsertMany(snapshots: ReadinessSnapshot[]): Promise<void>;
  list(personIds?: string[]): Promise<ReadinessSnapshot[]>;
  /**
   * The snapshots of every active, placed person, summed per level × team × verdict, and the ids of
   * the people whose snapshot is missing or stale (left out of the sums): the organisation in a few
   * hundred rows instead of one row per person.
   */
  summarizeByLevelAndTeam(freshness: SnapshotFreshness): Promise<{ cells: ReadinessCell[]; staleIds: string[] }>;
  /** The fresh snapshots' observed values summed per level × team × competency (stale ones left out). */
  summarizeCompetencies(freshness: SnapshotFreshness): Promise<CompetencyCell[]>;
}

export interface SettingsRepository {
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown): Promise<void>;
}

/**
 * The ids of the managers above each person. Who is in a person's chain decides whose answers count
 * toward k (none of theirs), so a kept result depends on every one of them.
 */
export interface ManagementChains {
  managerIdsAbove(personIds: string[]): Promise<Map<string, string[]>>;
}
