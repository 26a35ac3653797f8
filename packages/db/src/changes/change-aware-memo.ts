import { LRUCache } from "lru-cache";
import type { Memo, Remembered } from "@ascent/core";
import type { ChangeFeed } from "./change-feed.ts";

interface Entry {
  value: unknown;
  position: number;
  dependsOn: readonly string[];
  validUntil: number;
}

/** What a memo starts with before it knows how large the organisation is. */
export const DEFAULT_MEMO_ENTRIES = 50_000;

export interface ChangeAwareMemoOptions {
  /** Most entries kept at first; the least recently used go first. growTo raises it. */
  maxEntries?: number;
  now?: () => number;
}

/** The Memo of DESIGN §7: kept per process, dropped when the change feed hears of a change it depends on. */
export class ChangeAwareMemo implements Memo {
  private entries: LRUCache<string, Entry>;
  private readonly now: () => number;

  constructor(
    private readonly feed: ChangeFeed,
    options: ChangeAwareMemoOptions = {},
  ) {
    this.entries = new LRUCache<string, Entry>({ max: options.maxEntries ?? DEFAULT_MEMO_ENTRIES });
    this.now = options.now ?? Date.now;
  }

  get maxEntries(): number {
    return this.entries.max;
  }

  /**
   * Raises the most entries kept, keeping what is there (a smaller figure changes nothing): the
   * server sizes the memo to its organisation once it has counted the people.
   */
  growTo(maxEntries: number): void {
    if (maxEntries <= this.entries.max) return;
    const grown = new LRUCache<string, Entry>({ max: maxEntries });
    grown.load(this.entries.dump());
    this.entries = grown;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Reads answered from memory and reads that had to compute, since the process started (for /metrics). */
  readonly lookups = { hits: 0, misses: 0 };

  private fresh(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      const isInTime = entry.validUntil === Infinity || entry.validUntil > this.now();
      if (isInTime && this.feed.isUnchangedSince(entry.position, entry.dependsOn)) {
        this.lookups.hits += 1;
        return entry;
      }
      this.entries.delete(key);
    }
    this.lookups.misses += 1;
    return undefined;
  }

  private keep(key: string, position: number, remembered: Remembered<unknown>): void {
    if (remembered.keep === false || !this.feed.isListening) return;
    const validUntil = remembered.validUntil?.getTime() ?? Infinity;
    // A value that changed while it was being read is kept at its start position, so the change
    // the feed heard in between marks it stale at once.
    this.entries.set(key, { value: remembered.value, position, dependsOn: remembered.dependsOn, validUntil });
  }

  remember<V>(key: string, compute: () => Promise<Remembered<V>>): Promise<V> {
    const hit = this.fresh(key);
    // Not an async function: a hit, the common case, costs one settled promise and nothing more.
    return hit ? Promise.resolve(hit.value as V) : this.computeAndKeep(key, compute);
  }

  private async computeAndKeep<V>(key: string, compute: () => Promise<Remembered<V>>): Promise<V> {
    const position = this.feed.now();
    const remembered = await compute();
    this.keep(key, position, remembered);
    return remembered.value;
  }

  async rememberMany<V>(
    keys: readonly string[],
    compute: (stale: string[]) => Promise<Map<string, Remembered<V>>>,
  ): Promise<void> {
    const stale = keys.filter((key) => !this.fresh(key));
    if (stale.length === 0) return;
    const position = this.feed.now();
    for (const [key, remembered] of await compute(stale)) this.keep(key, position, remembered);
  }
}
