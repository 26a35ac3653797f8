import type { TFramework } from "@ascent/contract";
import { RowListEditor } from "../../ui/row-list-editor.tsx";
import { TextCell } from "./editor-fields.tsx";

type Competency = TFramework["competencies"][number];

export interface CompetenciesEditorProps {
  competencies: Competency[];
  errors: Record<string, string>;
  onChange: (apply: (competencies: Competency[]) => Competency[]) => void;
}

const COLUMNS = [{ header: "Id" }, { header: "Name" }, { header: "Area" }, { header: "Description" }];

export function CompetenciesEditor({ competencies, errors, onChange }: CompetenciesEditorProps) {
  return (
    <RowListEditor<Competency>
      layout="table"
      caption="Competencies"
      columns={COLUMNS}
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
          </>
        );
      }}
    />
  );
}
