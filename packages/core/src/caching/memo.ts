/**
 * A dependency on everyone at once, for views over the whole organisation: any change anyone's data
 * drops the value. Cheaper than listing every person's id.
 */
export const ANY_CHANGE = "*any";

/** What a computation produced, and what it read: the people whose data it depends on, and until when it holds. */
export interface Remembered<V> {
  value: V;
  /**
   * Ids of the people whose rows the value was read from (or ANY_CHANGE). A change to any of them, or
   * to everyone, drops it.
   */
  dependsOn: readonly string[];
  /** When time alone makes the value wrong (a due date passing, a window moving). */
  validUntil?: Date | null;
  /** False for values not worth keeping, such as "no such token". Default true. */
  keep?: boolean;
}

/**
 * A per-process cache of reads that knows when the database changed under them. Values are shared
 * between callers: treat them as read-only.
 */
export interface Memo {
  remember<V>(key: string, compute: () => Promise<Remembered<V>>): Promise<V>;
  /**
   * Computes the entries among `keys` that are missing or stale in one go (a batch warm-up), and
   * keeps what `compute` returns for them.
   */
  rememberMany<V>(
    keys: readonly string[],
    compute: (stale: string[]) => Promise<Map<string, Remembered<V>>>,
  ): Promise<void>;
}

/** No caching at all: every read goes to the source. For tests of the services on their own. */
export const NO_MEMO: Memo = {
  remember: async (_key, compute) => (await compute()).value,
  rememberMany: async () => undefined,
};
