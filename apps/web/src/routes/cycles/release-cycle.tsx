import type { TReviewCycle } from "@ascent/contract";
import { useId, useState } from "react";
import { useReleaseCycle } from "../../api/cycle-admin-queries.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { formatDay } from "./cycle-labels.ts";

/** Why the cycle cannot be released, or null when it can. */
function releaseBlocker(cycle: TReviewCycle): string | null {
  if (cycle.status === "released") {
    return `Released ${formatDay(cycle.releasedAt)}. A release cannot be undone or repeated.`;
  }
  if (cycle.status === "closed") return "This cycle is closed; its results can no longer be released.";
  return null;
}

/** An admin's release action: it says what release does and asks before doing it, once. */
export function ReleaseCycle({ cycle }: { cycle: TReviewCycle }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const release = useReleaseCycle(cycle.id);
  const reasonId = useId();
  const blocker = releaseBlocker(cycle);
  return (
    <section aria-labelledby="release-heading" className="section">
      <h2 id="release-heading">Release results</h2>
      <p id={reasonId} className="section__lead">
        {blocker ??
          "Release publishes the cycle's results to each person and their manager. Release once every phase you need is done."}
      </p>
      <p>
        <button
          type="button"
          className="button"
          disabled={blocker !== null}
          aria-describedby={blocker ? reasonId : undefined}
          onClick={() => {
            release.reset();
            setIsConfirming(true);
          }}
        >
          Release results…
        </button>
      </p>
      <ConfirmDialog
        isOpen={isConfirming}
        onClose={() => setIsConfirming(false)}
        title={`Release the results of “${cycle.name}”?`}
        confirmLabel="Release results"
        busyLabel="Releasing…"
        isBusy={release.isPending}
        error={release.error}
        onConfirm={() => release.mutate(undefined, { onSuccess: () => setIsConfirming(false) })}
      >
        <ul className="release-effects">
          <li>
            Each person&apos;s peer and upward answers in this cycle become one aggregate. An aggregate shows only when
            at least k people answered (the anonymity threshold); single answers are never shown.
          </li>
          <li>Calibrated ratings from closed calibration sessions become visible to each person and their manager.</li>
          <li>Readiness uses this cycle as its window, and each person gets a task to acknowledge their results.</li>
          <li>The phases stop changing. A release cannot be undone.</li>
        </ul>
      </ConfirmDialog>
    </section>
  );
}
