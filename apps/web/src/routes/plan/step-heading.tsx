import type { TCareerPlan } from "@ascent/contract";
import { guideFor } from "./plan-draft.ts";

/** A step's number, name and the ladder's summary of it. */
export function StepHeading({
  plan,
  stepId,
  number,
  fallbackName,
  headingId,
}: {
  plan: TCareerPlan;
  stepId: string;
  number: number | null;
  fallbackName: string;
  headingId: string;
}) {
  const guide = guideFor(plan, stepId);
  return (
    <header className="plan-step__header">
      <h2 id={headingId} className="plan-step__title">
        {number !== null && (
          <span className="plan-step__number" aria-hidden="true">
            {number}
          </span>
        )}
        {number !== null && <span className="visually-hidden">Step {number}: </span>}
        {guide?.name ?? fallbackName}
      </h2>
      {guide?.summary && <p className="plan-step__summary">{guide.summary}</p>}
      {guide && guide.themes.length > 0 && (
        <p className="plan-step__themes">
          <span className="visually-hidden">Themes: </span>
          {guide.themes.join(" · ")}
        </p>
      )}
    </header>
  );
}
