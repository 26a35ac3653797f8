import type { TVpFitCheck, TVpProfile } from "@ascent/contract";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMyVpFitChecks, useSubmitVpFit, useVpProfile } from "../../api/advisor-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { RatingScale } from "../../ui/rating-scale.tsx";

/** The VP-fit self-check: reflections rated 1–5, answered privately, kept as a history for the person alone. */
export function VpFitSection() {
  const profile = useVpProfile();
  const checks = useMyVpFitChecks();
  return (
    <section className="section advisor-section" aria-labelledby="vp-fit-heading">
      <h2 id="vp-fit-heading">VP-fit self-check</h2>
      <p className="section__lead">
        Take your own measure before aiming at the role. Rate how much each statement sounds like you; the result shows
        the traits that are strengths and the ones to watch.{" "}
        <strong>Private: only you can see your answers and results — not your manager, not an admin.</strong>
      </p>
      {profile.isPending || checks.isPending ? (
        <LoadingState label="Loading the self-check…" />
      ) : profile.isError || checks.isError ? (
        <ErrorState
          title="The self-check could not be loaded"
          error={profile.error ?? checks.error}
          onRetry={() => void Promise.all([profile.refetch(), checks.refetch()])}
          isRetrying={profile.isFetching || checks.isFetching}
        />
      ) : (
        <div className="vp-fit-layout">
          <VpFitForm profile={profile.data} />
          <VpFitHistory profile={profile.data} checks={checks.data.checks} />
        </div>
      )}
    </section>
  );
}

function VpFitForm({ profile }: { profile: TVpProfile }) {
  const submit = useSubmitVpFit();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (missing.length > 0) formRef.current?.querySelector<HTMLElement>('fieldset[aria-invalid="true"] input')?.focus();
  }, [missing]);

  useEffect(() => {
    if (submit.isSuccess) resultRef.current?.focus();
  }, [submit.isSuccess, submit.data]);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const unanswered = profile.reflections.filter((r) => answers[r.id] === undefined).map((r) => r.id);
    setMissing(unanswered);
    if (unanswered.length > 0) return;
    submit.mutate(answers);
  }

  return (
    <form ref={formRef} className="card vp-fit-form" onSubmit={handleSubmit} noValidate aria-label="VP-fit self-check">
      {profile.reflections.map((reflection, index) => (
        <RatingScale
          key={reflection.id}
          legend={
            <>
              <span className="visually-hidden">Statement {index + 1}: </span>
              {reflection.statement}
            </>
          }
          value={answers[reflection.id] ?? null}
          min={profile.scale.min}
          max={profile.scale.max}
          onChange={(value) => {
            setAnswers((current) => ({ ...current, [reflection.id]: value }));
            setMissing((current) => current.filter((id) => id !== reflection.id));
          }}
          lowLabel="Not like me"
          highLabel="Very like me"
          error={missing.includes(reflection.id) ? "Rate this statement." : undefined}
        />
      ))}
      {missing.length > 0 && (
        <p role="alert" className="form-error">
          {missing.length === 1 ? "One statement is" : `${missing.length} statements are`} not rated yet.
        </p>
      )}
      {submit.isError && (
        <p role="alert" className="form-error">
          {describeError(submit.error)}
        </p>
      )}
      <div>
        <button type="submit" className="button" disabled={submit.isPending}>
          {submit.isPending ? "Working it out…" : "See my result"}
        </button>
      </div>
      {submit.data && (
        <div ref={resultRef} tabIndex={-1} className="vp-fit-result" aria-labelledby="vp-fit-result-heading">
          <h3 id="vp-fit-result-heading">Your result</h3>
          <CheckResult profile={profile} check={submit.data} />
        </div>
      )}
    </form>
  );
}

function traitNames(profile: TVpProfile, ids: string[]): string[] {
  return ids.map((id) => profile.traits.find((trait) => trait.id === id)?.name ?? id);
}

function CheckResult({ profile, check }: { profile: TVpProfile; check: TVpFitCheck }) {
  const strengths = check.traits.filter((t) => t.band === "strength");
  const watchOuts = check.traits.filter((t) => t.band === "watch-out");
  return (
    <div className="check-result">
      <div>
        <h4>Strengths</h4>
        {strengths.length === 0 ? (
          <p className="muted">None stands out yet.</p>
        ) : (
          <ul className="check-list">
            {strengths.map((trait) => (
              <li key={trait.traitId}>
                <strong>{trait.name}</strong>: {trait.description}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h4>Watch-outs</h4>
        {watchOuts.length === 0 ? (
          <p className="muted">None: no trait scored low.</p>
        ) : (
          <ul className="check-list check-list--warning">
            {watchOuts.map((trait) => (
              <li key={trait.traitId}>
                <strong>{trait.name}</strong>: {trait.description}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="muted check-result__note">
        A trait is a strength when its statements average {profile.thresholds.strengthAt} or more, and a watch-out at{" "}
        {profile.thresholds.watchOutAt} or less.
      </p>
    </div>
  );
}

function VpFitHistory({ profile, checks }: { profile: TVpProfile; checks: TVpFitCheck[] }) {
  return (
    <div className="card vp-fit-history" aria-labelledby="vp-fit-history-heading" role="region">
      <h3 id="vp-fit-history-heading" className="card__title">
        Your past results
      </h3>
      {checks.length === 0 ? (
        <EmptyState title="No results yet">
          <p>Rate the statements and press See my result. Each result is kept here, newest first, for you alone.</p>
        </EmptyState>
      ) : (
        <ol className="history-list">
          {checks.map((check) => (
            <li key={check.id}>
              <p className="history-list__date">
                <FormattedDate iso={check.at} />
              </p>
              <p>
                <span className="history-list__label">Strengths:</span>{" "}
                {check.strengths.length ? traitNames(profile, check.strengths).join(", ") : "none"}
              </p>
              <p>
                <span className="history-list__label">Watch-outs:</span>{" "}
                {check.watchOuts.length ? traitNames(profile, check.watchOuts).join(", ") : "none"}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
