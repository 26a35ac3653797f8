import type { TOneOnOne } from "@ascent/contract";
import { useId, useState, type ReactNode } from "react";
import { usePrivateNotes, useSavePrivateNotes, useUpdateOneOnOne } from "../../api/one-on-one-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { useAutosave, type SaveState } from "../self-assessment/use-autosave.ts";

function sidesOf(meeting: TOneOnOne) {
  return meeting.viewerSide === "lead" ? { other: meeting.report } : { other: meeting.lead };
}

/** A notes box that saves itself once typing pauses, and says whether it has. */
function AutosavedNotes({
  label,
  description,
  initial,
  save,
  rows = 8,
}: {
  label: string;
  description: ReactNode;
  initial: string;
  save: (text: string) => Promise<unknown>;
  rows?: number;
}) {
  const id = useId();
  const [text, setText] = useState(initial);
  const autosave = useAutosave(save);
  return (
    <div className="notes-field">
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      <div id={`${id}-description`} className="notes-field__description">
        {description}
      </div>
      <textarea
        id={id}
        className="input notes-field__text"
        rows={rows}
        value={text}
        aria-describedby={`${id}-description ${id}-status`}
        onChange={(event) => {
          setText(event.target.value);
          autosave.schedule(event.target.value);
        }}
        onBlur={() => void autosave.flush()}
      />
      <SaveStatus id={`${id}-status`} state={autosave.state} onRetry={() => void autosave.flush()} />
    </div>
  );
}

function SaveStatus({ id, state, onRetry }: { id: string; state: SaveState; onRetry: () => void }) {
  if (state.kind === "error") {
    return (
      <div id={id} role="alert" className="save-status save-status--error">
        Not saved: {describeError(state.error)}{" "}
        <button type="button" className="button button--link" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <p id={id} role="status" className="save-status">
      {state.kind === "saving" ? "Saving…" : state.kind === "saved" ? "Saved." : ""}
    </p>
  );
}

export function SharedNotesSection({ meeting }: { meeting: TOneOnOne }) {
  const update = useUpdateOneOnOne(meeting.id);
  const { other } = sidesOf(meeting);
  return (
    <section className="card" aria-labelledby="shared-notes-heading">
      <h2 id="shared-notes-heading" className="card__title">
        Shared notes
      </h2>
      <AutosavedNotes
        label="Notes for both of you"
        description={<>Seen by you and {other.name} only. Saved as you type.</>}
        initial={meeting.sharedNotes}
        save={(sharedNotes) => update.mutateAsync({ sharedNotes })}
      />
    </section>
  );
}

function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1.5 1.5 0 0 0-1.5 1.5v6A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 12 6h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 5H6V4.5a2 2 0 1 1 4 0V6Z"
      />
    </svg>
  );
}

export function PrivateNotesSection({ meeting }: { meeting: TOneOnOne }) {
  const notes = usePrivateNotes(meeting.id);
  const save = useSavePrivateNotes(meeting.id);
  const { other } = sidesOf(meeting);
  return (
    <section className="card card--private" aria-labelledby="private-notes-heading">
      <h2 id="private-notes-heading" className="card__title">
        <LockIcon />
        My private notes
      </h2>
      {notes.isPending ? (
        <LoadingState label="Loading your private notes…" />
      ) : notes.isError ? (
        <ErrorState
          title="Your private notes could not be loaded"
          error={notes.error}
          onRetry={() => void notes.refetch()}
          isRetrying={notes.isFetching}
        />
      ) : (
        <AutosavedNotes
          label="Private notes"
          description={<strong>Only you can read these — not {other.name}, not an admin.</strong>}
          initial={notes.data.body}
          save={(body) => save.mutateAsync(body)}
          rows={5}
        />
      )}
    </section>
  );
}
