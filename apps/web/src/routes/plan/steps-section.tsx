import { LIMITS } from "@ascent/contract";
import { useEffect, useId, useRef, useState } from "react";
import { EmptyState } from "../../ui/empty-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { messageAt, newRowKey, type SectionProps, type StepRow } from "./plan-draft.ts";
import { StepHeading } from "./step-heading.tsx";

export function StepsSection({
  plan,
  draft,
  update,
  errors,
  warnings,
}: SectionProps & { warnings: Record<string, string> }) {
  const headingId = useId();
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  function change(key: string, patch: Partial<StepRow>) {
    update((d) => ({ ...d, steps: d.steps.map((row) => (row.key === key ? { ...row, ...patch } : row)) }));
  }

  function add() {
    const key = newRowKey();
    update((d) => ({ ...d, steps: [...d.steps, { key, id: undefined, text: "", due: "", isDone: false }] }));
    setFocusKey(key);
  }

  function remove(key: string) {
    update((d) => ({ ...d, steps: d.steps.filter((row) => row.key !== key) }));
    addRef.current?.focus();
  }

  return (
    <section className="card plan-step" aria-labelledby={headingId}>
      <StepHeading
        plan={plan}
        stepId="proactive-steps"
        number={4}
        fallbackName="Act deliberately"
        headingId={headingId}
      />
      {draft.steps.length === 0 ? (
        <EmptyState title="No steps yet">
          <p>Add the next concrete actions you will take, each with a date to hold yourself to.</p>
        </EmptyState>
      ) : (
        <ol className="row-list">
          {draft.steps.map((row, index) => (
            <li key={row.key}>
              <StepItem
                row={row}
                index={index}
                errors={errors}
                warning={warnings[`steps.${index}.due`]}
                shouldFocus={focusKey === row.key}
                onFocused={() => setFocusKey(null)}
                onChange={(patch) => change(row.key, patch)}
                onRemove={() => remove(row.key)}
              />
            </li>
          ))}
        </ol>
      )}
      <button ref={addRef} type="button" className="button button--secondary" onClick={add}>
        Add a step
      </button>
    </section>
  );
}

function StepItem({
  row,
  index,
  errors,
  warning,
  shouldFocus,
  onFocused,
  onChange,
  onRemove,
}: {
  row: StepRow;
  index: number;
  errors: Record<string, string>;
  warning: string | undefined;
  shouldFocus: boolean;
  onFocused: () => void;
  onChange: (patch: Partial<StepRow>) => void;
  onRemove: () => void;
}) {
  const textRef = useRef<HTMLInputElement>(null);
  const checkId = useId();
  const path = `steps.${index}`;
  const name = row.text.trim() || `Step ${index + 1}`;

  useEffect(() => {
    if (shouldFocus) {
      textRef.current?.focus();
      onFocused();
    }
  }, [shouldFocus, onFocused]);

  return (
    <fieldset className="row-card">
      <legend className="row-card__legend">{name}</legend>
      <div className="form-row form-row--wide-first">
        <FormField label="Action" error={messageAt(errors, `${path}.text`)}>
          {(control) => (
            <input
              {...control}
              ref={textRef}
              className="input"
              value={row.text}
              maxLength={LIMITS.shortText}
              onChange={(event) => onChange({ text: event.target.value })}
            />
          )}
        </FormField>
        <FormField
          label="Due"
          error={messageAt(errors, `${path}.due`)}
          hint={warning && <Warning text={warning} />}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              value={row.due}
              onChange={(event) => onChange({ due: event.target.value })}
            />
          )}
        </FormField>
      </div>
      <div className="row-card__actions">
        <span className="checkbox">
          <input
            id={checkId}
            type="checkbox"
            checked={row.isDone}
            onChange={(event) => onChange({ isDone: event.target.checked })}
          />
          <label htmlFor={checkId}>Done</label>
        </span>
        <button type="button" className="button button--small button--secondary" onClick={onRemove}>
          Remove<span className="visually-hidden"> {name}</span>
        </button>
      </div>
    </fieldset>
  );
}

/** The API saved the step but wants the person to know, e.g. that its date is already past. */
function Warning({ text }: { text: string }) {
  return (
    <span className="field-warning">
      <span aria-hidden="true">⚠ </span>
      <span className="visually-hidden">Warning: </span>
      {text}
    </span>
  );
}
