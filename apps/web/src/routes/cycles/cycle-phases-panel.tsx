import type { TReviewCycle } from "@ascent/contract";
import { useState, type FormEvent } from "react";
import { useClosePhase, useExtendPhase, useReopenPhase } from "../../api/cycle-admin-queries.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { FormField } from "../../ui/form-field.tsx";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { formatDay, PHASE_LABELS } from "./cycle-labels.ts";
import "./cycle-admin.css";

type Phase = TReviewCycle["phases"][number];

/** The calendar day of an instant, as a date input shows it (UTC, like the create form). */
const utcDay = (iso: string) => iso.slice(0, 10);

/** The new deadline: the chosen day at the time of day the phase was due until now. */
const deadlineOn = (day: string, current: string) => new Date(`${day}T${current.slice(11)}`);

/** What closing a phase stops, in the words of the people it affects. */
const CLOSING_EFFECTS: Record<Phase["kind"], string> = {
  self: "Self-assessments made from now on fall outside this cycle, and nobody is reminded to finish one.",
  nomination: "Nobody can propose peer or upward raters any more, and nobody is reminded to.",
  manager: "Manager assessments made from now on fall outside this cycle, and nobody is reminded to finish one.",
  calibration: "The phase is marked closed; calibration sessions keep their own open or closed state.",
  release: "The phase is marked closed; releasing the results stays possible.",
};

function phaseState(phase: Phase, cycle: TReviewCycle, now: Date): string {
  if (phase.closedAt) return `Closed ${formatDay(phase.closedAt)}`;
  // A released or closed cycle takes no more work in any phase, whatever the phase's own dates say.
  if (cycle.status === "released" || cycle.status === "closed") return `Over: the cycle is ${cycle.status}`;
  if (new Date(phase.opensAt) > now) return "Not open yet";
  return new Date(phase.dueAt) < now ? "Open, past its deadline" : "Open";
}

/** An admin's phase controls: each phase's dates and state, with extend, close and reopen. */
export function CyclePhasesPanel({ cycle }: { cycle: TReviewCycle }) {
  const [extending, setExtending] = useState<Phase | null>(null);
  const [closing, setClosing] = useState<Phase | null>(null);
  const [reopening, setReopening] = useState<Phase | null>(null);
  const [outcome, setOutcome] = useState("");
  const close = useClosePhase(cycle.id);
  const reopen = useReopenPhase(cycle.id);
  const isLocked = cycle.status === "released" || cycle.status === "closed";
  const now = new Date();

  const label = (phase: Phase) => PHASE_LABELS[phase.kind] ?? phase.kind;
  const startClosing = (phase: Phase) => {
    close.reset();
    setClosing(phase);
  };
  const startReopening = (phase: Phase) => {
    reopen.reset();
    setReopening(phase);
  };

  return (
    <section aria-labelledby="phases-heading" className="section">
      <h2 id="phases-heading">Phases</h2>
      <p className="section__lead">
        {isLocked
          ? `This cycle is ${cycle.status}: its phases no longer change.`
          : "Phases may overlap. A phase stays open until you close it; its deadline only decides who is late."}
      </p>
      <div className="table-card table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Each phase's dates and state</caption>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Opens</th>
              <th scope="col">Due</th>
              <th scope="col">State</th>
              {!isLocked && (
                <th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {cycle.phases.map((phase) => (
              <tr key={phase.kind}>
                <th scope="row" data-label="Phase">
                  {label(phase)}
                </th>
                <td data-label="Opens">{formatDay(phase.opensAt)}</td>
                <td data-label="Due">{formatDay(phase.dueAt)}</td>
                <td data-label="State">{phaseState(phase, cycle, now)}</td>
                {!isLocked && (
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => setExtending(phase)}
                      aria-label={`Extend the ${label(phase)} deadline…`}
                    >
                      Extend…
                    </button>
                    {phase.closedAt ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => startReopening(phase)}
                        aria-label={`Reopen the ${label(phase)} phase…`}
                      >
                        Reopen…
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => startClosing(phase)}
                        aria-label={`Close the ${label(phase)} phase…`}
                      >
                        Close…
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status" className="result-summary">
        {outcome}
      </p>
      <ExtendPhaseDialog
        cycleId={cycle.id}
        phase={extending}
        label={extending ? label(extending) : ""}
        onClose={() => setExtending(null)}
        onExtended={(dueAt) => extending && setOutcome(`The ${label(extending)} deadline is now ${formatDay(dueAt)}.`)}
      />
      <ConfirmDialog
        isOpen={closing !== null}
        onClose={() => setClosing(null)}
        title={closing ? `Close the ${label(closing)} phase?` : ""}
        confirmLabel="Close phase"
        busyLabel="Closing…"
        isBusy={close.isPending}
        error={close.error}
        onConfirm={() => {
          if (!closing) return;
          close.mutate(closing.kind, {
            onSuccess: () => {
              setOutcome(`The ${label(closing)} phase is closed.`);
              setClosing(null);
            },
          });
        }}
      >
        {closing && CLOSING_EFFECTS[closing.kind]} A connected team channel hears that it closed. You can reopen it
        until the cycle is released.
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={reopening !== null}
        onClose={() => setReopening(null)}
        title={reopening ? `Reopen the ${label(reopening)} phase?` : ""}
        confirmLabel="Reopen phase"
        busyLabel="Reopening…"
        tone="normal"
        isBusy={reopen.isPending}
        error={reopen.error}
        onConfirm={() => {
          if (!reopening) return;
          reopen.mutate(reopening.kind, {
            onSuccess: () => {
              setOutcome(`The ${label(reopening)} phase is open again.`);
              setReopening(null);
            },
          });
        }}
      >
        Work for this phase counts in the cycle again, and people whose part is unfinished show in the reminders. Check
        the deadline: if it has passed, everyone unfinished counts as late.
      </ConfirmDialog>
    </section>
  );
}

/** The dialog stays mounted so focus returns to the button that opened it; its form starts fresh each time. */
function ExtendPhaseDialog({
  cycleId,
  phase,
  label,
  onClose,
  onExtended,
}: {
  cycleId: string;
  phase: Phase | null;
  label: string;
  onClose: () => void;
  onExtended: (dueAt: string) => void;
}) {
  const extend = useExtendPhase(cycleId);
  return (
    <ModalDialog
      isOpen={phase !== null}
      onClose={onClose}
      title={`Extend the ${label} deadline`}
      description={
        phase
          ? `It opened ${formatDay(phase.opensAt)} and is due ${formatDay(phase.dueAt)}. ` +
            "The new deadline must come after it opens."
          : undefined
      }
      isBusy={extend.isPending}
    >
      {phase && <ExtendPhaseForm phase={phase} extend={extend} onClose={onClose} onExtended={onExtended} />}
    </ModalDialog>
  );
}

function ExtendPhaseForm({
  phase,
  extend,
  onClose,
  onExtended,
}: {
  phase: Phase;
  extend: ReturnType<typeof useExtendPhase>;
  onClose: () => void;
  onExtended: (dueAt: string) => void;
}) {
  const [day, setDay] = useState(utcDay(phase.dueAt));
  const [error, setError] = useState<string | undefined>();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const dueAt = day ? deadlineOn(day, phase.dueAt) : null;
    if (!dueAt || Number.isNaN(dueAt.getTime())) {
      setError("Choose the new deadline.");
      return;
    }
    if (dueAt <= new Date(phase.opensAt)) {
      setError(`The deadline must come after the phase opens (${formatDay(phase.opensAt)}).`);
      return;
    }
    setError(undefined);
    extend.mutate(
      { kind: phase.kind, dueAt: dueAt.toISOString() },
      {
        onSuccess: (cycle) => {
          onExtended(cycle.phases.find((p) => p.kind === phase.kind)?.dueAt ?? dueAt.toISOString());
          onClose();
        },
      },
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormField label="New deadline" error={error}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="date"
            min={utcDay(phase.opensAt)}
            value={day}
            onChange={(event) => setDay(event.target.value)}
            data-autofocus
          />
        )}
      </FormField>
      {extend.isError && (
        <p role="alert" className="form-error">
          {describeError(extend.error)}
        </p>
      )}
      <div className="modal-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={extend.isPending}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={extend.isPending}>
          {extend.isPending ? "Saving…" : "Save deadline"}
        </button>
      </div>
    </form>
  );
}
