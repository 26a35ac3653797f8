import { LIMITS, type TCreateGoalBody, type TPersonReadiness } from "@ascent/contract";
import { useId, useState, type FormEvent } from "react";
import { useReadiness } from "../../api/assessment-queries.ts";
import { useCreateGoal } from "../../api/goal-queries.ts";
import { useLadder, type Ladder } from "../../api/ladder.ts";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { formatScore } from "./goal-model.ts";

export function NewGoalDialog({
  personId,
  isOpen,
  onClose,
  onCreated,
}: {
  personId: string;
  isOpen: boolean;
  onClose: () => void;
  onCreated: (title: string) => void;
}) {
  return (
    <ModalDialog
      isOpen={isOpen}
      onClose={onClose}
      title="New goal"
      description="Start from a gap in your readiness (the target is what the level expects) or set your own target."
      size="wide"
    >
      <NewGoalForm personId={personId} onClose={onClose} onCreated={onCreated} />
    </ModalDialog>
  );
}

type Gap = TPersonReadiness["competencies"][number];

/** Competencies short of the level or not rated yet, the largest weighted gap first. */
export function gapsOf(readiness: TPersonReadiness): Gap[] {
  const weighted = (gap: Gap) => (gap.gap === null ? -1 : gap.weight * gap.gap);
  return readiness.competencies
    .filter((entry) => entry.weight > 0 && entry.status !== "meets")
    .sort((a, b) => weighted(b) - weighted(a) || a.name.localeCompare(b.name));
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
  const gaps = gapsOf(readiness.data);
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
            onChange={() => {
              setMode("gap");
              setCompetencyId("");
            }}
            data-autofocus
          />
          From a gap in my readiness
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={modeName}
            checked={mode === "explicit"}
            onChange={() => {
              setMode("explicit");
              setCompetencyId("");
            }}
          />
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
          gaps={gaps}
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
            <FormField
              label="Target"
              hint={`On the ladder's scale, ${ladderData.scale.min} to ${ladderData.scale.max}.`}
              error={errors.target}
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  type="number"
                  step={0.5}
                  min={ladderData.scale.min}
                  max={ladderData.scale.max}
                  value={target}
                  onChange={(event) => setTarget(event.target.value)}
                />
              )}
            </FormField>
            <FormField
              label="Title"
              hint="Leave empty for one made from the competency."
              error={errors.title}
              isOptional
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  value={title}
                  maxLength={LIMITS.shortText}
                  onChange={(event) => setTitle(event.target.value)}
                />
              )}
            </FormField>
          </div>
        </>
      )}

      <FormField label="Due" hint="A date to aim for." error={errors.due} isOptional>
        {(control) => (
          <input
            {...control}
            className="input input--short"
            type="date"
            value={due}
            onChange={(event) => setDue(event.target.value)}
          />
        )}
      </FormField>
      <div className="checkbox">
        <input
          id={`${modeName}-shared`}
          type="checkbox"
          checked={isShared}
          onChange={(e) => setIsShared(e.target.checked)}
        />
        <label htmlFor={`${modeName}-shared`}>Share this goal with my manager</label>
      </div>
      {create.isError && (
        <p role="alert" className="form-error">
          {Object.keys(errors).length > 0 ? "Check the fields marked above." : describeError(create.error)}
        </p>
      )}
      <div className="modal-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={create.isPending}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create goal"}
        </button>
      </div>
    </form>
  );
}

function GapFields({
  ladder,
  levelId,
  onLevelChange,
  levelName,
  gaps,
  competencyId,
  onCompetencyChange,
  errors,
  isFetching,
}: {
  ladder: Ladder;
  levelId: string;
  onLevelChange: (id: string) => void;
  levelName: string;
  gaps: Gap[];
  competencyId: string;
  onCompetencyChange: (id: string) => void;
  errors: Record<string, string>;
  isFetching: boolean;
}) {
  return (
    <>
      <FormField label="Level to aim for" hint="Its expectations become the targets." error={errors.targetLevelId}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={levelId}
            onChange={(event) => onLevelChange(event.target.value)}
          >
            {ladder.levels.map((level) => (
              <option key={level.id} value={level.id}>
                {level.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label="Gap"
        hint={
          isFetching
            ? `Loading your gaps for ${levelName}…`
            : gaps.length === 0
              ? `You meet every ${levelName} expectation that applies. Choose a higher level, or set your own target.`
              : `Where you are now → what ${levelName} expects, largest gap first.`
        }
        error={errors.competencyId}
      >
        {(control) => (
          <select
            {...control}
            className="select"
            value={competencyId}
            disabled={gaps.length === 0}
            onChange={(event) => onCompetencyChange(event.target.value)}
          >
            <option value="">Choose a competency…</option>
            {gaps.map((gap) => (
              <option key={gap.competencyId} value={gap.competencyId}>
                {`${gap.name}: ${gap.observed === null ? "not rated yet" : formatScore(gap.observed)} → ${formatScore(gap.expected)}`}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}
