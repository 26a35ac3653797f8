import { LIMITS } from "@ascent/contract";
import { useEffect, useId, useState } from "react";
import { Link } from "react-router";
import type { Ladder } from "../../api/ladder.ts";
import { useTitleResolution } from "../../api/queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { RowListEditor, type RowTools } from "../../ui/row-list-editor.tsx";
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
      <RowListEditor<BeyondTitleRow>
        layout="cards"
        rows={draft.beyondTitles}
        rowKey={(row) => row.key}
        onRowsChange={(apply) => update((d) => ({ ...d, beyondTitles: apply(d.beyondTitles) }))}
        rowName={(row, index) =>
          [row.title.trim(), row.company.trim()].filter(Boolean).join(" at ") || `Title ${index + 1}`
        }
        newRow={() => ({ key: newRowKey(), company: "", title: "", responsibilities: "" })}
        addLabel="Add a title from another company"
        empty={
          <EmptyState title="No titles noted yet">
            <p>
              Add a role you have seen elsewhere, for example a “Group Product Manager” at a company you admire. See
              also <Link to="/titles">title mapping</Link>.
            </p>
          </EmptyState>
        }
        renderRow={(row, index, tools) => (
          <BeyondTitleFields row={row} index={index} ladder={ladder} errors={errors} tools={tools} />
        )}
      />
    </section>
  );
}

function BeyondTitleFields({
  row,
  index,
  ladder,
  errors,
  tools,
}: {
  row: BeyondTitleRow;
  index: number;
  ladder: Ladder;
  errors: Record<string, string>;
  tools: RowTools<BeyondTitleRow>;
}) {
  const path = `beyondTitles.${index}`;
  return (
    <>
      <div className="form-row">
        <FormField label="Company" error={messageAt(errors, `${path}.company`)}>
          {(control) => (
            <input
              {...control}
              ref={tools.firstFieldRef}
              className="input"
              value={row.company}
              maxLength={LIMITS.shortText}
              onChange={(event) => tools.change({ company: event.target.value })}
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
              onChange={(event) => tools.change({ title: event.target.value })}
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
            onChange={(event) => tools.change({ responsibilities: event.target.value })}
          />
        )}
      </FormField>
      <LadderPlacement title={row.title} ladder={ladder} />
    </>
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
