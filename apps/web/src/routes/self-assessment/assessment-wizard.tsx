import {
  ApiError,
  type TAssessment,
  type TAssessmentRelation,
  type TEvidence,
  type TFramework,
} from "@ascent/contract";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import {
  useAssessmentDraft,
  useEvidence,
  useFrameworkDocument,
  useReadinessSettings,
  useSaveRatings,
  useSubmitAssessment,
} from "../../api/assessment-queries.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { CompetencyStep } from "./competency-step.tsx";
import { ReviewStep } from "./review-step.tsx";
import { useAutosave, type SaveState } from "./use-autosave.ts";
import {
  answersFrom,
  assessedCompetencies,
  EMPTY_ANSWER,
  isAnswered,
  isOverLimit,
  levelById,
  nextLevelOf,
  toRatingsPayload,
  type Answer,
  type Answers,
  type Competency,
} from "./wizard-model.ts";
import { wizardWording, type WizardWording } from "./wizard-wording.ts";
import "./shared-controls.css";
import "./wizard.css";

export interface AssessmentWizardProps {
  subjectId: string;
  relation: TAssessmentRelation;
  feedbackRequestId?: string | undefined;
  /** Where the thank-you page points next. */
  done: { to: string; label: string };
}

/** Server messages about single answers, e.g. `ratings[3].evidence` or `body.ratings.3.score`. */
function answerErrors(error: unknown, sent: string[]): Record<string, string> {
  if (!(error instanceof ApiError) || !error.details) return {};
  const found: Record<string, string> = {};
  for (const detail of error.details) {
    const index = /ratings(?:\[|\.)(\d+)/.exec(detail.path ?? "")?.[1];
    const competencyId = index === undefined ? undefined : sent[Number(index)];
    if (competencyId && !found[competencyId]) found[competencyId] = detail.message;
  }
  return found;
}

function SaveStatus({ state, isBlocked, onRetry }: { state: SaveState; isBlocked: boolean; onRetry: () => void }) {
  let text = "";
  if (isBlocked) text = "Not saved: an answer is over the length limit.";
  else if (state.kind === "saving") text = "Saving…";
  else if (state.kind === "saved") text = "Saved";
  else if (state.kind === "error") text = `Not saved: ${describeError(state.error)}`;
  return (
    <div className="save-status">
      <p role="status" className={`save-status__text save-status__text--${isBlocked ? "error" : state.kind}`}>
        {text}
      </p>
      {state.kind === "error" && !isBlocked && (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Try saving again
        </button>
      )}
    </div>
  );
}

function StepNav({
  competencies,
  answers,
  current,
  onGo,
}: {
  competencies: Competency[];
  answers: Answers;
  current: number;
  onGo: (index: number) => void;
}) {
  const items = [...competencies.map((c) => ({ id: c.id, name: c.name })), { id: "review", name: "Review and submit" }];
  return (
    <nav aria-label="Assessment steps" className="wizard-nav">
      <ol className="wizard-nav__list">
        {items.map((item, index) => {
          const isReview = index === competencies.length;
          const answered = !isReview && isAnswered(answers[item.id]);
          return (
            <li key={item.id}>
              <button
                type="button"
                className="wizard-nav__item"
                aria-current={index === current ? "step" : undefined}
                onClick={() => onGo(index)}
              >
                <span className={`wizard-nav__mark${answered ? " wizard-nav__mark--done" : ""}`} aria-hidden="true">
                  {isReview ? "✓" : answered ? "●" : index + 1}
                </span>
                <span className="wizard-nav__name">{item.name}</span>
                {!isReview && <span className="visually-hidden">{answered ? ", rated" : ", not rated yet"}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

interface WizardFormProps {
  assessment: TAssessment;
  document: TFramework;
  evidenceEntries: TEvidence[] | null;
  wording: WizardWording;
  done: AssessmentWizardProps["done"];
}

function WizardForm({ assessment, document, evidenceEntries, wording, done }: WizardFormProps) {
  const competencies = useMemo(
    () => assessedCompetencies(document, assessment.levelId),
    [document, assessment.levelId],
  );
  const level = levelById(document, assessment.levelId);
  const nextLevel = nextLevelOf(document, assessment.levelId);
  const [answers, setAnswers] = useState<Answers>(() => answersFrom(assessment));
  // Resume at the first competency not yet rated; with everything rated, at the review.
  const [step, setStep] = useState(() => {
    const initial = answersFrom(assessment);
    const first = competencies.findIndex((c) => !isAnswered(initial[c.id]));
    return first === -1 ? competencies.length : first;
  });
  const [submitted, setSubmitted] = useState<TAssessment | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const thanksRef = useRef<HTMLHeadingElement>(null);
  const hasNavigated = useRef(false);
  const sentOrder = useRef<string[]>([]);

  const save = useSaveRatings(assessment.id);
  const submit = useSubmitAssessment();
  const autosave = useAutosave((next: Answers) => {
    const ratings = toRatingsPayload(competencies, next);
    sentOrder.current = ratings.map((r) => r.competencyId);
    return save.mutateAsync(ratings);
  });
  const serverErrors = autosave.state.kind === "error" ? answerErrors(autosave.state.error, sentOrder.current) : {};
  const isBlocked = competencies.some((c) => isOverLimit(answers[c.id]));

  useEffect(() => {
    if (!hasNavigated.current) return;
    headingRef.current?.focus();
  }, [step]);

  useEffect(() => {
    if (submitted) thanksRef.current?.focus();
  }, [submitted]);

  useEffect(() => {
    function warn(event: BeforeUnloadEvent) {
      if (autosave.hasUnsavedChanges()) event.preventDefault();
    }
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [autosave]);

  function goTo(index: number) {
    hasNavigated.current = true;
    setStep(Math.max(0, Math.min(index, competencies.length)));
  }

  function change(competencyId: string, answer: Answer) {
    const next = { ...answers, [competencyId]: answer };
    setAnswers(next);
    setSubmitProblem(null);
    if (!competencies.some((c) => isOverLimit(next[c.id]))) autosave.schedule(next);
  }

  function askToSubmit() {
    if (isBlocked) {
      setSubmitProblem("Shorten the answers that are over the length limit before submitting.");
      return;
    }
    if (!competencies.some((c) => isAnswered(answers[c.id]))) {
      setSubmitProblem("Rate at least one competency before submitting.");
      return;
    }
    setSubmitProblem(null);
    submit.reset();
    setIsConfirming(true);
  }

  async function confirmSubmit() {
    if (!(await autosave.flush())) {
      setIsConfirming(false);
      setSubmitProblem("Your latest answers could not be saved, so nothing was submitted. Try saving again first.");
      return;
    }
    submit.mutate(assessment.id, {
      onSuccess: (result) => {
        setIsConfirming(false);
        setSubmitted(result);
      },
    });
  }

  if (submitted) {
    return (
      <section className="card wizard-done" aria-labelledby="wizard-done-heading">
        <h2 id="wizard-done-heading" ref={thanksRef} tabIndex={-1} className="wizard-done__title">
          {wording.thanksTitle}
        </h2>
        <p>{wording.thanksText}</p>
        <p>
          <Link to={done.to} className="button">
            {done.label}
          </Link>
        </p>
      </section>
    );
  }

  if (!level || competencies.length === 0) {
    return (
      <div className="callout callout--warning">
        The level this assessment is given against is not in the framework version it was started on, so there is
        nothing to rate. Ask an admin to check the person’s level.
      </div>
    );
  }

  const isReview = step === competencies.length;
  const competency = competencies[step];
  const answeredCount = competencies.filter((c) => isAnswered(answers[c.id])).length;
  const submitProblemId = "wizard-submit-problem";

  return (
    <div className="wizard">
      <aside className="wizard__aside">
        <p className="wizard__summary">
          <strong>
            {answeredCount} of {competencies.length}
          </strong>{" "}
          rated
        </p>
        <div className="wizard__bar" aria-hidden="true">
          <span style={{ width: `${(answeredCount / competencies.length) * 100}%` }} />
        </div>
        <StepNav competencies={competencies} answers={answers} current={step} onGo={goTo} />
      </aside>

      <div className="wizard__main">
        {isReview || !competency ? (
          <ReviewStep
            document={document}
            competencies={competencies}
            answers={answers}
            evidenceEntries={evidenceEntries}
            wording={wording}
            onEdit={goTo}
            headingRef={headingRef}
          />
        ) : (
          <CompetencyStep
            key={competency.id}
            document={document}
            competency={competency}
            position={step + 1}
            total={competencies.length}
            level={level}
            nextLevel={nextLevel}
            answer={answers[competency.id] ?? EMPTY_ANSWER}
            onChange={(answer) => change(competency.id, answer)}
            evidenceEntries={evidenceEntries}
            wording={wording}
            serverError={serverErrors[competency.id]}
            headingRef={headingRef}
          />
        )}

        {submitProblem && (
          <p id={submitProblemId} role="alert" className="form-error wizard__problem">
            {submitProblem}
          </p>
        )}

        <div className="wizard__footer">
          <div className="actions">
            {step > 0 && (
              <button type="button" className="button button--secondary" onClick={() => goTo(step - 1)}>
                Back
              </button>
            )}
            {isReview ? (
              <button
                type="button"
                className="button"
                onClick={askToSubmit}
                aria-describedby={submitProblem ? submitProblemId : undefined}
              >
                {wording.submitLabel}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => goTo(step + 1)}>
                {step === competencies.length - 1 ? "Review answers" : "Next"}
              </button>
            )}
          </div>
          <SaveStatus state={autosave.state} isBlocked={isBlocked} onRetry={() => void autosave.flush()} />
        </div>
      </div>

      <ConfirmDialog
        isOpen={isConfirming}
        onClose={() => setIsConfirming(false)}
        title={wording.confirmTitle}
        confirmLabel={wording.submitLabel}
        busyLabel="Submitting…"
        onConfirm={() => void confirmSubmit()}
        isBusy={submit.isPending}
        error={submit.error}
        tone="normal"
      >
        <p>
          {answeredCount} of {competencies.length} competencies rated. {wording.confirmText}
        </p>
      </ConfirmDialog>
    </div>
  );
}

function describeStartError(error: unknown, relation: TAssessmentRelation): string {
  if (
    error instanceof ApiError &&
    error.code === "already_submitted" &&
    (relation === "peer" || relation === "upward")
  ) {
    return "You have already answered this feedback request. Thank you: answers are final once given.";
  }
  return describeError(error);
}

/**
 * One competency per step, autosaved, then a review and a confirmed submit. Opens the rater's
 * draft for this subject and relation, or starts one; the same wizard serves self, manager and
 * peer or upward feedback.
 */
export function AssessmentWizard({ subjectId, relation, feedbackRequestId, done }: AssessmentWizardProps) {
  const draft = useAssessmentDraft({ subjectId, relation, feedbackRequestId });
  const framework = useFrameworkDocument(draft.data?.frameworkVersion);
  const isFeedback = relation === "peer" || relation === "upward";
  const settings = useReadinessSettings();
  const evidence = useEvidence(subjectId, { enabled: !isFeedback });

  if (draft.isPending) return <LoadingState label="Opening your answers…" />;
  if (draft.isError) {
    const isFinal = draft.error instanceof ApiError && draft.error.status < 500;
    return (
      <ErrorState
        title="This assessment cannot be opened"
        error={new Error(describeStartError(draft.error, relation))}
        {...(isFinal ? {} : { onRetry: () => void draft.refetch(), isRetrying: draft.isFetching })}
      />
    );
  }
  if (framework.isPending) return <LoadingState label="Loading the competencies…" />;
  if (framework.isError) {
    return (
      <ErrorState
        title="The competencies could not be loaded"
        error={framework.error}
        onRetry={() => void framework.refetch()}
        isRetrying={framework.isFetching}
      />
    );
  }

  const wording = wizardWording(relation, draft.data.subject.name, settings.data?.k ?? null);
  const entries = isFeedback ? null : (evidence.data?.evidence ?? []);
  return (
    <WizardForm
      key={draft.data.id}
      assessment={draft.data}
      document={framework.data.document}
      evidenceEntries={entries}
      wording={wording}
      done={done}
    />
  );
}
