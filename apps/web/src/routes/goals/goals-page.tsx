import type { TGoal } from "@ascent/contract";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { useGoalList } from "../../api/goal-queries.ts";
import { useLadder } from "../../api/ladder.ts";
import { useSignedIn } from "../../api/session.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { GoalCard } from "./goal-card.tsx";
import { GoalDialog } from "./goal-dialog.tsx";
import "../../ui/growth-controls.css";
import "./goals.css";

const GROUPS: { status: TGoal["status"]; title: string }[] = [
  { status: "active", title: "Active" },
  { status: "achieved", title: "Achieved" },
  { status: "dropped", title: "Dropped" },
];

export function GoalsPage() {
  useDocumentTitle("Goals");
  const session = useSignedIn();
  const personId = session.person.id;
  const goals = useGoalList(personId);
  const ladder = useLadder();
  const [isCreating, setIsCreating] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const newButtonRef = useRef<HTMLButtonElement>(null);

  const newGoalButton = (
    <button ref={newButtonRef} type="button" className="button" onClick={() => setIsCreating(true)}>
      New goal
    </button>
  );

  let content;
  if (goals.isPending || ladder.isPending) content = <LoadingState label="Loading your goals…" />;
  else if (goals.isError || ladder.isError || !ladder.ladder)
    content = (
      <ErrorState
        title="Your goals could not be loaded"
        error={goals.error ?? ladder.error}
        onRetry={() => void Promise.all([goals.refetch(), ladder.refetch()])}
        isRetrying={goals.isFetching || ladder.isFetching}
      />
    );
  else if (goals.data.goals.length === 0)
    content = (
      <EmptyState title="No goals yet">
        <p>
          A goal turns a gap into something you work on: a competency, where you are, where you want to be, the actions
          to get there and regular check-ins. Press <strong>New goal</strong> to make one from your largest gaps, or
          start from the gaps on <Link to="/growth">My growth</Link>.
        </p>
      </EmptyState>
    );
  else {
    const data = goals.data;
    const ladderData = ladder.ladder;
    content = GROUPS.map((group) => {
      const inGroup = data.goals.filter((goal) => goal.status === group.status);
      if (inGroup.length === 0) return null;
      return (
        <section key={group.status} className="goal-group" aria-labelledby={`goals-${group.status}`}>
          <h2 id={`goals-${group.status}`}>
            {group.title} <span className="count">{inGroup.length}</span>
          </h2>
          <ul className="goal-list">
            {inGroup.map((goal) => (
              <li key={goal.id}>
                <GoalCard
                  personId={personId}
                  goal={goal}
                  observed={data.observed[goal.competencyId] ?? null}
                  ladder={ladderData}
                  onDeleted={(title) => {
                    setAnnouncement(`Goal “${title}” deleted.`);
                    newButtonRef.current?.focus();
                  }}
                />
              </li>
            ))}
          </ul>
        </section>
      );
    });
  }

  return (
    <>
      <PageHeading
        eyebrow={<Breadcrumb trail={[{ to: "/career", label: "Career" }]} current="Goals" />}
        meta={newGoalButton}
        lead={
          <p>
            Development goals for the competencies you want to grow. A goal is marked achieved on its own once your
            readiness shows the target reached. Goals are shared with your manager unless you make them private.
          </p>
        }
      >
        Goals
      </PageHeading>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {content}
      <GoalDialog
        personId={personId}
        isOpen={isCreating}
        onClose={() => setIsCreating(false)}
        onCreated={(title) => setAnnouncement(`Goal “${title}” created.`)}
      />
    </>
  );
}
