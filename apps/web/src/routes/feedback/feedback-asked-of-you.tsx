import { Link } from "react-router";
import { useFeedbackAskedOfMe } from "../../api/assessment-queries.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import "./feedback.css";

const KIND = { peer: "peer feedback", upward: "upward feedback" } as const;

/** Open requests waiting for the viewer's answer; shows nothing at all when there are none. */
export function FeedbackAskedOfYou() {
  const asked = useFeedbackAskedOfMe();
  if (asked.isPending) return <LoadingState label="Checking for feedback asked of you…" />;
  if (asked.isError) {
    return (
      <ErrorState
        title="Feedback asked of you could not be loaded"
        error={asked.error}
        onRetry={() => void asked.refetch()}
        isRetrying={asked.isFetching}
      />
    );
  }
  const requests = asked.data.requests;
  if (requests.length === 0) return null;
  return (
    <section className="card asked-of-you" aria-labelledby="asked-of-you-heading">
      <h2 id="asked-of-you-heading" className="card__title">
        Feedback asked of you <span className="count">{requests.length}</span>
      </h2>
      <p className="muted">Your answers are anonymous: they are only ever shown as an average over several people.</p>
      <ul className="asked-of-you__list">
        {requests.map((request) => (
          <li key={request.id}>
            <span>
              <span className="asked-of-you__name">{request.subject.name}</span> asked for {KIND[request.relation]}
              {request.requestedBy && request.requestedBy.id !== request.subject.id
                ? ` (requested by ${request.requestedBy.name})`
                : ""}
              <span className="asked-of-you__due">
                {" "}
                · due <FormattedDate iso={request.dueAt} />
              </span>
            </span>
            <Link to={`/feedback/${request.id}`} className="button button--small">
              Give feedback<span className="visually-hidden"> to {request.subject.name}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
