import { useId, useState } from "react";
import { Link } from "react-router";
import { useReadiness } from "../../api/assessment-queries.ts";
import { useLadder, type Ladder } from "../../api/ladder.ts";
import {
  useMentoringAvailability,
  useMentorSuggestions,
  useSetMentoringAvailability,
} from "../../api/mentor-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "../../ui/growth-controls.css";
import "./mentors.css";

export function MentorsPage() {
  useDocumentTitle("Mentor finder");
  const session = useSignedIn();
  const personId = session.person.id;
  const readiness = useReadiness(personId);
  const ladder = useLadder();

  let content;
  // Without readiness (nobody rated yet, or no level) the finder still works: it starts from the first competency.
  if (ladder.isPending || readiness.isPending) content = <LoadingState label="Loading your gaps…" />;
  else if (ladder.isError || !ladder.ladder)
    content = (
      <ErrorState
        title="The ladder could not be loaded"
        error={ladder.error}
        onRetry={() => void ladder.refetch()}
        isRetrying={ladder.isFetching}
      />
    );
  else {
    const largestGap = readiness.data?.blockers[0] ?? ladder.ladder.competencies[0]?.id ?? "";
    content = (
      <MentorFinder
        personId={personId}
        ladder={ladder.ladder}
        initialCompetency={largestGap}
        initialTarget={readiness.data?.targetLevel.id ?? ""}
        largestGapId={readiness.data?.blockers[0]}
      />
    );
  }

  return (
    <>
      <PageHeading
        eyebrow={<Breadcrumb trail={[{ to: "/career", label: "Career" }]} current="Mentor finder" />}
        lead={
          <p>
            Colleagues who could help you grow in one competency: people at or above the level you are aiming for who
            are strong in it themselves. Suggestions come from readiness as a whole; nobody’s individual ratings are
            shown or used.
          </p>
        }
      >
        Mentor finder
      </PageHeading>
      {content}
      <AvailabilitySection />
    </>
  );
}

function MentorFinder({
  personId,
  ladder,
  initialCompetency,
  initialTarget,
  largestGapId,
}: {
  personId: string;
  ladder: Ladder;
  initialCompetency: string;
  initialTarget: string;
  largestGapId: string | undefined;
}) {
  const [competency, setCompetency] = useState(initialCompetency);
  const [target, setTarget] = useState(initialTarget);
  const [outsideChain, setOutsideChain] = useState(false);
  const outsideId = useId();
  const suggestions = useMentorSuggestions(personId, { competency, target: target || undefined, outsideChain });

  let results;
  if (suggestions.isPending) results = <LoadingState label="Finding mentors…" />;
  else if (suggestions.isError)
    results = (
      <ErrorState
        title="Mentors could not be found"
        error={suggestions.error}
        onRetry={() => void suggestions.refetch()}
        isRetrying={suggestions.isFetching}
      />
    );
  else if (suggestions.data.mentors.length === 0)
    results = (
      <EmptyState title="Nobody to suggest for this yet">
        <p>
          Nobody at or above {suggestions.data.target.name} is rated strong enough in {suggestions.data.competency.name}{" "}
          {outsideChain ? "outside your management chain " : ""}to be suggested. Try a lower target level
          {outsideChain ? ", include your management chain" : ""} or another competency.
        </p>
      </EmptyState>
    );
  else
    results = (
      <ol className="mentor-list" aria-label={`Suggested mentors for ${suggestions.data.competency.name}`}>
        {suggestions.data.mentors.map((mentor) => (
          <li key={mentor.id} className="mentor-card">
            <h3 className="mentor-card__name">{mentor.name}</h3>
            <p className="mentor-card__role">
              {mentor.title} · {mentor.level.name}
              {mentor.team ? ` · ${mentor.team}` : ""}
            </p>
            <p className="mentor-card__reason">{mentor.reason}</p>
          </li>
        ))}
      </ol>
    );

  return (
    <section className="card" aria-labelledby="finder-heading">
      <h2 id="finder-heading" className="card__title">
        Find a mentor
      </h2>
      <div className="finder-form" role="search" aria-label="Mentor search">
        <FormField
          label="Competency"
          hint={largestGapId && competency === largestGapId ? "Your largest gap." : undefined}
        >
          {(control) => (
            <select
              {...control}
              className="select"
              value={competency}
              onChange={(event) => setCompetency(event.target.value)}
            >
              {ladder.competencies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id === largestGapId ? `${c.name} (your largest gap)` : c.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="At or above" hint="The level you are aiming for.">
          {(control) => (
            <select {...control} className="select" value={target} onChange={(event) => setTarget(event.target.value)}>
              <option value="">My next level</option>
              {ladder.levels.map((level) => (
                <option key={level.id} value={level.id}>
                  {level.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="checkbox finder-form__outside">
          <input
            id={outsideId}
            type="checkbox"
            checked={outsideChain}
            onChange={(event) => setOutsideChain(event.target.checked)}
          />
          <label htmlFor={outsideId}>Outside my management chain</label>
        </div>
      </div>
      <div className="finder-results" aria-live="polite" aria-busy={suggestions.isFetching}>
        {results}
      </div>
      <p className="muted finder-note">
        Found someone? Ask them directly, and note the mentorship in your <Link to="/plan">career plan</Link>.
      </p>
    </section>
  );
}

function AvailabilitySection() {
  const availability = useMentoringAvailability();
  const change = useSetMentoringAvailability();
  const checkboxId = useId();
  const explanationId = useId();
  const isAvailable = change.isPending ? (change.variables ?? false) : (availability.data?.isAvailable ?? false);
  return (
    <section className="card" aria-labelledby="availability-heading">
      <h2 id="availability-heading" className="card__title">
        Mentoring others
      </h2>
      {availability.isPending ? (
        <LoadingState label="Loading your mentoring setting…" />
      ) : availability.isError ? (
        <ErrorState
          title="Your mentoring setting could not be loaded"
          error={availability.error}
          onRetry={() => void availability.refetch()}
          isRetrying={availability.isFetching}
        />
      ) : (
        <>
          <div className="checkbox checkbox--large">
            <input
              id={checkboxId}
              type="checkbox"
              checked={isAvailable}
              disabled={change.isPending}
              aria-describedby={explanationId}
              onChange={(event) => change.mutate(event.target.checked)}
            />
            <label htmlFor={checkboxId}>Available as a mentor</label>
          </div>
          <p id={explanationId} className="form-field__hint">
            {isAvailable
              ? "Colleagues may see you suggested where you are strong, with your name, title, level and team, never your ratings."
              : "You are not suggested to anyone as a mentor."}
          </p>
          {change.isError && (
            <p role="alert" className="form-error">
              {describeError(change.error)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
