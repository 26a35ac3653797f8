import { LIMITS } from "@ascent/contract";
import { useId } from "react";
import type { Ladder } from "../../api/ladder.ts";
import { FormField } from "../../ui/form-field.tsx";
import { messageAt, type SectionProps } from "./plan-draft.ts";
import { StepHeading } from "./step-heading.tsx";
import { StringListField } from "./string-list-field.tsx";

export function EnvisionSection({ plan, draft, update, errors, ladder }: SectionProps & { ladder: Ladder }) {
  const headingId = useId();
  return (
    <section className="card plan-step" aria-labelledby={headingId}>
      <StepHeading plan={plan} stepId="envision" number={1} fallbackName="Envision your future" headingId={headingId} />
      <div className="form-stack">
        <div className="form-row">
          <FormField
            label="Target level"
            hint="The level you are aiming for on the ladder."
            error={messageAt(errors, "envision.targetLevelId")}
          >
            {(control) => (
              <select
                {...control}
                className="select"
                value={draft.targetLevelId}
                onChange={(event) => update((d) => ({ ...d, targetLevelId: event.target.value }))}
              >
                <option value="">Not decided yet</option>
                {ladder.levels.map((level) => (
                  <option key={level.id} value={level.id}>
                    {level.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            label="Horizon in months"
            hint="How far ahead you are planning, e.g. 36 for three years."
            error={messageAt(errors, "envision.horizonMonths")}
            isOptional
          >
            {(control) => (
              <input
                {...control}
                className="input"
                type="number"
                inputMode="numeric"
                min={LIMITS.horizonMonths.min}
                max={LIMITS.horizonMonths.max}
                step={1}
                value={draft.horizonMonths}
                onChange={(event) => update((d) => ({ ...d, horizonMonths: event.target.value }))}
              />
            )}
          </FormField>
        </div>
        <FormField
          label="Scope of influence"
          hint="How much you want to own and how far your influence should reach."
          error={messageAt(errors, "envision.scopeOfInfluence")}
          isOptional
        >
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={3}
              value={draft.scopeOfInfluence}
              onChange={(event) => update((d) => ({ ...d, scopeOfInfluence: event.target.value }))}
            />
          )}
        </FormField>
        <StringListField
          label="Preferred industries"
          hint="Type an industry and press Enter."
          values={draft.preferredIndustries}
          onChange={(preferredIndustries) => update((d) => ({ ...d, preferredIndustries }))}
          error={messageAt(errors, "envision.preferredIndustries")}
        />
        <FormField
          label="Impact"
          hint="The difference you want your work to make."
          error={messageAt(errors, "envision.impact")}
          isOptional
        >
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={3}
              value={draft.impact}
              onChange={(event) => update((d) => ({ ...d, impact: event.target.value }))}
            />
          )}
        </FormField>
      </div>
    </section>
  );
}
