import { LIMITS, type TFramework } from "@ascent/contract";
import { CellField } from "./editor-fields.tsx";

type Competency = TFramework["competencies"][number];

export interface CompetenciesEditorProps {
  competencies: Competency[];
  errors: Record<string, string>;
  onChange: (index: number, change: Partial<Competency>) => void;
}

export function CompetenciesEditor({ competencies, errors, onChange }: CompetenciesEditorProps) {
  return (
    <div className="editor-scroll">
      <table className="data-table editor-table">
        <caption className="visually-hidden">Competencies</caption>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Name</th>
            <th scope="col">Area</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {competencies.map((competency, index) => {
            const at = (field: string) => `competencies.${index}.${field}`;
            const who = `competency ${index + 1} (${competency.id})`;
            return (
              <tr key={competency.id}>
                <th scope="row">
                  <code>{competency.id}</code>
                </th>
                <td>
                  <CellField path={at("name")} label={`Name of ${who}`} errors={errors}>
                    {(control) => (
                      <input
                        {...control}
                        className="input"
                        value={competency.name}
                        maxLength={LIMITS.shortText}
                        onChange={(event) => onChange(index, { name: event.target.value })}
                      />
                    )}
                  </CellField>
                </td>
                <td>
                  <CellField path={at("area")} label={`Area of ${who}`} errors={errors}>
                    {(control) => (
                      <input
                        {...control}
                        className="input"
                        value={competency.area}
                        maxLength={LIMITS.shortText}
                        onChange={(event) => onChange(index, { area: event.target.value })}
                      />
                    )}
                  </CellField>
                </td>
                <td>
                  <CellField path={at("description")} label={`Description of ${who}`} errors={errors}>
                    {(control) => (
                      <textarea
                        {...control}
                        className="input"
                        rows={3}
                        value={competency.description}
                        onChange={(event) => onChange(index, { description: event.target.value })}
                      />
                    )}
                  </CellField>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
