import { LIMITS, type TGoal } from "@ascent/contract";
import { useId, useState, type FormEvent } from "react";
import { useCheckInGoal, useDeleteGoal, useUpdateGoal } from "../../api/goal-queries.ts";
import { type Ladder } from "../../api/ladder.ts";
import { Badge } from "../../ui/badge.tsx";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { FormField } from "../../ui/form-field.tsx";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { GoalDialog } from "./goal-dialog.tsx";
import { formatScore, isOverdue, progressOf } from "./goal-model.ts";

export function GoalCard({
  personId,
  goal,
  observed,
  ladder,
  onDeleted,
}: {
  personId: string;
  goal: TGoal;
  observed: number | null;
  ladder: Ladder;
  onDeleted: (title: string) => void;
}) {
  const headingId = useId();
  const update = useUpdateGoal(personId);
  const remove = useDeleteGoal(personId);
  const [isEditing, setIsEditing] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const [notice, setNotice] = useState("");
  const progress = progressOf(goal, observed, ladder.scale.min);
  const isActive = goal.status === "active";

  function toggleAction(actionId: string, isDone: boolean) {
    update.mutate({
      goalId: goal.id,
      body: { actions: goal.actions.map((a) => (a.id === actionId ? { ...a, isDone } : a)) },
    });
  }

  function setStatus(status: "active" | "dropped") {
    update.mutate(
      { goalId: goal.id, body: { status } },
      { onSuccess: () => setNotice(status === "dropped" ? "Goal dropped." : "Goal reopened.") },
    );
  }

  return (
    <article className={`goal-card goal-card--${goal.status}`} aria-labelledby={headingId}>
      <header className="goal-card__header">
        <div>
          <h3 id={headingId} className="goal-card__title">
            {goal.title}
          </h3>
          <p className="goal-card__competency">{goal.competencyName}</p>
        </div>
        <div className="goal-card__badges">
          <Badge tone={goal.status === "achieved" ? "success" : goal.status === "dropped" ? "neutral" : "accent"}>
            {goal.status === "achieved" ? "Achieved" : goal.status === "dropped" ? "Dropped" : "Active"}
          </Badge>
          <Badge tone="neutral">{goal.isSharedWithManager ? "Shared with your manager" : "Private"}</Badge>
          {isOverdue(goal) && <Badge tone="warning">Overdue</Badge>}
        </div>
      </header>

      <dl className="goal-facts">
        <div>
          <dt>Started at</dt>
          <dd>{goal.from === null ? "Not rated" : formatScore(goal.from)}</dd>
        </div>
        <div>
          <dt>Now</dt>
          <dd>{observed === null ? "Not rated" : formatScore(observed)}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd>{formatScore(goal.target)}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{goal.due ? <FormattedDate iso={goal.due} /> : "No date"}</dd>
        </div>
      </dl>
      <div className="goal-progress">
        <div
          className="goal-progress__bar"
          role="progressbar"
          aria-label={`Progress towards the target of ${goal.title}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress * 100)}
          aria-valuetext={
            observed === null
              ? "Not rated yet"
              : `${formatScore(observed)} of ${formatScore(goal.target)} (${Math.round(progress * 100)}% of the way)`
          }
        >
          <span style={{ width: `${progress * 100}%` }} />
        </div>
        {goal.achievedAt && (
          <p className="muted">
            Reached on <FormattedDate iso={goal.achievedAt} />.
          </p>
        )}
      </div>

      <section className="goal-card__section" aria-label={`Actions for ${goal.title}`}>
        <h4>Actions</h4>
        {goal.actions.length === 0 ? (
          <p className="muted">No actions yet. Use Edit to add the steps that will get you there.</p>
        ) : (
          <ul className="action-checklist">
            {goal.actions.map((action) => (
              <li key={action.id} className="checkbox">
                <input
                  id={`${goal.id}-${action.id}`}
                  type="checkbox"
                  checked={action.isDone}
                  disabled={update.isPending || !isActive}
                  onChange={(event) => toggleAction(action.id, event.target.checked)}
                />
                <label htmlFor={`${goal.id}-${action.id}`} className={action.isDone ? "is-done" : undefined}>
                  {action.text}
                </label>
              </li>
            ))}
          </ul>
        )}
      </section>

      <CheckIns personId={personId} goal={goal} />

      <div className="goal-card__footer">
        <p role="status" className="goal-card__notice">
          {notice}
        </p>
        {update.isError && (
          <p role="alert" className="form-error">
            {describeError(update.error)}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button button--small button--secondary" onClick={() => setIsEditing(true)}>
            Edit<span className="visually-hidden"> {goal.title}</span>
          </button>
          {goal.status === "active" && (
            <button
              type="button"
              className="button button--small button--secondary"
              disabled={update.isPending}
              onClick={() => setStatus("dropped")}
            >
              Drop<span className="visually-hidden"> {goal.title}</span>
            </button>
          )}
          {goal.status === "dropped" && (
            <button
              type="button"
              className="button button--small button--secondary"
              disabled={update.isPending}
              onClick={() => setStatus("active")}
            >
              Reopen<span className="visually-hidden"> {goal.title}</span>
            </button>
          )}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => {
              remove.reset();
              setIsDeleting(true);
            }}
          >
            Delete<span className="visually-hidden"> {goal.title}</span>
          </button>
        </div>
      </div>

      <GoalDialog
        personId={personId}
        goal={goal}
        ladder={ladder}
        isOpen={isEditing}
        onClose={() => setIsEditing(false)}
        onSaved={(warnings) => setNotice(warnings.length > 0 ? `Saved. ${warnings.join(" ")}` : "Goal saved.")}
      />
      <ConfirmDialog
        isOpen={isDeleting}
        onClose={() => setIsDeleting(false)}
        title="Delete this goal?"
        confirmLabel="Delete goal"
        busyLabel="Deleting…"
        isBusy={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(goal.id, {
            onSuccess: () => {
              setIsDeleting(false);
              onDeleted(goal.title);
            },
          })
        }
      >
        <p>
          “{goal.title}” and its {goal.checkIns.length} check-ins will be deleted for good. To stop working on it but
          keep its history, drop it instead.
        </p>
      </ConfirmDialog>
    </article>
  );
}

function CheckIns({ personId, goal }: { personId: string; goal: TGoal }) {
  const checkIn = useCheckInGoal(personId);
  const [note, setNote] = useState("");
  const [progress, setProgress] = useState("");
  const errors = fieldErrorsOf(checkIn.error);
  const newestFirst = [...goal.checkIns].sort((a, b) => b.at.localeCompare(a.at));

  function submit(event: FormEvent) {
    event.preventDefault();
    checkIn.mutate(
      {
        goalId: goal.id,
        body: { note, ...(progress.trim() === "" ? {} : { progress: Number(progress) }) },
      },
      {
        onSuccess: () => {
          setNote("");
          setProgress("");
        },
      },
    );
  }

  return (
    <section className="goal-card__section" aria-label={`Check-ins for ${goal.title}`}>
      <h4>Check-ins</h4>
      {newestFirst.length === 0 ? (
        <p className="muted">No check-ins yet. A short note every week or two keeps the goal moving.</p>
      ) : (
        <ol className="check-in-list">
          {newestFirst.map((entry) => (
            <li key={entry.id}>
              <span className="check-in-list__meta">
                <FormattedDate iso={entry.at} />
                {entry.progress !== null && ` · ${entry.progress}% along`}
              </span>
              <span className="check-in-list__note">{entry.note}</span>
            </li>
          ))}
        </ol>
      )}
      {goal.status === "active" && (
        <details className="check-in-form" open={checkIn.isError || undefined}>
          <summary>
            Add a check-in<span className="visually-hidden"> to {goal.title}</span>
          </summary>
          <form onSubmit={submit} noValidate className="form-stack">
            <FormField label="Progress note" error={errors.note}>
              {(control) => (
                <textarea
                  {...control}
                  className="input"
                  rows={2}
                  value={note}
                  onChange={(event) => setNote(event.target.value)}
                />
              )}
            </FormField>
            <FormField label="How far along, in percent" error={errors.progress} isOptional>
              {(control) => (
                <input
                  {...control}
                  className="input input--short"
                  type="number"
                  min={0}
                  max={LIMITS.percent}
                  value={progress}
                  onChange={(event) => setProgress(event.target.value)}
                />
              )}
            </FormField>
            {checkIn.isError && Object.keys(errors).length === 0 && (
              <p role="alert" className="form-error">
                {describeError(checkIn.error)}
              </p>
            )}
            <div>
              <button type="submit" className="button button--small" disabled={checkIn.isPending}>
                {checkIn.isPending ? "Saving…" : "Save check-in"}
              </button>
            </div>
          </form>
        </details>
      )}
      <p role="status" className="muted">
        {checkIn.isSuccess ? "Check-in saved." : ""}
      </p>
    </section>
  );
}
