import { createHash } from "node:crypto";
import { ANY_CHANGE } from "@ascent/core";

/** The NOTIFY channel the change triggers (migration 0004) write to. */
export const CHANGES_CHANNEL = "ascent_changes";
/** The payload that means "everyone's data may have changed". */
export const EVERYONE = "*";
/**
 * How many recent notifications are remembered to recognise the same one heard on another connection:
 * the copies arrive within milliseconds of each other, so a short memory is enough.
 */
const RECENT_NOTIFICATIONS = 2_000;

/**
 * What this process has heard of changes in the database, as positions in the order it heard them.
 * A cached read taken at position P is still good while nobody it depends on changed after P.
 *
 * While the feed is not listening (not yet subscribed, or the listening connection dropped and may
 * have missed notifications), nothing counts as unchanged, so caches fall through to the database.
 */
export class ChangeFeed {
  private position = 0;
  private everyoneChangedAt = 0;
  private readonly personChangedAt = new Map<string, number>();
  private listening = false;
  private readonly recent = new Set<string>();
  private readonly everyoneListeners = new Set<() => void>();

  get isListening(): boolean {
    return this.listening;
  }

  /** Where the feed is now: take it before reading, and keep it with what was read. */
  now(): number {
    return this.position;
  }

  /**
   * One notification's payload, "<transaction id>:<person ids separated by commas, or *>". The same
   * notification arrives once per listening connection: only the first counts.
   */
  apply(payload: string): void {
    // A payload can hold 150 ids: remember a digest of it, not the text.
    const digest = createHash("sha256").update(payload).digest("base64");
    if (this.recent.has(digest)) return;
    this.recent.add(digest);
    if (this.recent.size > RECENT_NOTIFICATIONS) this.recent.delete(this.recent.values().next().value as string);
    const people = payload.slice(payload.indexOf(":") + 1);
    if (people === EVERYONE || people === "") {
      this.markEveryoneChanged();
      return;
    }
    this.position += 1;
    for (const id of people.split(",")) this.personChangedAt.set(id, this.position);
  }

  private markEveryoneChanged(): void {
    this.position += 1;
    this.everyoneChangedAt = this.position;
    // Every earlier position is now stale anyway, so the per-person marks are no longer needed.
    this.personChangedAt.clear();
    for (const listener of this.everyoneListeners) listener();
  }

  setListening(isListening: boolean): void {
    if (isListening === this.listening) return;
    // Whatever happened while nobody listened is unknown: treat it as a change for everyone.
    this.markEveryoneChanged();
    this.listening = isListening;
  }

  isUnchangedSince(position: number, personIds: readonly string[]): boolean {
    if (!this.listening || this.everyoneChangedAt > position) return false;
    for (const id of personIds) {
      // Every change moves the position on, so any change at all since `position` shows in it.
      if (id === ANY_CHANGE ? this.position > position : (this.personChangedAt.get(id) ?? 0) > position) return false;
    }
    return true;
  }

  /** Calls `listener` after each change that concerns everyone (settings, a framework, a bulk import). */
  onEveryoneChanged(listener: () => void): () => void {
    this.everyoneListeners.add(listener);
    return () => this.everyoneListeners.delete(listener);
  }
}
