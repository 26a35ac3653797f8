import { LIMITS, type TFramework } from "@ascent/contract";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { CellField } from "./editor-fields.tsx";

type Level = TFramework["levels"][number];

const TRACKS: { value: Level["track"]; label: string }[] = [
  { value: "ic", label: "Individual contributor" },
  { value: "manager", label: "Manager" },
  { value: "executive", label: "Executive" },
];

export interface LevelsEditorProps {
  levels: Level[];
  /** The "also titled" text per level id, kept as typed until the draft is saved. */
  aliasText: Record<string, string>;
  errors: Record<string, string>;
  onChange: (index: number, change: Partial<Level>) => void;
  onAliasChange: (levelId: string, text: string) => void;
}

export function LevelsEditor({ levels, aliasText, errors, onChange, onAliasChange }: LevelsEditorProps) {
  return (
    <div className="editor-scroll">
      <table className="data-table editor-table">
        <caption className="visually-hidden">Levels, by rank</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Rank
            </th>
            <th scope="col">Name</th>
            <th scope="col">Track</th>
            <th scope="col">Scope</th>
            <th scope="col">Summary</th>
            <th scope="col">
              Also titled <VisuallyHidden>(comma-separated)</VisuallyHidden>
            </th>
          </tr>
        </thead>
        <tbody>
          {levels.map((level, index) => {
            const at = (field: string) => `levels.${index}.${field}`;
            const who = `level ${level.rank}`;
            return (
              <tr key={level.id}>
                <th scope="row" className="numeric">
                  <span className="rank">{level.rank}</span>
                  <span className="cell-note">
                    <code>{level.id}</code>
                  </span>
                </th>
                <td>
                  <CellField path={at("name")} label={`Name of ${who}`} errors={errors}>
                    {(control) => (
                      <input
                        {...control}
                        className="input"
                        value={level.name}
                        maxLength={LIMITS.shortText}
                        onChange={(event) => onChange(index, { name: event.target.value })}
                      />
                    )}
                  </CellField>
                </td>
                <td>
                  <CellField path={at("track")} label={`Track of ${who}`} errors={errors}>
                    {(control) => (
                      <select
                        {...control}
                        className="select"
                        value={level.track}
                        onChange={(event) => onChange(index, { track: event.target.value as Level["track"] })}
                      >
                        {TRACKS.map((track) => (
                          <option key={track.value} value={track.value}>
                            {track.label}
                          </option>
                        ))}
                      </select>
                    )}
                  </CellField>
                </td>
                <td>
                  <CellField path={at("scope")} label={`Scope of ${who}`} errors={errors}>
                    {(control) => (
                      <textarea
                        {...control}
                        className="input"
                        rows={3}
                        value={level.scope}
                        onChange={(event) => onChange(index, { scope: event.target.value })}
                      />
                    )}
                  </CellField>
                </td>
                <td>
                  <CellField path={at("summary")} label={`Summary of ${who}`} errors={errors}>
                    {(control) => (
                      <textarea
                        {...control}
                        className="input"
                        rows={4}
                        value={level.summary}
                        onChange={(event) => onChange(index, { summary: event.target.value })}
                      />
                    )}
                  </CellField>
                </td>
                <td>
                  <CellField path={at("aliases")} label={`Other titles of ${who}, comma-separated`} errors={errors}>
                    {(control) => (
                      <textarea
                        {...control}
                        className="input"
                        rows={3}
                        value={aliasText[level.id] ?? ""}
                        onChange={(event) => onAliasChange(level.id, event.target.value)}
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
