import type { TFeedbackRequest } from "@ascent/contract";
import { useRef, useState } from "react";
import { useCloseFeedbackRequest, useFeedbackRequestsAbout } from "../../api/assessment-queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";

const RELATION_LABELS = { peer: "Peer feedback", upward: "Upward feedback" } as const;

function RequestCard({
  request,
  k,
  onClose,
}: {
  request: TFeedbackRequest;
  k: number;
  onClose: (request: TFeedbackRequest) => void;
}) {
  const isOpen = request.status === "open";
  const invited = request.invited.length;
  const isReleased = request.answeredCount >= k;
  return (
    <li className="request-card">
      <div className="request-card__head">
        <h3 className="request-card__title">{RELATION_LABELS[request.relation]}</h3>
        {isOpen ? <Badge tone="accent">Open</Badge> : <Badge tone="neutral">Closed</Badge>}
      </div>
      <p className="request-card__answered">
        <strong>
          {request.answeredCount} of {invited}
        </strong>{" "}
        answered
      </p>
      <dl className="request-card__facts">
        <div>
          <dt>Asked</dt>
          <dd>{request.invited.map((person) => person.name).join(", ")}</dd>
        </div>
        <div>
          <dt>{isOpen ? "Closes" : "Closed"}</dt>
          <dd>
            <FormattedDate iso={request.closedAt ?? request.dueAt} />
          </dd>
        </div>
        {request.requestedBy && (
          <div>
            <dt>Asked by</dt>
            <dd>{request.requestedBy.name}</dd>
          </div>
        )}
      </dl>
      {request.message && <p className="request-card__message">{request.message}</p>}
      {isOpen ? (
        <div className="request-card__actions">
          <p className="request-card__note">
            Answers stay sealed until the request closes, then appear together as one average
            {request.answeredCount < k ? `, and only if at least ${k} people answered` : ""}.
          </p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onClose(request)}
            aria-label={`Close now: ${RELATION_LABELS[request.relation].toLowerCase()} due ${new Date(request.dueAt).toLocaleDateString()}`}
          >
            Close now
          </button>
        </div>
      ) : (
        <p className="request-card__note">
          {isReleased
            ? "Released: the answers count in readiness as one average."
            : `Released with ${request.answeredCount} ${request.answeredCount === 1 ? "answer" : "answers"}: a group shows in readiness only once at least ${k} colleagues' answers are in.`}
        </p>
      )}
    </li>
  );
}

export function FeedbackRequestList({ personId, k, isSelf }: { personId: string; k: number; isSelf: boolean }) {
  const requests = useFeedbackRequestsAbout(personId);
  const close = useCloseFeedbackRequest(personId);
  const [closing, setClosing] = useState<TFeedbackRequest | null>(null);
  const [closedNote, setClosedNote] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The "Close now" button that opened the dialog goes with the open request: focus the list instead.
  const focusHeadingOnClose = useRef(false);

  let body;
  if (requests.isPending) body = <LoadingState label="Loading feedback requests…" />;
  else if (requests.isError) {
    body = (
      <ErrorState
        title="The feedback requests could not be loaded"
        error={requests.error}
        onRetry={() => void requests.refetch()}
        isRetrying={requests.isFetching}
      />
    );
  } else if (requests.data.requests.length === 0) {
    body = (
      <div className="empty-state">
        <p>
          No feedback requests yet. Ask at least {k} colleagues with the form above; their answers appear on{" "}
          {isSelf ? "My growth" : "the readiness page"} once the request closes.
        </p>
      </div>
    );
  } else {
    const sorted = [...requests.data.requests].sort(
      (a, b) => Number(b.status === "open") - Number(a.status === "open") || b.createdAt.localeCompare(a.createdAt),
    );
    body = (
      <ul className="request-list">
        {sorted.map((request) => (
          <RequestCard
            key={request.id}
            request={request}
            k={k}
            onClose={(r) => {
              close.reset();
              setClosing(r);
            }}
          />
        ))}
      </ul>
    );
  }

  return (
    <section className="section" aria-labelledby="feedback-requests-heading">
      <h2 id="feedback-requests-heading" ref={headingRef} tabIndex={-1}>
        {isSelf ? "Your requests" : "Requests about them"}
      </h2>
      <p className="section__lead">Who was asked and how many have answered; never who answered or how.</p>
      <p role="status" className="request-list__status">
        {closedNote}
      </p>
      {body}
      <ConfirmDialog
        isOpen={closing !== null}
        onClose={() => {
          setClosing(null);
          if (focusHeadingOnClose.current) headingRef.current?.focus();
          focusHeadingOnClose.current = false;
        }}
        title="Close this request now?"
        confirmLabel="Close request"
        busyLabel="Closing…"
        isBusy={close.isPending}
        error={close.error}
        tone="normal"
        onConfirm={() => {
          if (!closing) return;
          close.mutate(closing.id, {
            onSuccess: (closed) => {
              focusHeadingOnClose.current = true;
              setClosing(null);
              setClosedNote(
                closed.answeredCount >= k
                  ? `Request closed: ${closed.answeredCount} answers released as one average.`
                  : `Request closed with ${closed.answeredCount} answers, fewer than ${k}: they stay hidden until enough colleagues have answered.`,
              );
            },
          });
        }}
      >
        {closing && (
          <p>
            {closing.answeredCount} of {closing.invited.length} have answered. Nobody can answer after it closes, and
            the answers given so far are released together as one average
            {closing.answeredCount < k ? `, which stays hidden while fewer than ${k} colleagues have answered` : ""}.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
