import { useId, useState } from "react";
import { usePeopleSearch } from "../../api/people-queries.ts";

export interface PickedPerson {
  id: string;
  name: string;
}

export interface PersonPickerProps {
  /** The fieldset's legend, e.g. "Manager". */
  legend: string;
  value: PickedPerson | null;
  onChange: (person: PickedPerson | null) => void;
  /** What choosing nobody means, e.g. "No manager (top of the organisation)". */
  noneLabel: string;
  /** Someone who may not be chosen, e.g. the person being edited as their own manager. */
  excludeId?: string;
  error?: string | undefined;
  hint?: string;
}

/**
 * Find a person by name or email, then choose them from a plain select: two native controls,
 * so it works the same with a keyboard, a screen reader or a phone, however large the organisation.
 */
export function PersonPicker({ legend, value, onChange, noneLabel, excludeId, error, hint }: PersonPickerProps) {
  const id = useId();
  const [text, setText] = useState("");
  const search = usePeopleSearch(text);
  const found = (search.data?.people ?? []).filter((person) => person.id !== excludeId && person.id !== value?.id);
  const isSearching = text.trim().length >= 2;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const statusText = !isSearching
    ? ""
    : search.isFetching
      ? "Searching…"
      : `${found.length === 0 ? "No matches" : `${found.length} match${found.length === 1 ? "" : "es"}`} for “${text.trim()}”; choose from the ${legend.toLowerCase()} list.`;

  return (
    <fieldset className="picker" aria-describedby={error ? errorId : undefined}>
      <legend className="form-field__label">{legend}</legend>
      <p id={hintId} className="form-field__hint">
        {hint ?? "Type two or more letters of a name or email, then choose from the list."}
      </p>
      <div className="picker__controls">
        <div className="form-field">
          <label htmlFor={`${id}-search`} className="picker__label">
            Search
          </label>
          <input
            id={`${id}-search`}
            className="input"
            type="search"
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={hintId}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-select`} className="picker__label">
            {legend}
          </label>
          <select
            id={`${id}-select`}
            className="select"
            value={value?.id ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              const chosen = event.target.value;
              if (!chosen) return onChange(null);
              if (chosen === value?.id) return;
              const person = found.find((p) => p.id === chosen);
              if (person) onChange({ id: person.id, name: person.name });
            }}
          >
            <option value="">{noneLabel}</option>
            {value && <option value={value.id}>{value.name}</option>}
            {found.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} — {person.title || person.email}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="picker__status">
        {statusText}
      </p>
      {error && (
        <p id={errorId} role="alert" className="form-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
