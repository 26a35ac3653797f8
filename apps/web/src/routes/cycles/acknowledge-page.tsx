import { LIMITS } from "@ascent/contract";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useAcknowledgeResults, useCycle, useCycleHistory } from "../../api/cycle-participation-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { describeError, fieldErrors } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { isPlainText } from "../../ui/plain-text.ts";
import { TextField } from "../../ui/text-field.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "./cycle-participation.css";

/** After release, the subject reads their results and acknowledges them, with an optional comment. */
export function AcknowledgePage() {
  useDocumentTitle("Acknowledge your results");
  const { cycleId = "" } = useParams();
  const me = useSignedIn().person;
  const navigate = useNavigate();
  const cycle = useCycle(cycleId);
  const history = useCycleHistory(me.id);
  const acknowledge = useAcknowledgeResults(cycleId, me.id);
  const [comment, setComment] = useState("");
  const [problem, setProblem] = useState<string | undefined>();

  const heading = (
    <>
      <Breadcrumb trail={[{ to: "/tasks", label: "My tasks" }]} current="Acknowledge your results" />
      <PageHeading lead={cycle.data ? <p>The review cycle “{cycle.data.name}” is released.</p> : undefined}>
        Acknowledge your results
      </PageHeading>
    </>
  );
  if (cycle.isPending || history.isPending) {
    return (
      <>
        {heading}
        <LoadingState label="Loading your results…" />
      </>
    );
  }
  if (cycle.isError || history.isError) {
    const failed = cycle.isError ? cycle : history;
    return (
      <>
        {heading}
        <ErrorState
          title="This cycle could not be loaded"
          error={failed.error}
          onRetry={() => void failed.refetch()}
          isRetrying={failed.isFetching}
        />
      </>
    );
  }

  const entry = history.data.cycles.find((c) => c.cycle.id === cycleId);
  const serverError = fieldErrors(acknowledge.error).comment;
  const generalError = acknowledge.error && !serverError ? describeError(acknowledge.error) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (comment.length > LIMITS.longText) return setProblem(`Keep the comment under ${LIMITS.longText} characters.`);
    if (!isPlainText(comment)) return setProblem("Plain text only: HTML tags are not allowed.");
    setProblem(undefined);
    acknowledge.mutate(comment, { onSuccess: () => void navigate("/tasks") });
  }

  return (
    <>
      {heading}
      <section aria-labelledby="results-heading" className="card">
        <h2 id="results-heading" className="card__title">
          Read your results first
        </h2>
        <ul>
          <li>
            <Link to="/growth/side-by-side">Side by side</Link>: your own, your manager’s (as calibrated) and your
            peers’ and reports’ ratings, each group as one average.
          </li>
          <li>
            <Link to="/growth">My growth</Link>: your readiness for your level and the next one.
          </li>
        </ul>
      </section>
      {!entry ? (
        <p>You did not take part in this cycle.</p>
      ) : entry.acknowledgedAt ? (
        <section aria-labelledby="acknowledged-heading" className="card">
          <h2 id="acknowledged-heading" className="card__title">
            Acknowledged
          </h2>
          <p>
            You acknowledged these results on <FormattedDate iso={entry.acknowledgedAt} />.
          </p>
          {entry.acknowledgementComment && (
            <blockquote className="participation-comment">{entry.acknowledgementComment}</blockquote>
          )}
        </section>
      ) : (
        <form className="card participation-form" onSubmit={submit} noValidate aria-labelledby="acknowledge-heading">
          <h2 id="acknowledge-heading" className="card__title">
            Acknowledge
          </h2>
          <p>Acknowledging says you have read your results; it does not mean you agree with every part.</p>
          <TextField
            multiline
            rows={4}
            label="Comment"
            isOptional
            hint={`Your manager and the admins can read it. Up to ${LIMITS.longText} characters.`}
            value={comment}
            onChange={setComment}
            maxLength={LIMITS.longText}
            error={problem ?? serverError}
          />
          {generalError && (
            <p role="alert" className="form-field__error">
              {generalError}
            </p>
          )}
          <button type="submit" className="button" disabled={acknowledge.isPending}>
            Acknowledge my results
          </button>
        </form>
      )}
    </>
  );
}
