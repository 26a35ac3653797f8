import type { TPersonReadiness } from "@ascent/contract";
import type { ReactNode } from "react";
import type { Ladder } from "../../api/ladder.ts";
import { describeError } from "../../ui/describe-error.ts";
import { FormField } from "../../ui/form-field.tsx";
import { formatScore } from "./goal-model.ts";

// The fields the goal dialog's two forms (a new goal, an edited one) have in common.

export function TargetField({
  scale,
  value,
  onChange,
  error,
}: {
  scale: Ladder["scale"];
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <FormField label="Target" hint={`On the ladder's scale, ${scale.min} to ${scale.max}.`} error={error}>
      {(control) => (
        <input
          {...control}
          className="input"
          type="number"
          step={0.5}
          min={scale.min}
          max={scale.max}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

export function DueField({
  value,
  onChange,
  error,
  hint,
  className = "input",
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint?: string;
  className?: string;
}) {
  return (
    <FormField label="Due" hint={hint} error={error} isOptional>
      {(control) => (
        <input
          {...control}
          className={className}
          type="date"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

export function ShareField({
  id,
  isShared,
  onChange,
}: {
  id: string;
  isShared: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" checked={isShared} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>Share this goal with my manager</label>
    </div>
  );
}

/** The form's error, if any, and its Cancel and submit buttons. */
export function GoalFormFooter({
  mutation,
  errors,
  onClose,
  submitLabel,
  pendingLabel,
}: {
  mutation: { isError: boolean; isPending: boolean; error: unknown };
  errors: Record<string, string>;
  onClose: () => void;
  submitLabel: ReactNode;
  pendingLabel: ReactNode;
}) {
  return (
    <>
      {mutation.isError && (
        <p role="alert" className="form-error">
          {Object.keys(errors).length > 0 ? "Check the fields marked above." : describeError(mutation.error)}
        </p>
      )}
      <div className="modal-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={mutation.isPending}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? pendingLabel : submitLabel}
        </button>
      </div>
    </>
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

export function GapFields({
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
