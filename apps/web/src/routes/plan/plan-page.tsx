import type { TCareerPlan } from "@ascent/contract";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useLadder, type Ladder } from "../../api/ladder.ts";
import { useCareerPlan, useSaveCareerPlan } from "../../api/plan-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { fieldErrorsOf, normalizeFieldPath } from "../../ui/field-errors.ts";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { BeyondTitlesSection } from "./beyond-titles-section.tsx";
import { CadenceSection } from "./cadence-section.tsx";
import { EnvisionSection } from "./envision-section.tsx";
import { LearningSection } from "./learning-section.tsx";
import { bodyFromDraft, draftFromPlan, isSameDraft, type PlanDraft } from "./plan-draft.ts";
import { PlanStatusPanel } from "./plan-status-panel.tsx";
import { ReviewSection } from "./review-section.tsx";
import { SelfAwarenessSection } from "./self-awareness-section.tsx";
import { StepsSection } from "./steps-section.tsx";
import "../../ui/growth-controls.css";
import "./plan.css";

export function PlanPage() {
  useDocumentTitle("Career plan");
  const session = useSignedIn();
  const personId = session.person.id;
  const plan = useCareerPlan(personId);
  const ladder = useLadder();

  const heading = (
    <PageHeading
      eyebrow={<Breadcrumb trail={[{ to: "/career", label: "Career" }]} current="Career plan" />}
      lead={
        <p>
          A long-term plan in four steps: picture where you want to be, know yourself, keep learning, and take
          deliberate steps. Review it regularly; each review keeps a dated version so you can see how your thinking
          moved.
        </p>
      }
    >
      Career plan
    </PageHeading>
  );

  if (plan.isPending || ladder.isPending) {
    return (
      <>
        {heading}
        <LoadingState label="Loading your career plan…" />
      </>
    );
  }
  if (plan.isError || ladder.isError || !ladder.ladder) {
    return (
      <>
        {heading}
        <ErrorState
          title="Your career plan could not be loaded"
          error={plan.error ?? ladder.error}
          onRetry={() => void Promise.all([plan.refetch(), ladder.refetch()])}
          isRetrying={plan.isFetching || ladder.isFetching}
        />
      </>
    );
  }
  return (
    <>
      {heading}
      <PlanEditor personId={personId} plan={plan.data} ladder={ladder.ladder} />
    </>
  );
}

function PlanEditor({ personId, plan, ladder }: { personId: string; plan: TCareerPlan; ladder: Ladder }) {
  const [baseline, setBaseline] = useState(() => draftFromPlan(plan));
  const [draft, setDraft] = useState(baseline);
  const [warnings, setWarnings] = useState<Record<string, string>>({});
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const save = useSaveCareerPlan(personId);
  const formRef = useRef<HTMLFormElement>(null);
  const isDirty = !isSameDraft(draft, baseline);
  const errors = save.isError ? fieldErrorsOf(save.error) : {};
  const errorCount = Object.keys(errors).length;

  // After a failed save, take the keyboard to the first field the API named.
  useEffect(() => {
    if (!save.isError) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.isError, save.error]);

  function update(change: (current: PlanDraft) => PlanDraft) {
    setDraft((current) => change(current));
    setSavedAt(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(bodyFromDraft(draft), {
      onSuccess: (saved) => {
        const next = draftFromPlan(saved);
        setBaseline(next);
        setDraft(next);
        setWarnings(Object.fromEntries(saved.warnings.map((w) => [normalizeFieldPath(w.path), w.message])));
        setSavedAt(Date.now());
      },
    });
  }

  return (
    <div className="plan-layout">
      <PlanStatusPanel personId={personId} plan={plan} isDirty={isDirty} />
      <form ref={formRef} className="plan-form" onSubmit={submit} noValidate aria-label="Career plan">
        <EnvisionSection plan={plan} draft={draft} update={update} errors={errors} ladder={ladder} />
        <SelfAwarenessSection plan={plan} draft={draft} update={update} errors={errors} ladder={ladder} />
        <LearningSection plan={plan} draft={draft} update={update} errors={errors} ladder={ladder} />
        <StepsSection plan={plan} draft={draft} update={update} errors={errors} warnings={warnings} />
        <BeyondTitlesSection plan={plan} draft={draft} update={update} errors={errors} ladder={ladder} />
        <CadenceSection draft={draft} update={update} errors={errors} />
        <div className="save-bar">
          <div className="save-bar__status">
            {save.isError ? (
              <p role="alert" className="form-error">
                {errorCount > 0
                  ? `The plan was not saved: ${errorCount === 1 ? "one field needs" : `${errorCount} fields need`} attention, marked below each.`
                  : `The plan was not saved. ${describeError(save.error)}`}
              </p>
            ) : (
              <p role="status" className="save-bar__message">
                {save.isPending
                  ? "Saving…"
                  : savedAt !== null
                    ? Object.keys(warnings).length > 0
                      ? "Saved, with a warning shown beside the field."
                      : "Saved."
                    : isDirty
                      ? "You have unsaved changes."
                      : plan.isSaved
                        ? "All changes saved."
                        : "Nothing saved yet."}
              </p>
            )}
          </div>
          <div className="actions">
            {isDirty && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setDraft(baseline);
                  save.reset();
                }}
                disabled={save.isPending}
              >
                Discard changes
              </button>
            )}
            <button type="submit" className="button" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save plan"}
            </button>
          </div>
        </div>
      </form>
      <ReviewSection personId={personId} plan={plan} isDirty={isDirty} ladder={ladder} />
      <p className="muted plan-footnote">
        Turn a gap into something concrete on the <Link to="/goals">Goals</Link> page.
      </p>
    </div>
  );
}
