import { LIMITS } from "@ascent/contract";
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import type { Ladder } from "../../api/growth-queries.ts";
import { useTitleResolution } from "../../api/queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { messageAt, newRowKey, type BeyondTitleRow, type SectionProps } from "./plan-draft.ts";
import { StepHeading } from "./step-heading.tsx";

function useDebounced<T>(value: T, delayMs = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export function BeyondTitlesSection({ plan, draft, update, errors, ladder }: SectionProps & { ladder: Ladder }) {
  const headingId = useId();
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  function change(key: string, patch: Partial<BeyondTitleRow>) {
    update((d) => ({
      ...d,
      beyondTitles: d.beyondTitles.map((row) => (row.key === key ? { ...row, ...patch } : row)),
    }));
  }

  function add() {
    const key = newRowKey();
    update((d) => ({ ...d, beyondTitles: [...d.beyondTitles, { key, company: "", title: "", responsibilities: "" }] }));
    setFocusKey(key);
  }

  function remove(key: string) {
    update((d) => ({ ...d, beyondTitles: d.beyondTitles.filter((row) => row.key !== key) }));
    addRef.current?.focus();
  }

  return (
    <section className="card plan-step" aria-labelledby={headingId}>
      <StepHeading
        plan={plan}
        stepId="beyond-titles"
        number={null}
        fallbackName="Look beyond titles"
        headingId={headingId}
      />
      <p className="plan-step__summary">
        The same title means different things at different companies. Note the titles and responsibilities you find at
        companies you are considering, and see where each sits on this ladder.
      </p>
      {draft.beyondTitles.length === 0 ? (
        <EmptyState title="No titles noted yet">
          <p>
            Add a role you have seen elsewhere, for example a “Group Product Manager” at a company you admire. See also{" "}
            <Link to="/titles">title mapping</Link>.
          </p>
        </EmptyState>
      ) : (
        <ol className="row-list">
          {draft.beyondTitles.map((row, index) => (
            <li key={row.key}>
              <BeyondTitleItem
                row={row}
                index={index}
                ladder={ladder}
                errors={errors}
                shouldFocus={focusKey === row.key}
                onFocused={() => setFocusKey(null)}
                onChange={(patch) => change(row.key, patch)}
                onRemove={() => remove(row.key)}
              />
            </li>
          ))}
        </ol>
      )}
      <button ref={addRef} type="button" className="button button--secondary" onClick={add}>
        Add a title from another company
      </button>
    </section>
  );
}

function BeyondTitleItem({
  row,
  index,
  ladder,
  errors,
  shouldFocus,
  onFocused,
  onChange,
  onRemove,
}: {
  row: BeyondTitleRow;
  index: number;
  ladder: Ladder;
  errors: Record<string, string>;
  shouldFocus: boolean;
  onFocused: () => void;
  onChange: (patch: Partial<BeyondTitleRow>) => void;
  onRemove: () => void;
}) {
  const companyRef = useRef<HTMLInputElement>(null);
  const path = `beyondTitles.${index}`;
  const name = [row.title.trim(), row.company.trim()].filter(Boolean).join(" at ") || `Title ${index + 1}`;

  useEffect(() => {
    if (shouldFocus) {
      companyRef.current?.focus();
      onFocused();
    }
  }, [shouldFocus, onFocused]);

  return (
    <fieldset className="row-card">
      <legend className="row-card__legend">{name}</legend>
      <div className="form-row">
        <FormField label="Company" error={messageAt(errors, `${path}.company`)}>
          {(control) => (
            <input
              {...control}
              ref={companyRef}
              className="input"
              value={row.company}
              maxLength={LIMITS.shortText}
              onChange={(event) => onChange({ company: event.target.value })}
            />
          )}
        </FormField>
        <FormField label="Title there" error={messageAt(errors, `${path}.title`)}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={row.title}
              maxLength={LIMITS.shortText}
              onChange={(event) => onChange({ title: event.target.value })}
            />
          )}
        </FormField>
      </div>
      <FormField label="Responsibilities" error={messageAt(errors, `${path}.responsibilities`)} isOptional>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={2}
            value={row.responsibilities}
            onChange={(event) => onChange({ responsibilities: event.target.value })}
          />
        )}
      </FormField>
      <LadderPlacement title={row.title} ladder={ladder} />
      <div className="row-card__actions">
        <button type="button" className="button button--small button--secondary" onClick={onRemove}>
          Remove<span className="visually-hidden"> {name}</span>
        </button>
      </div>
    </fieldset>
  );
}

function confidenceWord(confidence: number): string {
  if (confidence >= 0.85) return "high confidence";
  if (confidence >= 0.5) return "medium confidence";
  return "low confidence";
}

/** Where the title sits on the ladder, looked up as the person types. */
function LadderPlacement({ title, ladder }: { title: string; ladder: Ladder }) {
  const settled = useDebounced(title.trim());
  const resolution = useTitleResolution(settled);
  const rank = ladder.levels.find((level) => level.id === resolution.data?.levelId)?.rank;
  let content;
  if (!settled) content = <span className="muted">Type the title to see where it sits on this ladder.</span>;
  else if (resolution.isError) content = <span className="muted">The title could not be looked up just now.</span>;
  else if (!resolution.data) content = <span className="muted">Looking up “{settled}”…</span>;
  else if (resolution.data.levelId === null)
    content = (
      <>
        <Badge tone="neutral">Not placed</Badge> <span className="muted">{resolution.data.reason}</span>
      </>
    );
  else
    content = (
      <>
        <Badge tone="accent">
          {rank !== undefined ? `Level ${rank}: ` : ""}
          {resolution.data.levelName}
        </Badge>{" "}
        <span className="muted">
          {confidenceWord(resolution.data.confidence)} — {resolution.data.reason}
        </span>
      </>
    );
  return (
    <p className="ladder-placement" aria-live="polite">
      <span className="ladder-placement__label">On this ladder: </span>
      {content}
    </p>
  );
}
