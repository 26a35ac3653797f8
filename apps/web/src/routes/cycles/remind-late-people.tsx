import { useState } from "react";
import { useRemindLatePeople } from "../../api/reminder-queries.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";

const people = (n: number) => (n === 1 ? "1 person" : `${n} people`);

/** The remind list's action: admins send one reminder to each person who still has work, after confirming. */
export function RemindLatePeople({
  cycleId,
  reminders,
  isAdmin,
}: {
  cycleId: string;
  reminders: { total: number; late: number };
  isAdmin: boolean;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const remind = useRemindLatePeople(cycleId);
  const result = remind.data;
  return (
    <section aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Reminders</h2>
      <p>
        {reminders.total === 0
          ? "Nobody has unfinished work in an open phase."
          : `${reminders.total === 1 ? "1 task" : `${reminders.total} tasks`} in open phases are not done` +
            (reminders.late ? `, ${reminders.late} of them late.` : ".")}
      </p>
      {isAdmin && reminders.total > 0 && (
        <p>
          <button type="button" className="button" onClick={() => setIsConfirming(true)}>
            Remind the people with unfinished work…
          </button>
        </p>
      )}
      <p role="status">
        {result
          ? `Reminded ${people(result.reminded)}.` +
            (result.alreadyReminded ? ` ${people(result.alreadyReminded)} had been reminded today already.` : "")
          : ""}
      </p>
      <ConfirmDialog
        isOpen={isConfirming}
        onClose={() => setIsConfirming(false)}
        title="Send reminders?"
        confirmLabel="Send reminders"
        busyLabel="Sending…"
        tone="normal"
        isBusy={remind.isPending}
        error={remind.error}
        onConfirm={() => remind.mutate(undefined, { onSuccess: () => setIsConfirming(false) })}
      >
        Each person with unfinished work in this cycle gets one reminder listing it, in Ascent and by mail. Anyone
        already reminded about this cycle today is not reminded again.
      </ConfirmDialog>
    </section>
  );
}
