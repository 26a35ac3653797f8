import { LIMITS } from "@ascent/contract";
import type { ReactNode } from "react";

/** A stable element id for the field at a document path, so an error can point at it. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

interface CellFieldProps {
  /** Where the value sits in the framework document, e.g. "levels.2.name". */
  path: string;
  /** The accessible name; the table's headers are not a label for a control. */
  label: string;
  errors: Record<string, string>;
  children: (control: {
    id: string;
    "aria-label": string;
    "aria-invalid": true | undefined;
    "aria-describedby": string | undefined;
  }) => ReactNode;
}

/** A control inside an editor table, with the API's error for its path shown under it and tied to it. */
export function CellField({ path, label, errors, children }: CellFieldProps) {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div className="cell-field">
      {children({
        id,
        "aria-label": label,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : undefined,
      })}
      {error && (
        <p id={`${id}-error`} className="form-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

export function numberValue(value: number): string {
  return Number.isFinite(value) ? String(value) : "";
}

export function parseNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

interface TextCellProps {
  /** The row's document path, e.g. "levels.2". */
  at: string;
  field: string;
  /** The column's name; the cell's label reads "<label> of <who>". */
  label: string;
  who: string;
  errors: Record<string, string>;
  value: string;
  onChange: (value: string) => void;
  /** A textarea of this many rows; a one-line input (short text) when left out. */
  rows?: number;
}

/** One text cell of an editor table: an input or textarea tied to its document path and error. */
export function TextCell({ at, field, label, who, errors, value, onChange, rows }: TextCellProps) {
  return (
    <td>
      <CellField path={`${at}.${field}`} label={`${label} of ${who}`} errors={errors}>
        {(control) =>
          rows === undefined ? (
            <input
              {...control}
              className="input"
              value={value}
              maxLength={LIMITS.shortText}
              onChange={(event) => onChange(event.target.value)}
            />
          ) : (
            <textarea
              {...control}
              className="input"
              rows={rows}
              value={value}
              onChange={(event) => onChange(event.target.value)}
            />
          )
        }
      </CellField>
    </td>
  );
}
