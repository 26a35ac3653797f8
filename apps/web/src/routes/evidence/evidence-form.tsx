import {
  LIMITS,
  type TCreateEvidenceBody,
  type TEvidence,
  type TFramework,
  type TTagSuggestions,
} from "@ascent/contract";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useSuggestEvidenceTags } from "../../api/assessment-queries.ts";
import { describeError, fieldErrors } from "../../ui/describe-error.ts";
import { isPlainText } from "../../ui/plain-text.ts";

export interface EvidenceDraft {
  title: string;
  date: string;
  body: string;
  links: string;
  competencyIds: string[];
  isSharedWithManager: boolean;
}

function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export function draftFrom(entry: TEvidence | null): EvidenceDraft {
  return entry
    ? {
        title: entry.title,
        date: entry.date,
        body: entry.body,
        links: entry.links.join("\n"),
        competencyIds: [...entry.competencyIds],
        isSharedWithManager: entry.isSharedWithManager,
      }
    : { title: "", date: today(), body: "", links: "", competencyIds: [], isSharedWithManager: false };
}

function splitLinks(text: string): string[] {
  return text
    .split(/\s+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function validate(draft: EvidenceDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.title.trim()) errors.title = "Give the achievement a title.";
  else if (!isPlainText(draft.title)) errors.title = "Plain text only: HTML tags are not allowed.";
  else if (draft.title.length > LIMITS.shortText) errors.title = `Keep the title under ${LIMITS.shortText} characters.`;
  if (!draft.date) errors.date = "Choose the day it happened.";
  if (draft.body.length > LIMITS.evidenceText) {
    errors.body = `The description is ${draft.body.length - LIMITS.evidenceText} characters over the limit of ${LIMITS.evidenceText}.`;
  }
  const links = splitLinks(draft.links);
  const bad = links.find((link) => !isWebLink(link));
  if (bad) errors.links = `“${bad}” is not a web address; links start with https:// or http://.`;
  else if (links.length > LIMITS.evidenceLinks) errors.links = `Add at most ${LIMITS.evidenceLinks} links.`;
  return errors;
}

export function toBody(draft: EvidenceDraft): TCreateEvidenceBody {
  return {
    title: draft.title.trim(),
    date: draft.date,
    body: draft.body,
    links: splitLinks(draft.links),
    competencyIds: draft.competencyIds,
    isSharedWithManager: draft.isSharedWithManager,
  };
}

export interface EvidenceFormProps {
  document: TFramework;
  initial: EvidenceDraft;
  heading: string;
  submitLabel: string;
  isSaving: boolean;
  saveError: unknown;
  onSave: (draft: EvidenceDraft) => void;
  onCancel: () => void;
}

export function EvidenceForm({
  document,
  initial,
  heading,
  submitLabel,
  isSaving,
  saveError,
  onSave,
  onCancel,
}: EvidenceFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [suggestions, setSuggestions] = useState<TTagSuggestions["suggestions"] | null>(null);
  const suggest = useSuggestEvidenceTags();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const server = fieldErrors(saveError);
  const shown = { ...server, ...errors };
  const general = saveError && Object.keys(server).length === 0 ? describeError(saveError) : undefined;
  const names = new Map(document.competencies.map((c) => [c.id, c.name]));
  const areas = [...new Set(document.competencies.map((c) => c.area))];
  const field = (name: string) => `${id}-${name}`;
  const describedBy = (name: string, ...extra: string[]) =>
    [...extra, shown[name] ? `${field(name)}-error` : null].filter(Boolean).join(" ") || undefined;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function update(patch: Partial<EvidenceDraft>) {
    setDraft((current) => ({ ...current, ...patch }));
  }

  function toggleTag(competencyId: string, isOn: boolean) {
    update({
      competencyIds: isOn
        ? [...new Set([...draft.competencyIds, competencyId])]
        : draft.competencyIds.filter((c) => c !== competencyId),
    });
  }

  function askForSuggestions() {
    if (!draft.title.trim() && !draft.body.trim()) {
      setErrors((e) => ({ ...e, title: "Write a title or a description first, so there is something to match." }));
      return;
    }
    suggest.mutate(
      { title: draft.title.slice(0, LIMITS.shortText), body: draft.body.slice(0, LIMITS.evidenceText) },
      { onSuccess: (result) => setSuggestions(result.suggestions) },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate(draft);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      window.document.getElementById(field(first))?.focus();
      return;
    }
    onSave(draft);
  }

  const pending = (suggestions ?? []).filter((s) => !draft.competencyIds.includes(s.competencyId));
  const remaining = LIMITS.evidenceText - draft.body.length;

  return (
    <form className="card evidence-form" onSubmit={submit} noValidate aria-labelledby={field("heading")}>
      <h2 id={field("heading")} ref={headingRef} tabIndex={-1} className="card__title">
        {heading}
      </h2>
      <div className="form-row">
        <div className="form-field">
          <label htmlFor={field("title")} className="form-field__label">
            Title
          </label>
          <input
            id={field("title")}
            className="input"
            value={draft.title}
            onChange={(event) => update({ title: event.target.value })}
            aria-invalid={shown.title ? true : undefined}
            aria-describedby={describedBy("title")}
          />
          {shown.title && (
            <p id={`${field("title")}-error`} role="alert" className="form-field__error">
              {shown.title}
            </p>
          )}
        </div>
        <div className="form-field evidence-form__date">
          <label htmlFor={field("date")} className="form-field__label">
            Date
          </label>
          <input
            id={field("date")}
            type="date"
            className="input"
            value={draft.date}
            onChange={(event) => update({ date: event.target.value })}
            aria-invalid={shown.date ? true : undefined}
            aria-describedby={describedBy("date")}
          />
          {shown.date && (
            <p id={`${field("date")}-error`} role="alert" className="form-field__error">
              {shown.date}
            </p>
          )}
        </div>
      </div>

      <div className="form-field">
        <label htmlFor={field("body")} className="form-field__label">
          What happened <span className="form-field__optional">(optional)</span>
        </label>
        <p id={`${field("body")}-hint`} className="form-field__hint">
          What you did, who it involved and what came of it. Plain text.
        </p>
        <textarea
          id={field("body")}
          className="input evidence-form__body"
          rows={5}
          value={draft.body}
          onChange={(event) => update({ body: event.target.value })}
          aria-invalid={shown.body ? true : undefined}
          aria-describedby={describedBy("body", `${field("body")}-hint`, `${field("body")}-count`)}
        />
        <p
          id={`${field("body")}-count`}
          className={`char-counter${remaining < 0 ? " char-counter--over" : ""}`}
          aria-live={remaining <= 200 ? "polite" : "off"}
        >
          {draft.body.length.toLocaleString()} of {LIMITS.evidenceText.toLocaleString()} characters
        </p>
        {shown.body && (
          <p id={`${field("body")}-error`} role="alert" className="form-field__error">
            {shown.body}
          </p>
        )}
      </div>

      <div className="form-field">
        <label htmlFor={field("links")} className="form-field__label">
          Links <span className="form-field__optional">(optional)</span>
        </label>
        <p id={`${field("links")}-hint`} className="form-field__hint">
          One web address per line, up to {LIMITS.evidenceLinks}: a document, a launch note, a dashboard.
        </p>
        <textarea
          id={field("links")}
          className="input"
          rows={2}
          value={draft.links}
          onChange={(event) => update({ links: event.target.value })}
          aria-invalid={shown.links ? true : undefined}
          aria-describedby={describedBy("links", `${field("links")}-hint`)}
        />
        {shown.links && (
          <p id={`${field("links")}-error`} role="alert" className="form-field__error">
            {shown.links}
          </p>
        )}
      </div>

      <fieldset className="tag-picker" aria-describedby={`${field("tags")}-hint`}>
        <legend className="form-field__label">Competencies it shows</legend>
        <p id={`${field("tags")}-hint`} className="form-field__hint">
          Tagged entries are offered as evidence when you rate that competency. Ask for suggestions, then accept the
          ones that fit.
        </p>
        <div className="tag-picker__suggest">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={askForSuggestions}
            disabled={suggest.isPending}
          >
            {suggest.isPending ? "Matching…" : "Suggest competencies"}
          </button>
          <div role="status" className="tag-picker__status">
            {suggest.isError
              ? `No suggestions: ${describeError(suggest.error)}`
              : suggestions === null
                ? ""
                : suggestions.length === 0
                  ? "No competency matches this text closely; tag it yourself below."
                  : pending.length === 0
                    ? "All suggestions accepted."
                    : `${pending.length} suggested ${pending.length === 1 ? "competency" : "competencies"}.`}
          </div>
        </div>
        {pending.length > 0 && (
          <ul className="suggestion-list" aria-label="Suggested competencies">
            {pending.map((suggestion) => (
              <li key={suggestion.competencyId} className="suggestion">
                <span>
                  <span className="suggestion__name">{suggestion.name}</span>
                  {suggestion.matchedWords.length > 0 && (
                    <span className="suggestion__words"> · matched “{suggestion.matchedWords.join("”, “")}”</span>
                  )}
                </span>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => toggleTag(suggestion.competencyId, true)}
                  aria-label={`Accept suggestion: ${suggestion.name}`}
                >
                  Accept
                </button>
              </li>
            ))}
          </ul>
        )}
        <details className="tag-picker__all" open={draft.competencyIds.length > 0 || undefined}>
          <summary>
            {draft.competencyIds.length === 0
              ? "Choose competencies yourself"
              : `Tagged: ${draft.competencyIds.map((c) => names.get(c) ?? c).join(", ")}`}
          </summary>
          <div className="tag-picker__areas">
            {areas.map((area) => (
              <div key={area} className="tag-picker__area">
                <p className="tag-picker__area-name">{area}</p>
                {document.competencies
                  .filter((c) => c.area === area)
                  .map((competency) => (
                    <label key={competency.id} className="check-option">
                      <input
                        type="checkbox"
                        checked={draft.competencyIds.includes(competency.id)}
                        onChange={(event) => toggleTag(competency.id, event.target.checked)}
                      />
                      <span>{competency.name}</span>
                    </label>
                  ))}
              </div>
            ))}
          </div>
        </details>
      </fieldset>

      <label className="check-option evidence-form__share">
        <input
          type="checkbox"
          checked={draft.isSharedWithManager}
          onChange={(event) => update({ isSharedWithManager: event.target.checked })}
        />
        <span>
          <span className="check-option__title">Share with my manager</span>{" "}
          <span className="check-option__note">They can then read it and link it when they assess you.</span>
        </span>
      </label>

      {general && (
        <p role="alert" className="form-error">
          {general}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={isSaving}>
          {isSaving ? "Saving…" : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={isSaving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
