import { LIMITS, type TEvidence, type TFramework } from "@ascent/contract";
import { useId, type Ref } from "react";
import { Link } from "react-router";
import { Badge } from "../../ui/badge.tsx";
import { FormattedDay } from "../../ui/formatted-day.tsx";
import type { WizardWording } from "./wizard-wording.ts";
import { expectationAt, scaleLabel, type Answer, type Competency, type Level } from "./wizard-model.ts";

/** From this many characters left, the counter is read out as it changes. */
const ANNOUNCE_REMAINING_BELOW = 200;

function DescriptorCard({
  document,
  level,
  tag,
  competencyId,
}: {
  document: TFramework;
  level: Level;
  tag: string;
  competencyId: string;
}) {
  const expectation = expectationAt(document, level.id, competencyId);
  const applies = expectation !== undefined && expectation.weight > 0;
  return (
    <div className="descriptor-card">
      <p className="descriptor-card__tag">{tag}</p>
      <h3 className="descriptor-card__level">{level.name}</h3>
      {applies ? (
        <>
          <p className="descriptor-card__expected">
            Expected: <strong>{scaleLabel(document, expectation.expected)}</strong>
          </p>
          <p className="descriptor-card__text">{expectation.descriptor}</p>
          {expectation.interpolated && (
            <p className="descriptor-card__note">
              <Badge tone="neutral">Interpolated</Badge> Written by this project between the levels its sources
              describe.
            </p>
          )}
        </>
      ) : (
        <p className="descriptor-card__text muted">
          Not expected at this level yet. It first applies at the next level, so rating it now counts toward readiness
          for that step.
        </p>
      )}
    </div>
  );
}

function EvidenceLinks({
  entries,
  competencyId,
  selected,
  onChange,
  wording,
}: {
  entries: TEvidence[];
  competencyId: string;
  selected: string[];
  onChange: (ids: string[]) => void;
  wording: WizardWording;
}) {
  // Entries tagged with this competency first, then the rest, newest first within each.
  const ordered = [...entries].sort(
    (a, b) =>
      Number(b.competencyIds.includes(competencyId)) - Number(a.competencyIds.includes(competencyId)) ||
      b.date.localeCompare(a.date),
  );
  return (
    <fieldset className="evidence-links">
      <legend className="form-field__label">Link entries from {wording.evidenceLogName}</legend>
      {ordered.length === 0 ? (
        <p className="form-field__hint">
          {wording.noEvidence} {wording.evidenceLogHref && <Link to={wording.evidenceLogHref}>Log an achievement</Link>}
        </p>
      ) : (
        <ul className="evidence-links__list">
          {ordered.map((entry) => {
            const isTagged = entry.competencyIds.includes(competencyId);
            return (
              <li key={entry.id}>
                <label className="check-option">
                  <input
                    type="checkbox"
                    checked={selected.includes(entry.id)}
                    onChange={(event) =>
                      onChange(
                        event.target.checked ? [...selected, entry.id] : selected.filter((id) => id !== entry.id),
                      )
                    }
                  />
                  <span>
                    <span className="check-option__title">{entry.title}</span>{" "}
                    <span className="check-option__note">
                      <FormattedDay day={entry.date} />
                      {isTagged && " · tagged with this competency"}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}

export interface CompetencyStepProps {
  document: TFramework;
  competency: Competency;
  position: number;
  total: number;
  level: Level;
  nextLevel: Level | undefined;
  answer: Answer;
  onChange: (answer: Answer) => void;
  /** Null when the rater cannot link evidence (peer and upward feedback). */
  evidenceEntries: TEvidence[] | null;
  wording: WizardWording;
  /** A message from the server about this competency's answer. */
  serverError: string | undefined;
  headingRef: Ref<HTMLHeadingElement>;
}

export function CompetencyStep({
  document,
  competency,
  position,
  total,
  level,
  nextLevel,
  answer,
  onChange,
  evidenceEntries,
  wording,
  serverError,
  headingRef,
}: CompetencyStepProps) {
  const id = useId();
  const headingId = `${id}-heading`;
  const scaleHintId = `${id}-scale-hint`;
  const evidenceId = `${id}-evidence`;
  const evidenceHintId = `${id}-evidence-hint`;
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  const length = answer.evidence.length;
  const remaining = LIMITS.evidenceText - length;
  const isOver = remaining < 0;
  const evidenceError = isOver
    ? `${wording.evidenceLabel} is ${-remaining} characters over the limit of ${LIMITS.evidenceText}. Shorten it to save.`
    : serverError;

  return (
    <section className="wizard-step" aria-labelledby={headingId}>
      <p className="wizard-step__eyebrow">
        {competency.area} · Competency {position} of {total}
      </p>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="wizard-step__title">
        {competency.name}
      </h2>
      <p className="wizard-step__description">{competency.description}</p>

      <div className="descriptor-pair">
        <DescriptorCard document={document} level={level} tag={wording.levelTag} competencyId={competency.id} />
        {nextLevel && (
          <DescriptorCard document={document} level={nextLevel} tag="Next level" competencyId={competency.id} />
        )}
      </div>

      <fieldset className="rating-scale" aria-describedby={scaleHintId}>
        <legend className="rating-scale__legend">{wording.ratingLegend(competency.name)}</legend>
        <p id={scaleHintId} className="form-field__hint">
          {wording.ratingHint}
        </p>
        <div className="rating-scale__options">
          {document.scale.points.map((point) => {
            const descriptionId = `${id}-point-${point.value}`;
            return (
              <label key={point.value} className="rating-option">
                <input
                  type="radio"
                  name={`${id}-score`}
                  value={point.value}
                  checked={answer.score === point.value}
                  onChange={() => onChange({ ...answer, score: point.value })}
                  aria-describedby={descriptionId}
                />
                <span className="rating-option__value">{point.value}</span>
                <span className="rating-option__label">{point.label}</span>
                {/* Hidden from the name (it would make every option a paragraph long); read as its description. */}
                <span id={descriptionId} className="rating-option__description" aria-hidden="true">
                  {point.description}
                </span>
              </label>
            );
          })}
        </div>
        {answer.score !== null && (
          <button
            type="button"
            className="button button--link rating-scale__clear"
            onClick={() => onChange({ ...answer, score: null })}
          >
            Clear rating
          </button>
        )}
      </fieldset>

      <div className="form-field wizard-step__evidence">
        <label htmlFor={evidenceId} className="form-field__label">
          {wording.evidenceLabel} <span className="form-field__optional">(optional)</span>
        </label>
        <p id={evidenceHintId} className="form-field__hint">
          {wording.evidenceHint}
        </p>
        <textarea
          id={evidenceId}
          className="input wizard-step__textarea"
          rows={6}
          value={answer.evidence}
          onChange={(event) => onChange({ ...answer, evidence: event.target.value })}
          aria-describedby={[evidenceHintId, counterId, evidenceError ? errorId : null].filter(Boolean).join(" ")}
          aria-invalid={evidenceError ? true : undefined}
        />
        <p
          id={counterId}
          className={`char-counter${isOver ? " char-counter--over" : ""}`}
          aria-live={remaining <= ANNOUNCE_REMAINING_BELOW ? "polite" : "off"}
        >
          {length.toLocaleString()} of {LIMITS.evidenceText.toLocaleString()} characters
          {remaining <= ANNOUNCE_REMAINING_BELOW && !isOver && ` · ${remaining} left`}
        </p>
        {evidenceError && (
          <p id={errorId} role="alert" className="form-field__error">
            {evidenceError}
          </p>
        )}
      </div>

      {evidenceEntries && (
        <EvidenceLinks
          entries={evidenceEntries}
          competencyId={competency.id}
          selected={answer.evidenceIds}
          onChange={(evidenceIds) => onChange({ ...answer, evidenceIds })}
          wording={wording}
        />
      )}
    </section>
  );
}
