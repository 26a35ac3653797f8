import type { TFramework } from "@ascent/contract";
import { FormField } from "../../ui/form-field.tsx";
import { CellField, numberValue, parseNumber } from "./editor-fields.tsx";

type Expectation = TFramework["expectations"][string][string];

export interface ExpectationsEditorProps {
  framework: TFramework;
  levelId: string;
  onLevelChange: (levelId: string) => void;
  errors: Record<string, string>;
  onChange: (levelId: string, competencyId: string, change: Partial<Expectation>) => void;
}

/** One level at a time: every competency's expected proficiency, weight and descriptor at that level. */
export function ExpectationsEditor({ framework, levelId, onLevelChange, errors, onChange }: ExpectationsEditorProps) {
  const levels = [...framework.levels].sort((a, b) => a.rank - b.rank);
  const level = levels.find((l) => l.id === levelId) ?? levels[0];
  if (!level) return <p className="empty-note">Add levels before setting expectations.</p>;
  const { min, max } = framework.scale;
  const errorCount = (id: string) =>
    Object.keys(errors).filter((path) => path.startsWith(`expectations.${id}.`)).length;
  return (
    <>
      <div className="editor-level-picker">
        <FormField label="Level" hint="Expectations are edited one level at a time.">
          {(control) => (
            <select
              {...control}
              className="select"
              value={level.id}
              onChange={(event) => onLevelChange(event.target.value)}
            >
              {levels.map((l) => {
                const count = errorCount(l.id);
                return (
                  <option key={l.id} value={l.id}>
                    {l.rank}. {l.name}
                    {count > 0 ? ` (${count} ${count === 1 ? "problem" : "problems"})` : ""}
                  </option>
                );
              })}
            </select>
          )}
        </FormField>
      </div>
      <div className="editor-scroll">
        <table className="data-table editor-table">
          <caption className="visually-hidden">Expectations at {level.name}</caption>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col">
                Expected ({min}–{max})
              </th>
              <th scope="col">Weight</th>
              <th scope="col">Descriptor</th>
              <th scope="col">Interpolated</th>
            </tr>
          </thead>
          <tbody>
            {framework.competencies.map((competency) => {
              const expectation = framework.expectations[level.id]?.[competency.id];
              const at = (field: string) => `expectations.${level.id}.${competency.id}${field ? `.${field}` : ""}`;
              const who = `${competency.name} at ${level.name}`;
              if (!expectation) {
                return (
                  <tr key={competency.id}>
                    <th scope="row">{competency.name}</th>
                    <td colSpan={4}>
                      <p className="form-field__error">{errors[at("")] ?? "No expectation set."}</p>
                    </td>
                  </tr>
                );
              }
              return (
                <tr key={competency.id}>
                  <th scope="row">{competency.name}</th>
                  <td className="editor-table__number">
                    <CellField path={at("expected")} label={`Expected proficiency, ${who}`} errors={errors}>
                      {(control) => (
                        <input
                          {...control}
                          className="input"
                          type="number"
                          inputMode="decimal"
                          min={min}
                          max={max}
                          step={0.5}
                          value={numberValue(expectation.expected)}
                          onChange={(event) =>
                            onChange(level.id, competency.id, { expected: parseNumber(event.target.value) })
                          }
                        />
                      )}
                    </CellField>
                  </td>
                  <td className="editor-table__number">
                    <CellField path={at("weight")} label={`Weight, ${who}`} errors={errors}>
                      {(control) => (
                        <input
                          {...control}
                          className="input"
                          type="number"
                          inputMode="decimal"
                          min={0}
                          step={0.5}
                          value={numberValue(expectation.weight)}
                          onChange={(event) =>
                            onChange(level.id, competency.id, { weight: parseNumber(event.target.value) })
                          }
                        />
                      )}
                    </CellField>
                  </td>
                  <td>
                    <CellField path={at("descriptor")} label={`Descriptor, ${who}`} errors={errors}>
                      {(control) => (
                        <textarea
                          {...control}
                          className="input"
                          rows={3}
                          value={expectation.descriptor}
                          onChange={(event) => onChange(level.id, competency.id, { descriptor: event.target.value })}
                        />
                      )}
                    </CellField>
                  </td>
                  <td className="editor-table__check">
                    <input
                      type="checkbox"
                      className="checkbox-input"
                      aria-label={`Interpolated, ${who}`}
                      checked={expectation.interpolated}
                      onChange={(event) => onChange(level.id, competency.id, { interpolated: event.target.checked })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
