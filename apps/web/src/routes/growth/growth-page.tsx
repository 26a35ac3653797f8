import type { TAssessment } from "@ascent/contract";
import { Link } from "react-router";
import { useMyAssessments } from "../../api/assessment-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { formatDate } from "../../ui/formatted-date.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { FeedbackAskedOfYou } from "../feedback/feedback-asked-of-you.tsx";
import { ReadinessReport } from "./readiness-report.tsx";
import "./growth.css";

function selfAssessmentStatus(assessments: TAssessment[] | undefined, personId: string) {
  const own = (assessments ?? []).filter((a) => a.relation === "self" && a.subject.id === personId);
  const draft = own.find((a) => a.status === "draft");
  const submitted = own
    .filter((a) => a.status === "submitted" && a.submittedAt)
    .sort((a, b) => (b.submittedAt ?? "").localeCompare(a.submittedAt ?? ""))[0];
  if (draft) {
    const rated = draft.ratings.filter((r) => r.score !== null).length;
    return {
      text: `Draft in progress: ${rated} ${rated === 1 ? "competency" : "competencies"} rated so far.`,
      action: "Continue self-assessment",
    };
  }
  if (submitted?.submittedAt) {
    return {
      text: `Last submitted on ${formatDate(submitted.submittedAt)}. Rate yourself again when your work has moved on.`,
      action: "Start a new self-assessment",
    };
  }
  return { text: "Not started. Rating yourself is the first step.", action: "Start self-assessment" };
}

export function GrowthPage() {
  useDocumentTitle("My growth");
  const session = useSignedIn();
  const personId = session.person.id;
  const mine = useMyAssessments();
  const status = selfAssessmentStatus(mine.data?.assessments, personId);

  return (
    <>
      <PageHeading
        lead={
          <p>
            Where you stand on the ladder, what separates you from the level you aim for, and every number behind it.
            Your evidence stays yours unless you share it with your manager.
          </p>
        }
      >
        My growth
      </PageHeading>

      <FeedbackAskedOfYou />

      <nav aria-label="Growth tools" className="growth-tools">
        <ul className="growth-tools__list">
          <li className="growth-tool">
            <h2 className="growth-tool__title">Self-assessment</h2>
            <p className="growth-tool__text">{mine.isPending ? "Checking your drafts…" : status.text}</p>
            <Link to="/growth/self-assessment" className="button button--small">
              {status.action}
            </Link>
          </li>
          <li className="growth-tool">
            <h2 className="growth-tool__title">Feedback</h2>
            <p className="growth-tool__text">Ask colleagues how they see your work; answers stay anonymous.</p>
            <Link to="/growth/feedback" className="button button--secondary button--small">
              Request feedback
            </Link>
          </li>
          <li className="growth-tool">
            <h2 className="growth-tool__title">Evidence log</h2>
            <p className="growth-tool__text">Note achievements as they happen and tag them to competencies.</p>
            <Link to="/growth/evidence" className="button button--secondary button--small">
              Open evidence log
            </Link>
          </li>
          <li className="growth-tool">
            <h2 className="growth-tool__title">Side by side</h2>
            <p className="growth-tool__text">Your own ratings next to your manager’s and your peers’.</p>
            <Link to="/growth/side-by-side" className="button button--secondary button--small">
              Compare ratings
            </Link>
          </li>
        </ul>
      </nav>

      <ReadinessReport
        personId={personId}
        isSelf
        firstName="you"
        emptyActions={
          <>
            <Link to="/growth/self-assessment" className="button">
              Start your self-assessment
            </Link>
            <Link to="/growth/feedback" className="button button--secondary">
              Ask colleagues for feedback
            </Link>
          </>
        }
      />
    </>
  );
}
