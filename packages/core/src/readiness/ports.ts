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

export interface ReadinessSnapshotRepository {
  upsert(snapshot: ReadinessSnapshot): Promise<void>;
  /** Several people's snapshots in one write (batch recomputes). */
  upsertMany(snapshots: ReadinessSnapshot[]): Promise<void>;
  list(personIds?: string[]): Promise<ReadinessSnapshot[]>;
}

export interface SettingsRepository {
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown): Promise<void>;
}
