import { useCallback, useEffect, useRef, useState } from "react";

export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; error: unknown };

export interface Autosave<T> {
  state: SaveState;
  /** Queues a value; it is saved once changes pause for the delay. */
  schedule: (value: T) => void;
  /** Saves whatever is queued now, waiting for a save already running; false when the save failed. */
  flush: () => Promise<boolean>;
  /** True while something is queued or being saved. */
  hasUnsavedChanges: () => boolean;
}

/**
 * Debounced saving of the latest value only. Saves never overlap, so an older answer can never
 * land after a newer one; a failed value stays queued until the next change or an explicit flush.
 */
export function useAutosave<T>(save: (value: T) => Promise<unknown>, delayMs = 900): Autosave<T> {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const saveRef = useRef(save);
  const pending = useRef<{ value: T } | null>(null);
  const running = useRef<Promise<boolean> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const lastResult = useRef(true);

  useEffect(() => {
    saveRef.current = save;
  });

  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    for (;;) {
      if (running.current) {
        await running.current;
        continue;
      }
      const next = pending.current;
      if (!next) return lastResult.current;
      pending.current = null;
      setState({ kind: "saving" });
      running.current = saveRef
        .current(next.value)
        .then(
          () => {
            lastResult.current = true;
            if (!pending.current) setState({ kind: "saved" });
            return true;
          },
          (error: unknown) => {
            lastResult.current = false;
            pending.current ??= next;
            setState({ kind: "error", error });
            return false;
          },
        )
        .finally(() => {
          running.current = null;
        });
      if (!(await running.current)) return false;
    }
  }, []);

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      // "Saved" must not linger over a change that is not saved yet.
      setState({ kind: "saving" });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  const hasUnsavedChanges = useCallback(() => pending.current !== null || running.current !== null, []);

  // Leaving the page mid-pause still saves the last change.
  useEffect(
    () => () => {
      if (pending.current) void flush();
    },
    [flush],
  );

  return { state, schedule, flush, hasUnsavedChanges };
}
