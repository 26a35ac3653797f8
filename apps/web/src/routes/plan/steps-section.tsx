import { LIMITS } from "@ascent/contract";
import { useId } from "react";
import { EmptyState } from "../../ui/empty-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { RowListEditor, type RowTools } from "../../ui/row-list-editor.tsx";
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
  return (
    <section className="card plan-step" aria-labelledby={headingId}>
      <StepHeading
        plan={plan}
        stepId="proactive-steps"
        number={4}
        fallbackName="Act deliberately"
        headingId={headingId}
      />
      <RowListEditor<StepRow>
        layout="cards"
        rows={draft.steps}
        rowKey={(row) => row.key}
        onRowsChange={(apply) => update((d) => ({ ...d, steps: apply(d.steps) }))}
        rowName={(row, index) => row.text.trim() || `Step ${index + 1}`}
        newRow={() => ({ key: newRowKey(), id: undefined, text: "", due: "", isDone: false })}
        addLabel="Add a step"
        empty={
          <EmptyState title="No steps yet">
            <p>Add the next concrete actions you will take, each with a date to hold yourself to.</p>
          </EmptyState>
        }
        renderRow={(row, index, tools) => (
          <StepFields row={row} index={index} errors={errors} warning={warnings[`steps.${index}.due`]} tools={tools} />
        )}
        renderActions={(row, _index, tools) => <DoneBox isDone={row.isDone} onChange={tools.change} />}
      />
    </section>
  );
}

function StepFields({
  row,
  index,
  errors,
  warning,
  tools,
}: {
  row: StepRow;
  index: number;
  errors: Record<string, string>;
  warning: string | undefined;
  tools: RowTools<StepRow>;
}) {
  const path = `steps.${index}`;
  return (
    <div className="form-row form-row--wide-first">
      <FormField label="Action" error={messageAt(errors, `${path}.text`)}>
        {(control) => (
          <input
            {...control}
            ref={tools.firstFieldRef}
            className="input"
            value={row.text}
            maxLength={LIMITS.shortText}
            onChange={(event) => tools.change({ text: event.target.value })}
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
            onChange={(event) => tools.change({ due: event.target.value })}
          />
        )}
      </FormField>
    </div>
  );
}

function DoneBox({ isDone, onChange }: { isDone: boolean; onChange: (patch: Partial<StepRow>) => void }) {
  const checkId = useId();
  return (
    <span className="checkbox">
      <input
        id={checkId}
        type="checkbox"
        checked={isDone}
        onChange={(event) => onChange({ isDone: event.target.checked })}
      />
      <label htmlFor={checkId}>Done</label>
    </span>
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
