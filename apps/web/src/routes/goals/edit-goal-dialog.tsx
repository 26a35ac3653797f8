import { LIMITS, type TGoal } from "@ascent/contract";
import { useState, type FormEvent } from "react";
import { useUpdateGoal } from "../../api/goal-queries.ts";
import { type Ladder } from "../../api/ladder.ts";
import { describeError } from "../../ui/describe-error.ts";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { FormField } from "../../ui/form-field.tsx";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { ActionsEditor, type ActionRow } from "./actions-editor.tsx";

export function EditGoalDialog({
  personId,
  goal,
  ladder,
  isOpen,
  onClose,
  onSaved,
}: {
  personId: string;
  goal: TGoal;
  ladder: Ladder;
  isOpen: boolean;
  onClose: () => void;
  onSaved: (warnings: string[]) => void;
}) {
  return (
    <ModalDialog
      isOpen={isOpen}
      onClose={onClose}
      title="Edit goal"
      description={`${goal.competencyName}: change the title, target, due date, actions or sharing.`}
      size="wide"
    >
      <EditGoalForm personId={personId} goal={goal} ladder={ladder} onClose={onClose} onSaved={onSaved} />
    </ModalDialog>
  );
}

function EditGoalForm({
  personId,
  goal,
  ladder,
  onClose,
  onSaved,
}: {
  personId: string;
  goal: TGoal;
  ladder: Ladder;
  onClose: () => void;
  onSaved: (warnings: string[]) => void;
}) {
  const update = useUpdateGoal(personId);
  const [title, setTitle] = useState(goal.title);
  const [target, setTarget] = useState(String(goal.target));
  const [due, setDue] = useState(goal.due ?? "");
  const [isShared, setIsShared] = useState(goal.isSharedWithManager);
  const [actions, setActions] = useState<ActionRow[]>(goal.actions.map((a) => ({ ...a, key: a.id })));
  const errors = fieldErrorsOf(update.error);
  const actionError = Object.entries(errors).find(([path]) => path.startsWith("actions"))?.[1];

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      {
        goalId: goal.id,
        body: {
          title,
          target: Number(target),
          due: due || null,
          isSharedWithManager: isShared,
          actions: actions.map(({ id, text, isDone }) => ({ ...(id ? { id } : {}), text, isDone })),
        },
      },
      {
        onSuccess: ({ warnings }) => {
          onSaved(warnings.map((w) => w.message));
          onClose();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <FormField label="Title" error={errors.title}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={title}
            maxLength={LIMITS.shortText}
            data-autofocus
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </FormField>
      <div className="form-row">
        <FormField
          label="Target"
          hint={`On the ladder's scale, ${ladder.scale.min} to ${ladder.scale.max}.`}
          error={errors.target}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="number"
              step={0.5}
              min={ladder.scale.min}
              max={ladder.scale.max}
              value={target}
              onChange={(event) => setTarget(event.target.value)}
            />
          )}
        </FormField>
        <FormField label="Due" error={errors.due} isOptional>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              value={due}
              onChange={(event) => setDue(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <ActionsEditor actions={actions} onChange={setActions} error={actionError} />
      <div className="checkbox">
        <input
          id={`${goal.id}-shared`}
          type="checkbox"
          checked={isShared}
          onChange={(event) => setIsShared(event.target.checked)}
        />
        <label htmlFor={`${goal.id}-shared`}>Share this goal with my manager</label>
      </div>
      {update.isError && (
        <p role="alert" className="form-error">
          {Object.keys(errors).length > 0 ? "Check the fields marked above." : describeError(update.error)}
        </p>
      )}
      <div className="modal-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={update.isPending}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save goal"}
        </button>
      </div>
    </form>
  );
}
