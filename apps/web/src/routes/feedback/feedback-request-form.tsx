import { LIMITS } from "@ascent/contract";
import { useId, useState, type FormEvent } from "react";
import { useCreateFeedbackRequest } from "../../api/assessment-queries.ts";
import { useReports } from "../../api/people-queries.ts";
import { describeError, fieldErrors } from "../../ui/describe-error.ts";
import { isPlainText } from "../../ui/plain-text.ts";
import { ColleaguePicker, type PickedPerson } from "./colleague-picker.tsx";

const DEFAULT_DAYS = 14;

function isoDay(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** The end of the chosen day, in the browser's time zone, so "due on the 12th" includes the 12th. */
function endOfDay(day: string): string {
  return new Date(`${day}T23:59:59`).toISOString();
}

export interface FeedbackRequestFormProps {
  subject: { id: string; name: string };
  isSelf: boolean;
  k: number;
}

export function FeedbackRequestForm({ subject, isSelf, k }: FeedbackRequestFormProps) {
  const id = useId();
  const [relation, setRelation] = useState<"peer" | "upward">("peer");
  const [raters, setRaters] = useState<PickedPerson[]>([]);
  const [due, setDue] = useState(() => isoDay(new Date(Date.now() + DEFAULT_DAYS * 86_400_000)));
  const [message, setMessage] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<string | null>(null);
  const create = useCreateFeedbackRequest(subject.id);
  const reports = useReports(subject.id, "direct");
  const directReports = (reports.data?.reports ?? []).map((r) => ({ id: r.id, name: r.name, title: r.title }));
  const serverProblems = fieldErrors(create.error);
  const errors = { ...serverProblems, ...problems };
  const generalError =
    create.error && Object.keys(serverProblems).length === 0 ? describeError(create.error) : undefined;
  const tomorrow = isoDay(new Date(Date.now() + 86_400_000));
  const who = isSelf ? "you" : subject.name;

  function validate(): Record<string, string> {
    const found: Record<string, string> = {};
    if (raters.length === 0) found.raterIds = "Add at least one colleague to ask.";
    if (raters.length > LIMITS.feedbackRaters)
      found.raterIds = `Ask at most ${LIMITS.feedbackRaters} colleagues at once.`;
    if (!due) found.dueAt = "Choose the day the request closes.";
    else if (due < tomorrow) found.dueAt = "Choose a day after today.";
    if (message.length > LIMITS.longText) found.message = `Keep the message under ${LIMITS.longText} characters.`;
    else if (!isPlainText(message)) found.message = "Plain text only: HTML tags are not allowed.";
    return found;
  }

  function send(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    const found = validate();
    setProblems(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      window.document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    create.mutate(
      { relation, raterIds: raters.map((r) => r.id), dueAt: endOfDay(due), message },
      {
        onSuccess: (request) => {
          setSent(
            `Request sent to ${request.invited.length} ${request.invited.length === 1 ? "colleague" : "colleagues"}.`,
          );
          setRaters([]);
          setMessage("");
        },
      },
    );
  }

  function switchRelation(next: "peer" | "upward") {
    setRelation(next);
    setRaters([]);
    setProblems({});
  }

  const tooFew = raters.length > 0 && raters.length < k;
  const tooFewId = `${id}-too-few`;

  return (
    <form className="card feedback-form" onSubmit={send} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Ask for feedback
      </h2>

      <fieldset className="feedback-form__relation">
        <legend className="form-field__label">Kind of feedback</legend>
        <label className="check-option">
          <input
            type="radio"
            name={`${id}-relation`}
            checked={relation === "peer"}
            onChange={() => switchRelation("peer")}
          />
          <span>
            <span className="check-option__title">Peer feedback</span>{" "}
            <span className="check-option__note">from colleagues who work alongside {who}</span>
          </span>
        </label>
        <label className="check-option">
          <input
            type="radio"
            name={`${id}-relation`}
            checked={relation === "upward"}
            onChange={() => switchRelation("upward")}
            disabled={directReports.length === 0}
          />
          <span>
            <span className="check-option__title">Upward feedback</span>{" "}
            <span className="check-option__note">
              {directReports.length === 0
                ? `from direct reports (${isSelf ? "you have" : `${subject.name} has`} none)`
                : `from the people who report to ${who}`}
            </span>
          </span>
        </label>
      </fieldset>

      <div id={`${id}-raterIds`} tabIndex={-1} className="feedback-form__picker">
        <ColleaguePicker
          key={relation}
          selected={raters}
          onChange={(next) => {
            setRaters(next);
            setProblems((p) => ({ ...p, raterIds: "" }));
          }}
          // A direct report gives upward feedback, never peer feedback; the server names any other conflict.
          excludeIds={relation === "peer" ? [subject.id, ...directReports.map((r) => r.id)] : [subject.id]}
          candidates={relation === "upward" ? directReports : undefined}
          error={errors.raterIds || undefined}
          describedBy={tooFew ? tooFewId : undefined}
        />
        {tooFew && (
          <p id={tooFewId} className="form-field__hint feedback-form__warning">
            With fewer than {k} answers the result stays hidden. Ask at least {k}; a few more is safer, since not
            everyone answers.
          </p>
        )}
      </div>

      <div className="form-row">
        <div className="form-field">
          <label htmlFor={`${id}-dueAt`} className="form-field__label">
            Closes on
          </label>
          <p id={`${id}-due-hint`} className="form-field__hint">
            The answers are released together on this day, or when {isSelf ? "you close" : "the request is closed"} it
            earlier.
          </p>
          <input
            id={`${id}-dueAt`}
            type="date"
            className="input"
            min={tomorrow}
            value={due}
            onChange={(event) => setDue(event.target.value)}
            aria-invalid={errors.dueAt ? true : undefined}
            aria-describedby={[`${id}-due-hint`, errors.dueAt ? `${id}-due-error` : null].filter(Boolean).join(" ")}
          />
          {errors.dueAt && (
            <p id={`${id}-due-error`} role="alert" className="form-field__error">
              {errors.dueAt}
            </p>
          )}
        </div>
      </div>

      <div className="form-field">
        <label htmlFor={`${id}-message`} className="form-field__label">
          Message <span className="form-field__optional">(optional)</span>
        </label>
        <p id={`${id}-message-hint`} className="form-field__hint">
          What you would most like to hear about. Plain text; everyone asked sees it.
        </p>
        <textarea
          id={`${id}-message`}
          className="input"
          rows={3}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          aria-invalid={errors.message ? true : undefined}
          aria-describedby={[`${id}-message-hint`, `${id}-message-count`, errors.message ? `${id}-message-error` : null]
            .filter(Boolean)
            .join(" ")}
        />
        <p id={`${id}-message-count`} className="char-counter">
          {message.length.toLocaleString()} of {LIMITS.longText.toLocaleString()} characters
        </p>
        {errors.message && (
          <p id={`${id}-message-error`} role="alert" className="form-field__error">
            {errors.message}
          </p>
        )}
      </div>

      {generalError && (
        <p role="alert" className="form-error">
          {generalError}
        </p>
      )}
      <div className="feedback-form__footer">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Sending…" : "Send request"}
        </button>
        <p role="status" className="feedback-form__sent">
          {sent}
        </p>
      </div>
    </form>
  );
}
