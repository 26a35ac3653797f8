import { useParams } from "react-router";
import { useReadinessSettings } from "../../api/assessment-queries.ts";
import { usePerson } from "../../api/people-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { AnonymityNote } from "./anonymity-note.tsx";
import { FeedbackRequestForm } from "./feedback-request-form.tsx";
import { FeedbackRequestList } from "./feedback-request-list.tsx";
import "../self-assessment/shared-controls.css";
import "./feedback.css";

/**
 * Asking colleagues for feedback: about yourself at /growth/feedback, or, as a manager, about a
 * report at /team/:personId/feedback.
 */
export function RequestFeedbackPage() {
  const session = useSignedIn();
  const reportId = useParams().personId;
  const subjectId = reportId ?? session.person.id;
  const isSelf = subjectId === session.person.id;
  const person = usePerson(subjectId);
  const settings = useReadinessSettings();
  const name = isSelf ? session.person.name : person.data?.name;
  const title = isSelf ? "Request feedback" : name ? `Request feedback about ${name}` : "Request feedback";
  useDocumentTitle(title);

  const trail = isSelf
    ? [{ to: "/growth", label: "My growth" }]
    : [{ to: "/team", label: "My team" }, ...(name ? [{ to: `/team/${subjectId}`, label: name }] : [])];
  const k = settings.data?.k ?? null;

  let content;
  if (settings.isPending || (!isSelf && person.isPending)) content = <LoadingState label="Loading…" />;
  else if (!isSelf && person.isError) {
    content = (
      <ErrorState
        title="This person could not be loaded"
        error={person.error}
        onRetry={() => void person.refetch()}
        isRetrying={person.isFetching}
      />
    );
  } else {
    const kValue = k ?? 3;
    content = (
      <>
        <div className="feedback-layout">
          <FeedbackRequestForm subject={{ id: subjectId, name: name ?? "" }} isSelf={isSelf} k={kValue} />
          <AnonymityNote k={kValue} audience="asker" />
        </div>
        <FeedbackRequestList personId={subjectId} k={kValue} isSelf={isSelf} />
      </>
    );
  }

  return (
    <>
      <PageHeading
        eyebrow={<Breadcrumb trail={trail} current="Request feedback" />}
        lead={
          <p>
            {isSelf
              ? "Ask colleagues how they see your work, competency by competency. "
              : `Ask colleagues how they see ${name ?? "your report"}’s work, competency by competency. `}
            Their answers are combined into one average and count in readiness next to the self and manager ratings.
          </p>
        }
      >
        {title}
      </PageHeading>
      {content}
    </>
  );
}
