import type { TFramework } from "@ascent/contract";
import { RowListEditor } from "../../ui/row-list-editor.tsx";
import { TextCell } from "./editor-fields.tsx";
import { RowOrderActions } from "./row-order-actions.tsx";

type Competency = TFramework["competencies"][number];

export interface CompetenciesEditorProps {
  competencies: Competency[];
  errors: Record<string, string>;
  onChange: (apply: (competencies: Competency[]) => Competency[]) => void;
  /** Given, each row gets buttons to move it in the list and to remove it. */
  onMove?: (competencyId: string, by: -1 | 1) => void;
  onRemove?: (competencyId: string) => void;
}

const COLUMNS = [{ header: "Id" }, { header: "Name" }, { header: "Area" }, { header: "Description" }];

export function CompetenciesEditor({ competencies, errors, onChange, onMove, onRemove }: CompetenciesEditorProps) {
  const canOrder = onMove !== undefined && onRemove !== undefined;
  return (
    <RowListEditor<Competency>
      layout="table"
      caption="Competencies"
      columns={canOrder ? [...COLUMNS, { header: "Order" }] : COLUMNS}
      rows={competencies}
      rowKey={(competency) => competency.id}
      onRowsChange={onChange}
      renderRowHeader={(competency) => <code>{competency.id}</code>}
      renderRow={(competency, index, { change }) => {
        const cell = { at: `competencies.${index}`, who: `competency ${index + 1} (${competency.id})`, errors };
        return (
          <>
            <TextCell
              {...cell}
              field="name"
              label="Name"
              value={competency.name}
              onChange={(name) => change({ name })}
            />
            <TextCell
              {...cell}
              field="area"
              label="Area"
              value={competency.area}
              onChange={(area) => change({ area })}
            />
            <TextCell
              {...cell}
              field="description"
              label="Description"
              rows={3}
              value={competency.description}
              onChange={(description) => change({ description })}
            />
            {canOrder && (
              <RowOrderActions
                name={`competency ${index + 1}${competency.name ? ` (${competency.name})` : ""}`}
                index={index}
                count={competencies.length}
                onMove={(by) => onMove(competency.id, by)}
                onRemove={() => onRemove(competency.id)}
              />
            )}
          </>
        );
      }}
    />
  );
}
