import { LIMITS } from "@ascent/contract";
import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useTitleResolution } from "../../api/queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { FormField } from "../../ui/form-field.tsx";
import "./title-lookup.css";

const EXAMPLES = ["Sr. Product Manager II (EMEA)", "Group PM", "Head of Product — Payments", "Product Designer"];

function Confidence({ value }: { value: number }) {
  const labelId = useId();
  const percent = Math.round(value * 100);
  return (
    <div className="confidence">
      <span id={labelId} className="confidence__label">
        Confidence <strong>{percent}%</strong>
      </span>
      <meter
        className="confidence__meter"
        min={0}
        max={1}
        low={0.5}
        high={0.8}
        optimum={1}
        value={value}
        aria-labelledby={labelId}
      >
        {percent}%
      </meter>
    </div>
  );
}

/**
 * Titles are fluid: the same words mean different scopes at different companies. This box shows
 * where a company's title lands on the ladder, how sure the mapping is, and why.
 */
export function TitleLookup({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const [draft, setDraft] = useState("");
  const [title, setTitle] = useState("");
  const [inputError, setInputError] = useState<string | undefined>();
  const resolution = useTitleResolution(title);
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";

  function lookUp(value: string) {
    const trimmed = value.trim();
    if (!trimmed) {
      setInputError("Type a job title first, e.g. “Senior PM” or “Head of Product”.");
      return;
    }
    setInputError(undefined);
    setDraft(trimmed);
    setTitle(trimmed.slice(0, LIMITS.shortText));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    lookUp(draft);
  }

  const answer = resolution.data;
  return (
    <section className="card title-lookup" aria-labelledby={headingId}>
      <Heading id={headingId} className="card__title">
        Where does a job title sit?
      </Heading>
      <form role="search" aria-label="Title lookup" className="title-lookup__form" noValidate onSubmit={handleSubmit}>
        <FormField
          label="Company job title"
          hint="Any title as your company writes it; suffixes like “(EMEA)” or “— Payments” are fine."
          error={inputError}
        >
          {(control) => (
            <div className="title-lookup__row">
              <input
                {...control}
                className="input"
                type="search"
                value={draft}
                maxLength={LIMITS.shortText}
                onChange={(event) => setDraft(event.target.value)}
              />
              <button type="submit" className="button">
                Look up
              </button>
            </div>
          )}
        </FormField>
      </form>
      <p className="title-lookup__examples">
        <span className="muted">Try:</span>
        {EXAMPLES.map((example) => (
          <button key={example} type="button" className="example-chip" onClick={() => lookUp(example)}>
            {example}
          </button>
        ))}
      </p>
      <div className="title-lookup__result" aria-live="polite" aria-busy={resolution.isFetching}>
        {resolution.isFetching && !answer && <p className="muted">Looking up “{title}”…</p>}
        {resolution.isError && (
          <p className="form-error" role="alert">
            The title could not be looked up: {describeError(resolution.error)}
          </p>
        )}
        {answer && (
          <div className={`title-answer${answer.levelId ? "" : " title-answer--none"}`}>
            <p className="title-answer__headline">
              “{answer.title}”{" "}
              {answer.levelId ? (
                <>
                  sits at{" "}
                  <Link to={`/ladder/levels/${encodeURIComponent(answer.levelId)}`} className="strong-link">
                    {answer.levelName ?? answer.levelId}
                  </Link>
                </>
              ) : (
                <>is not on this ladder</>
              )}
            </p>
            <Confidence value={answer.confidence} />
            <p className="title-answer__reason">
              <span className="muted">Why: </span>
              {answer.reason}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
