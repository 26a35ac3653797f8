import { useId } from "react";
import { FormField } from "../../ui/form-field.tsx";
import { CADENCES, messageAt, type Cadence, type SectionProps } from "./plan-draft.ts";

export function CadenceSection({ draft, update, errors }: Omit<SectionProps, "plan">) {
  const headingId = useId();
  return (
    <section className="card plan-step" aria-labelledby={headingId}>
      <h2 id={headingId} className="plan-step__title">
        Reassess regularly
      </h2>
      <p className="plan-step__summary">
        A plan is only useful if you come back to it. Choose how often; the plan is marked due for review when that time
        has passed since your last review.
      </p>
      <div className="form-row">
        <FormField label="Review cadence" error={messageAt(errors, "cadence")}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={draft.cadence}
              onChange={(event) => update((d) => ({ ...d, cadence: event.target.value as Cadence }))}
            >
              {CADENCES.map((cadence) => (
                <option key={cadence.value} value={cadence.value}>
                  {cadence.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
    </section>
  );
}
