import type { TEvidence, TFramework } from "@ascent/contract";
import { useId, type Ref } from "react";
import { isAnswered, scaleLabel, type Answers, type Competency } from "./wizard-model.ts";
import type { WizardWording } from "./wizard-wording.ts";

const EXCERPT_LENGTH = 160;

function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > EXCERPT_LENGTH ? `${trimmed.slice(0, EXCERPT_LENGTH)}…` : trimmed;
}

export interface ReviewStepProps {
  document: TFramework;
  competencies: Competency[];
  answers: Answers;
  evidenceEntries: TEvidence[] | null;
  wording: WizardWording;
  onEdit: (index: number) => void;
  headingRef: Ref<HTMLHeadingElement>;
}

export function ReviewStep({
  document,
  competencies,
  answers,
  evidenceEntries,
  wording,
  onEdit,
  headingRef,
}: ReviewStepProps) {
  const headingId = useId();
  const answered = competencies.filter((c) => isAnswered(answers[c.id])).length;
  const titles = new Map((evidenceEntries ?? []).map((entry) => [entry.id, entry.title]));
  return (
    <section className="wizard-step" aria-labelledby={headingId}>
      <p className="wizard-step__eyebrow">Review</p>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="wizard-step__title">
        Review your answers
      </h2>
      <p className="wizard-step__description">
        <strong>
          {answered} of {competencies.length}
        </strong>{" "}
        competencies rated. {wording.reviewLead}
      </p>
      <div className="table-card">
        <table className="data-table review-table">
          <caption className="visually-hidden">Your answers, one row per competency</caption>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col">Rating</th>
              <th scope="col">{wording.evidenceLabel}</th>
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {competencies.map((competency, index) => {
              const answer = answers[competency.id];
              const linked = (answer?.evidenceIds ?? []).map((id) => titles.get(id) ?? "An evidence entry");
              return (
                <tr key={competency.id}>
                  <th scope="row" data-label="Competency">
                    <span className="cell-title">{competency.name}</span>
                  </th>
                  <td data-label="Rating">
                    {isAnswered(answer) ? (
                      <span className="review-table__score">{scaleLabel(document, answer?.score)}</span>
                    ) : (
                      <span className="muted">Not rated</span>
                    )}
                  </td>
                  <td data-label={wording.evidenceLabel} className="review-table__evidence">
                    {answer?.evidence.trim() ? (
                      <span className="review-table__text">{excerpt(answer.evidence)}</span>
                    ) : (
                      <span className="muted">None</span>
                    )}
                    {linked.length > 0 && <span className="cell-note">Linked: {linked.join("; ")}</span>}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => onEdit(index)}
                    >
                      Change<span className="visually-hidden"> {competency.name}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
