import type { TFramework } from "@ascent/contract";
import { RowListEditor } from "../../ui/row-list-editor.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { CellField, TextCell } from "./editor-fields.tsx";
import { RowOrderActions } from "./row-order-actions.tsx";

type Level = TFramework["levels"][number];

const TRACKS: { value: Level["track"]; label: string }[] = [
  { value: "ic", label: "Individual contributor" },
  { value: "manager", label: "Manager" },
  { value: "executive", label: "Executive" },
];

const COLUMNS = [
  { header: "Rank", className: "numeric" },
  { header: "Name" },
  { header: "Track" },
  { header: "Scope" },
  { header: "Summary" },
  {
    header: (
      <>
        Also titled <VisuallyHidden>(comma-separated)</VisuallyHidden>
      </>
    ),
  },
];
const ORDER_COLUMN = { header: "Order" };

export interface LevelsEditorProps {
  levels: Level[];
  /** The "also titled" text per level id, kept as typed until the draft is saved. */
  aliasText: Record<string, string>;
  errors: Record<string, string>;
  onChange: (apply: (levels: Level[]) => Level[]) => void;
  onAliasChange: (levelId: string, text: string) => void;
  /** Given, each row gets buttons to move it along the ladder and to remove it. */
  onMove?: (levelId: string, by: -1 | 1) => void;
  onRemove?: (levelId: string) => void;
}

export function LevelsEditor({
  levels,
  aliasText,
  errors,
  onChange,
  onAliasChange,
  onMove,
  onRemove,
}: LevelsEditorProps) {
  const canOrder = onMove !== undefined && onRemove !== undefined;
  return (
    <RowListEditor<Level>
      layout="table"
      caption="Levels, by rank"
      columns={canOrder ? [...COLUMNS, ORDER_COLUMN] : COLUMNS}
      rows={levels}
      rowKey={(level) => level.id}
      onRowsChange={onChange}
      renderRowHeader={(level) => (
        <>
          <span className="rank">{level.rank}</span>
          <span className="cell-note">
            <code>{level.id}</code>
          </span>
        </>
      )}
      renderRow={(level, index, { change }) => {
        const cell = { at: `levels.${index}`, who: `level ${level.rank}`, errors };
        return (
          <>
            <TextCell {...cell} field="name" label="Name" value={level.name} onChange={(name) => change({ name })} />
            <td>
              <CellField path={`${cell.at}.track`} label={`Track of ${cell.who}`} errors={errors}>
                {(control) => (
                  <select
                    {...control}
                    className="select"
                    value={level.track}
                    onChange={(event) => change({ track: event.target.value as Level["track"] })}
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
            <TextCell
              {...cell}
              field="scope"
              label="Scope"
              rows={3}
              value={level.scope}
              onChange={(scope) => change({ scope })}
            />
            <TextCell
              {...cell}
              field="summary"
              label="Summary"
              rows={4}
              value={level.summary}
              onChange={(summary) => change({ summary })}
            />
            <td>
              <CellField
                path={`${cell.at}.aliases`}
                label={`Other titles of ${cell.who}, comma-separated`}
                errors={errors}
              >
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
            {canOrder && (
              <RowOrderActions
                name={`level ${level.rank}${level.name ? ` (${level.name})` : ""}`}
                index={index}
                count={levels.length}
                onMove={(by) => onMove(level.id, by)}
                onRemove={() => onRemove(level.id)}
              />
            )}
          </>
        );
      }}
    />
  );
}
