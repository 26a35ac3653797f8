import { useCallback, useRef, useState, type ReactNode } from "react";

/** What a row's fields get from the editor. */
export interface RowTools<Row> {
  /** Merges a change into this row. */
  change: (patch: Partial<Row>) => void;
  /** Put on the row's first control: a row just added gets the focus there. */
  firstFieldRef: (element: HTMLElement | null) => void;
}

interface CommonProps<Row> {
  rows: readonly Row[];
  /** A stable key per row: React keeps each row's inputs by it, and changes find their row by it. */
  rowKey: (row: Row) => string;
  /** Applies a change to the whole list; a function, so quick edits in a row never overwrite each other. */
  onRowsChange: (apply: (rows: Row[]) => Row[]) => void;
  /** The row's controls: card contents, or the table cells after the row header. */
  renderRow: (row: Row, index: number, tools: RowTools<Row>) => ReactNode;
}

interface CardProps<Row> extends CommonProps<Row> {
  layout: "cards";
  /** The row's name: its legend, and what its Remove button says it removes. */
  rowName: (row: Row, index: number) => string;
  /** Shown in place of the list when there are no rows. */
  empty: ReactNode;
  addLabel: string;
  newRow: () => Row;
  /** Controls beside the Remove button, e.g. a "Done" box. */
  renderActions?: (row: Row, index: number, tools: RowTools<Row>) => ReactNode;
}

interface TableProps<Row> extends CommonProps<Row> {
  layout: "table";
  caption: string;
  /** Column headers, the row header's column first. */
  columns: { header: ReactNode; className?: string }[];
  renderRowHeader: (row: Row, index: number) => ReactNode;
}

export type RowListEditorProps<Row> = CardProps<Row> | TableProps<Row>;

/**
 * The one editor for a list of rows, used by the career plan (cards one can add and remove) and the
 * framework draft (a table of levels or competencies). It keeps rows by key, merges each row's changes,
 * moves the focus into a row just added and back to the Add button when a row is removed.
 */
export function RowListEditor<Row>(props: RowListEditorProps<Row>) {
  const { rows, rowKey, onRowsChange, renderRow } = props;
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  const toolsFor = useCallback(
    (key: string): RowTools<Row> => ({
      change: (patch) => onRowsChange((list) => list.map((row) => (rowKey(row) === key ? { ...row, ...patch } : row))),
      firstFieldRef: (element) => {
        if (element && key === focusKey) {
          element.focus();
          setFocusKey(null);
        }
      },
    }),
    [onRowsChange, rowKey, focusKey],
  );

  if (props.layout === "table") {
    return (
      <div className="editor-scroll">
        <table className="data-table editor-table">
          <caption className="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              {props.columns.map((column, index) => (
                <th key={index} scope="col" className={column.className}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={rowKey(row)}>
                <th scope="row" className={props.columns[0]?.className}>
                  {props.renderRowHeader(row, index)}
                </th>
                {renderRow(row, index, toolsFor(rowKey(row)))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  const { rowName, empty, addLabel, newRow, renderActions } = props;

  function add() {
    const row = newRow();
    onRowsChange((list) => [...list, row]);
    setFocusKey(rowKey(row));
  }

  function remove(key: string) {
    onRowsChange((list) => list.filter((row) => rowKey(row) !== key));
    addRef.current?.focus();
  }

  return (
    <>
      {rows.length === 0 ? (
        empty
      ) : (
        <ol className="row-list">
          {rows.map((row, index) => {
            const key = rowKey(row);
            const tools = toolsFor(key);
            const name = rowName(row, index);
            return (
              <li key={key}>
                <fieldset className="row-card">
                  <legend className="row-card__legend">{name}</legend>
                  {renderRow(row, index, tools)}
                  <div className="row-card__actions">
                    {renderActions?.(row, index, tools)}
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => remove(key)}
                    >
                      Remove<span className="visually-hidden"> {name}</span>
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      <button ref={addRef} type="button" className="button button--secondary" onClick={add}>
        {addLabel}
      </button>
    </>
  );
}
