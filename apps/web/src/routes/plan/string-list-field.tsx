import { LIMITS } from "@ascent/contract";
import { useId, useState, type KeyboardEvent } from "react";

export interface StringListFieldProps {
  label: string;
  hint?: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** The API's problem with this list, shown under it. */
  error?: string | undefined;
  placeholder?: string;
  maxLength?: number;
}

/**
 * A list of short entries (industries, strengths): type one and press Enter or Add; each entry
 * has its own Remove button. Duplicates are ignored.
 */
export function StringListField({
  label,
  hint,
  values,
  onChange,
  error,
  placeholder,
  maxLength = LIMITS.shortText,
}: StringListFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [text, setText] = useState("");
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;

  function add() {
    const entry = text.trim();
    if (!entry) return;
    if (!values.some((value) => value.toLowerCase() === entry.toLowerCase())) onChange([...values, entry]);
    setText("");
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  }

  return (
    <div className="list-field">
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      )}
      {values.length > 0 && (
        <ul className="chip-list" aria-label={label}>
          {values.map((value, index) => (
            <li key={`${value}-${index}`} className="chip">
              <span>{value}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove "${value}" from ${label.toLowerCase()}`}
                onClick={() => onChange(values.filter((_, at) => at !== index))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="list-field__add">
        <input
          id={id}
          className="input"
          value={text}
          maxLength={maxLength}
          placeholder={placeholder}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={handleKeyDown}
        />
        <button type="button" className="button button--secondary" onClick={add} disabled={!text.trim()}>
          Add<span className="visually-hidden"> to {label.toLowerCase()}</span>
        </button>
      </div>
      {error && (
        <p id={errorId} role="alert" className="form-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
