import { LIMITS, type TCareerPlan, type TPlanChange, type TPlanContent } from "@ascent/contract";
import { useId, useState, type FormEvent } from "react";
import { type Ladder } from "../../api/ladder.ts";
import { usePlanReviews, useReviewCareerPlan } from "../../api/plan-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { describePlanChange } from "./plan-changes.ts";

/** "Review now" records the saved plan as a dated version; the versions below show what changed each time. */
export function ReviewSection({
  personId,
  plan,
  isDirty,
  ladder,
}: {
  personId: string;
  plan: TCareerPlan;
  isDirty: boolean;
  ladder: Ladder;
}) {
  const headingId = useId();
  const hintId = useId();
  const [note, setNote] = useState("");
  const review = useReviewCareerPlan(personId);
  const reviews = usePlanReviews(personId, plan.isSaved);
  const canReview = plan.isSaved && !isDirty;

  function submit(event: FormEvent) {
    event.preventDefault();
    review.mutate(note, { onSuccess: () => setNote("") });
  }

  return (
    <section id="plan-review" className="card plan-step" aria-labelledby={headingId}>
      <h2 id={headingId} className="plan-step__title">
        Reviews and versions
      </h2>
      <p className="plan-step__summary">
        Reviewing keeps today’s saved plan as a dated version and restarts the review clock.
      </p>
      <form className="review-form" onSubmit={submit} noValidate aria-label="Review the plan">
        <FormField label="Review note" hint="What you concluded, in a line." isOptional error={undefined}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={note}
              maxLength={LIMITS.shortText}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
        </FormField>
        <div>
          <button
            type="submit"
            className="button"
            disabled={!canReview || review.isPending}
            aria-describedby={canReview ? undefined : hintId}
          >
            {review.isPending ? "Recording…" : "Review now"}
          </button>
          {!canReview && (
            <p id={hintId} className="form-field__hint">
              {plan.isSaved ? "Save your changes first: a review keeps the saved plan." : "Save your plan first."}
            </p>
          )}
        </div>
      </form>
      {review.isError && (
        <p role="alert" className="form-error">
          {describeError(review.error)}
        </p>
      )}
      <p role="status" className="muted">
        {review.isSuccess ? "Review recorded. It is the newest version below." : ""}
      </p>
      {plan.isSaved && <VersionList reviews={reviews} ladder={ladder} current={plan.plan} />}
    </section>
  );
}

function ChangeList({ changes, ladder, content }: { changes: TPlanChange[]; ladder: Ladder; content: TPlanContent }) {
  if (changes.length === 0) return <p className="muted">No changes.</p>;
  return (
    <ul className="change-list">
      {changes.map((change, index) => (
        <li key={`${change.path}-${index}`} className={`change change--${change.kind}`}>
          <span className="change__kind">{change.kind}</span> {describePlanChange(change, ladder, content)}
        </li>
      ))}
    </ul>
  );
}

function VersionList({
  reviews,
  ladder,
  current,
}: {
  reviews: ReturnType<typeof usePlanReviews>;
  ladder: Ladder;
  current: TPlanContent;
}) {
  if (reviews.isPending) return <LoadingState label="Loading past versions…" />;
  if (reviews.isError) {
    return (
      <ErrorState
        title="Past versions could not be loaded"
        error={reviews.error}
        onRetry={() => void reviews.refetch()}
        isRetrying={reviews.isFetching}
      />
    );
  }
  const { reviews: versions, changesSinceLastReview } = reviews.data;
  if (versions.length === 0) {
    return (
      <EmptyState title="No reviews yet">
        <p>Press Review now when you have looked your plan over; each review is kept here with what changed.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <h3 className="plan-subheading">Since your last review</h3>
      <ChangeList changes={changesSinceLastReview} ladder={ladder} content={current} />
      <h3 className="plan-subheading">Past versions</h3>
      <ol className="version-list">
        {versions.map((version, index) => (
          <li key={version.id} className="version-item">
            <details open={index === 0}>
              <summary>
                <FormattedDate iso={version.reviewedAt} />
                {version.note ? ` — ${version.note}` : ""}
                <span className="muted">
                  {" "}
                  (
                  {version.previousReviewId === null
                    ? "first review"
                    : `${version.changes.length} ${version.changes.length === 1 ? "change" : "changes"}`}
                  )
                </span>
              </summary>
              {version.previousReviewId === null ? (
                <p className="muted">The first reviewed version of your plan.</p>
              ) : (
                <ChangeList changes={version.changes} ladder={ladder} content={version.plan} />
              )}
            </details>
          </li>
        ))}
      </ol>
    </>
  );
}
