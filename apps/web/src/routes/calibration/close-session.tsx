import { useState } from "react";
import { useCloseCalibrationSession } from "../../api/calibration-queries.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";

/** Closing freezes every calibrated rating and box; it cannot be undone, so it asks first. */
export function CloseSession({ sessionId, onClosed }: { sessionId: string; onClosed: () => void }) {
  const [isAsking, setIsAsking] = useState(false);
  const close = useCloseCalibrationSession(sessionId, onClosed);
  return (
    <section aria-labelledby="close-heading" className="section">
      <h2 id="close-heading">Close the session</h2>
      <p>
        When the group has agreed, close the session. Its calibrated ratings and boxes are then frozen, and release
        publishes them.
      </p>
      <button type="button" className="button button--danger" onClick={() => setIsAsking(true)}>
        Close the session…
      </button>
      <ConfirmDialog
        isOpen={isAsking}
        onClose={() => {
          setIsAsking(false);
          close.reset();
        }}
        title="Close this session?"
        confirmLabel="Close the session"
        busyLabel="Closing…"
        isBusy={close.isPending}
        error={close.error}
        onConfirm={() => close.mutate(undefined, { onSuccess: () => setIsAsking(false) })}
      >
        <p>This cannot be undone. Nobody can adjust a rating or move a person afterwards.</p>
      </ConfirmDialog>
    </section>
  );
}
