import { LIMITS } from "@ascent/contract";
import { useId } from "react";
import type { Ladder } from "../../api/ladder.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { RowListEditor, type RowTools } from "../../ui/row-list-editor.tsx";
import {
  LEARNING_KINDS,
  LEARNING_STATUSES,
  messageAt,
  newRowKey,
  type LearningRow,
  type SectionProps,
} from "./plan-draft.ts";
import { StepHeading } from "./step-heading.tsx";

export function LearningSection({ plan, draft, update, errors, ladder }: SectionProps & { ladder: Ladder }) {
  const headingId = useId();
  return (
    <section className="card plan-step" aria-labelledby={headingId}>
      <StepHeading
        plan={plan}
        stepId="continual-learning"
        number={3}
        fallbackName="Keep learning"
        headingId={headingId}
      />
      <RowListEditor<LearningRow>
        layout="cards"
        rows={draft.learning}
        rowKey={(row) => row.key}
        onRowsChange={(apply) => update((d) => ({ ...d, learning: apply(d.learning) }))}
        rowName={(row, index) => row.title.trim() || `Learning item ${index + 1}`}
        newRow={() => ({
          key: newRowKey(),
          id: undefined,
          kind: "hands-on",
          title: "",
          competencyIds: [],
          status: "planned",
        })}
        addLabel="Add a learning item"
        empty={
          <EmptyState title="No learning planned yet">
            <p>
              Add a course, a certification, a mentor or a piece of hands-on work, and link it to the competencies it
              builds.
            </p>
          </EmptyState>
        }
        renderRow={(row, index, tools) => (
          <LearningFields row={row} index={index} ladder={ladder} errors={errors} tools={tools} />
        )}
      />
    </section>
  );
}

function LearningFields({
  row,
  index,
  ladder,
  errors,
  tools,
}: {
  row: LearningRow;
  index: number;
  ladder: Ladder;
  errors: Record<string, string>;
  tools: RowTools<LearningRow>;
}) {
  const onChange = tools.change;
  const path = `learning.${index}`;
  const names = new Map(ladder.competencies.map((c) => [c.id, c.name]));
  const unlinked = ladder.competencies.filter((c) => !row.competencyIds.includes(c.id));
  const itemName = row.title.trim() || `Learning item ${index + 1}`;

  return (
    <>
      <div className="form-row">
        <FormField label="What" error={messageAt(errors, `${path}.title`)}>
          {(control) => (
            <input
              {...control}
              ref={tools.firstFieldRef}
              className="input"
              value={row.title}
              maxLength={LIMITS.shortText}
              onChange={(event) => onChange({ title: event.target.value })}
            />
          )}
        </FormField>
        <FormField label="Kind" error={messageAt(errors, `${path}.kind`)}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={row.kind}
              onChange={(event) => onChange({ kind: event.target.value as LearningRow["kind"] })}
            >
              {LEARNING_KINDS.map((kind) => (
                <option key={kind.value} value={kind.value}>
                  {kind.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Status" error={messageAt(errors, `${path}.status`)}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={row.status}
              onChange={(event) => onChange({ status: event.target.value as LearningRow["status"] })}
            >
              {LEARNING_STATUSES.map((status) => (
                <option key={status.value} value={status.value}>
                  {status.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="linked-competencies">
        {row.competencyIds.length > 0 && (
          <ul className="chip-list" aria-label={`Competencies ${itemName} builds`}>
            {row.competencyIds.map((id) => (
              <li key={id} className="chip">
                <span>{names.get(id) ?? id}</span>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={`Unlink ${names.get(id) ?? id}`}
                  onClick={() => onChange({ competencyIds: row.competencyIds.filter((c) => c !== id) })}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <FormField label="Link a competency" error={messageAt(errors, `${path}.competencyIds`)} isOptional>
          {(control) => (
            <select
              {...control}
              className="select"
              value=""
              onChange={(event) => {
                if (event.target.value) onChange({ competencyIds: [...row.competencyIds, event.target.value] });
              }}
              disabled={unlinked.length === 0}
            >
              <option value="">Choose a competency…</option>
              {unlinked.map((competency) => (
                <option key={competency.id} value={competency.id}>
                  {competency.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
    </>
  );
}
