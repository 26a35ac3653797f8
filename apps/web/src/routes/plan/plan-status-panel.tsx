import type { TCareerPlan } from "@ascent/contract";
import { useId } from "react";
import { Link } from "react-router";
import { useSetPlanSharing } from "../../api/plan-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { CADENCES } from "./plan-draft.ts";

/** Whether the plan is due for review, when it was last reviewed, and who may read it. */
export function PlanStatusPanel({
  personId,
  plan,
  isDirty,
}: {
  personId: string;
  plan: TCareerPlan;
  isDirty: boolean;
}) {
  const sharing = useSetPlanSharing(personId);
  const shareId = useId();
  const explanationId = useId();
  const cadence = CADENCES.find((c) => c.value === plan.cadence)?.label ?? plan.cadence;
  const isShared = sharing.isPending ? (sharing.variables ?? plan.isSharedWithManager) : plan.isSharedWithManager;

  return (
    <div className="plan-status">
      {plan.isDueForReview && (
        <div className="callout callout--warning plan-status__due" role="note">
          <p className="callout__title">Your plan is due for review</p>
          <p>
            {plan.nextReviewAt ? (
              <>
                The next review was due on <FormattedDate iso={plan.nextReviewAt} />.{" "}
              </>
            ) : null}
            Read it through, update what has changed, save, then press <a href="#plan-review">Review now</a> to keep a
            dated version.
          </p>
        </div>
      )}
      {!plan.isSaved && (
        <div className="callout plan-status__new">
          <p>
            You have not saved a plan yet. Fill in what you already know and save; you can come back to it at any time.
          </p>
        </div>
      )}
      <dl className="fact-list plan-status__facts">
        <div>
          <dt>Last reviewed</dt>
          <dd>{plan.lastReviewedAt ? <FormattedDate iso={plan.lastReviewedAt} /> : "Never"}</dd>
        </div>
        <div>
          <dt>Next review</dt>
          <dd>{plan.nextReviewAt ? <FormattedDate iso={plan.nextReviewAt} /> : "After your first review"}</dd>
        </div>
        <div>
          <dt>Cadence</dt>
          <dd>{cadence}</dd>
        </div>
      </dl>
      <div className="sharing card">
        <div className="checkbox checkbox--large">
          <input
            id={shareId}
            type="checkbox"
            checked={isShared}
            disabled={!plan.isSaved || sharing.isPending}
            aria-describedby={explanationId}
            onChange={(event) => sharing.mutate(event.target.checked)}
          />
          <label htmlFor={shareId}>Share my plan with my manager</label>
        </div>
        <div id={explanationId} className="sharing__explanation">
          <p>
            {isShared
              ? "Shared: your manager and the managers above them can read your plan and its past versions. They cannot change it."
              : "Private: only you can read your plan. Administrators cannot read it either."}{" "}
            Every time someone else reads it, that is recorded in your <Link to="/account/access-log">access log</Link>.
            You can stop sharing at any time.
          </p>
          {!plan.isSaved && <p>Save your plan first to share it.</p>}
          {plan.isSaved && isDirty && <p>Sharing shows the saved plan, not unsaved changes.</p>}
        </div>
        {sharing.isError && (
          <p role="alert" className="form-error">
            {describeError(sharing.error)}
          </p>
        )}
      </div>
    </div>
  );
}
