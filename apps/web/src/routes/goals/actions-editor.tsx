import { LIMITS } from "@ascent/contract";
import { useId, useState, type KeyboardEvent } from "react";

export interface ActionRow {
  key: string;
  id?: string | undefined;
  text: string;
  isDone: boolean;
}

let nextKey = 0;

/** The actions of a goal: edit or remove each, add new ones with Enter or the Add button. */
export function ActionsEditor({
  actions,
  onChange,
  error,
}: {
  actions: ActionRow[];
  onChange: (actions: ActionRow[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const [text, setText] = useState("");

  function add() {
    const entry = text.trim();
    if (!entry) return;
    nextKey += 1;
    onChange([...actions, { key: `new-${nextKey}`, text: entry, isDone: false }]);
    setText("");
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  }

  return (
    <fieldset className="actions-editor" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="form-field__label">Actions</legend>
      {actions.length > 0 && (
        <ol className="actions-editor__list">
          {actions.map((action, index) => (
            <li key={action.key} className="actions-editor__row">
              <label htmlFor={`${id}-${action.key}`} className="visually-hidden">
                Action {index + 1}
              </label>
              <input
                id={`${id}-${action.key}`}
                className="input"
                value={action.text}
                maxLength={LIMITS.shortText}
                onChange={(event) =>
                  onChange(actions.map((a) => (a.key === action.key ? { ...a, text: event.target.value } : a)))
                }
              />
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => onChange(actions.filter((a) => a.key !== action.key))}
              >
                Remove<span className="visually-hidden"> action {index + 1}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="actions-editor__add">
        <label htmlFor={`${id}-new`} className="visually-hidden">
          New action
        </label>
        <input
          id={`${id}-new`}
          className="input"
          value={text}
          maxLength={LIMITS.shortText}
          placeholder="A concrete step, e.g. “Run the next pricing review”"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={handleKeyDown}
        />
        <button type="button" className="button button--small button--secondary" onClick={add} disabled={!text.trim()}>
          Add action
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="form-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
