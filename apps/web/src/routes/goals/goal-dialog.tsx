import { LIMITS, type TCreateGoalBody, type TGoal } from "@ascent/contract";
import { useId, useState, type FormEvent } from "react";
import { useReadiness } from "../../api/assessment-queries.ts";
import { useCreateGoal, useUpdateGoal } from "../../api/goal-queries.ts";
import { useLadder, type Ladder } from "../../api/ladder.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { ActionsEditor, type ActionRow } from "./actions-editor.tsx";
import { DueField, GapFields, gapsOf, GoalFormFooter, ShareField, TargetField } from "./goal-fields.tsx";

interface DialogBase {
  personId: string;
  isOpen: boolean;
  onClose: () => void;
}

/** A new goal: from a readiness gap or an own target. */
interface NewGoal extends DialogBase {
  goal?: undefined;
  onCreated: (title: string) => void;
}

/** An existing goal: title, target, due date, actions and sharing. */
interface EditedGoal extends DialogBase {
  goal: TGoal;
  ladder: Ladder;
  /** The API's warnings, e.g. that the due date is past. */
  onSaved: (warnings: string[]) => void;
}

export type GoalDialogProps = NewGoal | EditedGoal;

/** The one goal dialog, for a new goal and for editing one. */
export function GoalDialog(props: GoalDialogProps) {
  const { isOpen, onClose, personId } = props;
  return (
    <ModalDialog
      isOpen={isOpen}
      onClose={onClose}
      title={props.goal ? "Edit goal" : "New goal"}
      description={
        props.goal
          ? `${props.goal.competencyName}: change the title, target, due date, actions or sharing.`
          : "Start from a gap in your readiness (the target is what the level expects) or set your own target."
      }
      size="wide"
    >
      {props.goal ? (
        <EditGoalForm
          personId={personId}
          goal={props.goal}
          ladder={props.ladder}
          onClose={onClose}
          onSaved={props.onSaved}
        />
      ) : (
        <NewGoalForm personId={personId} onClose={onClose} onCreated={props.onCreated} />
      )}
    </ModalDialog>
  );
}

function TitleField({
  value,
  onChange,
  error,
  hint,
  isOptional,
  isAutofocused,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint?: string;
  isOptional?: boolean;
  isAutofocused?: boolean;
}) {
  return (
    <FormField label="Title" hint={hint} error={error} isOptional={isOptional}>
      {(control) => (
        <input
          {...control}
          className="input"
          value={value}
          maxLength={LIMITS.shortText}
          data-autofocus={isAutofocused || undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

function NewGoalForm({
  personId,
  onClose,
  onCreated,
}: {
  personId: string;
  onClose: () => void;
  onCreated: (title: string) => void;
}) {
  const modeName = useId();
  const [mode, setMode] = useState<"gap" | "explicit">("gap");
  const [targetLevelId, setTargetLevelId] = useState<string | undefined>(undefined);
  const [competencyId, setCompetencyId] = useState("");
  const [target, setTarget] = useState("");
  const [title, setTitle] = useState("");
  const [due, setDue] = useState("");
  const [isShared, setIsShared] = useState(true);
  const readiness = useReadiness(personId, targetLevelId);
  const ladder = useLadder();
  const create = useCreateGoal(personId);
  const errors = fieldErrorsOf(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const shared = { ...(due ? { due } : {}), isSharedWithManager: isShared };
    const body: TCreateGoalBody =
      mode === "gap"
        ? { competencyId, ...(readiness.data ? { targetLevelId: readiness.data.targetLevel.id } : {}), ...shared }
        : {
            competencyId,
            ...(target.trim() ? { target: Number(target) } : {}),
            ...(title.trim() ? { title: title.trim() } : {}),
            ...shared,
          };
    create.mutate(body, {
      onSuccess: ({ goal }) => {
        onCreated(goal.title);
        onClose();
      },
    });
  }

  function switchTo(next: "gap" | "explicit") {
    setMode(next);
    setCompetencyId("");
  }

  if (readiness.isPending || ladder.isPending) return <LoadingState label="Loading your readiness…" />;
  if (readiness.isError || ladder.isError || !ladder.ladder) {
    return (
      <ErrorState
        title="Your readiness could not be loaded"
        error={readiness.error ?? ladder.error}
        onRetry={() => void Promise.all([readiness.refetch(), ladder.refetch()])}
        isRetrying={readiness.isFetching || ladder.isFetching}
      />
    );
  }
  const levelName = readiness.data.targetLevel.name;
  const ladderData = ladder.ladder;

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <fieldset className="mode-switch">
        <legend className="form-field__label">How to set the goal</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={modeName}
            checked={mode === "gap"}
            onChange={() => switchTo("gap")}
            data-autofocus
          />
          From a gap in my readiness
        </label>
        <label className="checkbox">
          <input type="radio" name={modeName} checked={mode === "explicit"} onChange={() => switchTo("explicit")} />
          My own target
        </label>
      </fieldset>

      {mode === "gap" ? (
        <GapFields
          ladder={ladderData}
          levelId={readiness.data.targetLevel.id}
          onLevelChange={(id) => {
            setTargetLevelId(id);
            setCompetencyId("");
          }}
          levelName={levelName}
          gaps={gapsOf(readiness.data)}
          competencyId={competencyId}
          onCompetencyChange={setCompetencyId}
          errors={errors}
          isFetching={readiness.isFetching}
        />
      ) : (
        <>
          <FormField label="Competency" error={errors.competencyId}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={competencyId}
                onChange={(event) => setCompetencyId(event.target.value)}
              >
                <option value="">Choose a competency…</option>
                {ladderData.competencies.map((competency) => (
                  <option key={competency.id} value={competency.id}>
                    {competency.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <div className="form-row">
            <TargetField scale={ladderData.scale} value={target} onChange={setTarget} error={errors.target} />
            <TitleField
              value={title}
              onChange={setTitle}
              error={errors.title}
              hint="Leave empty for one made from the competency."
              isOptional
            />
          </div>
        </>
      )}

      <DueField
        value={due}
        onChange={setDue}
        error={errors.due}
        hint="A date to aim for."
        className="input input--short"
      />
      <ShareField id={`${modeName}-shared`} isShared={isShared} onChange={setIsShared} />
      <GoalFormFooter
        mutation={create}
        errors={errors}
        onClose={onClose}
        submitLabel="Create goal"
        pendingLabel="Creating…"
      />
    </form>
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
      <TitleField value={title} onChange={setTitle} error={errors.title} isAutofocused />
      <div className="form-row">
        <TargetField scale={ladder.scale} value={target} onChange={setTarget} error={errors.target} />
        <DueField value={due} onChange={setDue} error={errors.due} />
      </div>
      <ActionsEditor actions={actions} onChange={setActions} error={actionError} />
      <ShareField id={`${goal.id}-shared`} isShared={isShared} onChange={setIsShared} />
      <GoalFormFooter
        mutation={update}
        errors={errors}
        onClose={onClose}
        submitLabel="Save goal"
        pendingLabel="Saving…"
      />
    </form>
  );
}
