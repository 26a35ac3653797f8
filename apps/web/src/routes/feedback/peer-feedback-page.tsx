import type { TFeedbackInvitation } from "@ascent/contract";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { useFeedbackAskedOfMe, useReadinessSettings } from "../../api/assessment-queries.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { AssessmentWizard } from "../self-assessment/assessment-wizard.tsx";
import { AnonymityNote } from "./anonymity-note.tsx";
import "./feedback.css";

const KIND = { peer: "Peer feedback", upward: "Upward feedback" } as const;

/** The form a colleague fills in when asked for feedback: the same steps as an assessment. */
export function PeerFeedbackPage() {
  const requestId = useParams().requestId ?? "";
  const asked = useFeedbackAskedOfMe();
  const settings = useReadinessSettings();
  // Kept once found: after submitting, the request leaves the "asked of you" list, but the thank-you stays.
  const [invitation, setInvitation] = useState<TFeedbackInvitation | null>(null);
  const listed = asked.data?.requests.find((r) => r.id === requestId) ?? null;
  useEffect(() => {
    if (listed && invitation?.id !== listed.id) setInvitation(listed);
  }, [listed, invitation]);
  const shown = invitation ?? listed;
  const title = shown ? `Feedback for ${shown.subject.name}` : "Give feedback";
  useDocumentTitle(title);
  const breadcrumb = <Breadcrumb trail={[{ to: "/growth", label: "My growth" }]} current="Give feedback" />;

  if (asked.isPending && !shown) return <LoadingState label="Loading the request…" />;
  if (asked.isError && !shown) {
    return (
      <>
        <PageHeading eyebrow={breadcrumb}>Give feedback</PageHeading>
        <ErrorState
          title="The request could not be loaded"
          error={asked.error}
          onRetry={() => void asked.refetch()}
          isRetrying={asked.isFetching}
        />
      </>
    );
  }
  if (!shown) {
    return (
      <>
        <PageHeading
          eyebrow={breadcrumb}
          lead={
            <p>
              This request is not waiting for an answer from you: it may be closed, already answered, or addressed to
              someone else.
            </p>
          }
        >
          Nothing to answer here
        </PageHeading>
        <p>
          <Link to="/growth" className="button button--secondary">
            See feedback asked of you on My growth
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeading
        eyebrow={breadcrumb}
        lead={
          <>
            <p>
              {KIND[shown.relation]} about <strong>{shown.subject.name}</strong>
              {shown.subject.level ? `, ${shown.subject.level.name}` : ""}, asked
              {shown.requestedBy ? ` by ${shown.requestedBy.name}` : ""}. Closes on <FormattedDate iso={shown.dueAt} />.
              Rate what you have seen against what their level expects; skip what you cannot judge.
            </p>
            {shown.message && (
              <blockquote className="request-message">
                <p>{shown.message}</p>
              </blockquote>
            )}
          </>
        }
      >
        {title}
      </PageHeading>
      <AnonymityNote k={settings.data?.k ?? null} audience="rater" />
      <div className="peer-feedback__wizard">
        <AssessmentWizard
          subjectId={shown.subject.id}
          relation={shown.relation}
          feedbackRequestId={shown.id}
          done={{ to: "/growth", label: "Back to My growth" }}
        />
      </div>
    </>
  );
}
