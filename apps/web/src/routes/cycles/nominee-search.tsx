import { useEffect, useId, useRef, useState } from "react";
import { useColleagueSearch } from "../../api/people-queries.ts";
import "../feedback/feedback.css";

export interface FoundColleague {
  id: string;
  name: string;
  title: string;
}

export interface NomineeSearchProps {
  label: string;
  /** The button beside each result, e.g. "Nominate Pia Peer". */
  actionLabel: (person: FoundColleague) => string;
  actionText: string;
  onPick: (person: FoundColleague) => void;
  /** People not offered: the subject and those already nominated. */
  excludeIds: string[];
  /** The API's refusal, shown beside the field and tied to it. */
  error?: string | undefined;
  isBusy?: boolean;
  /** Focus the search field when it appears (it opens from a button, e.g. "Swap…"). */
  isFocusedOnMount?: boolean;
}

/** Search colleagues by name, title or team, and act on one of them with a button. */
export function NomineeSearch({
  label,
  actionLabel,
  actionText,
  onPick,
  excludeIds,
  error,
  isBusy,
  isFocusedOnMount = false,
}: NomineeSearchProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (isFocusedOnMount) inputRef.current?.focus();
  }, [isFocusedOnMount]);
  const [search, setSearch] = useState("");
  const found = useColleagueSearch(search);
  const hidden = new Set(excludeIds);
  const results = (found.data?.people ?? []).filter((person) => !hidden.has(person.id));
  const isSearching = search.trim().length >= 2;
  const errorId = `${id}-error`;
  const noteId = `${id}-note`;

  let note: string;
  if (!isSearching) note = "Type at least two letters of a name, title or team.";
  else if (found.isFetching && !found.data) note = "Searching…";
  else if (found.isError) note = "The search failed. Try again in a moment.";
  else if (results.length === 0) note = `Nobody else matches “${search.trim()}”.`;
  else note = `${results.length} ${results.length === 1 ? "person" : "people"} found.`;

  return (
    <div className="picker">
      <div className="form-field picker__search">
        <label htmlFor={`${id}-search`} className="form-field__label">
          {label}
        </label>
        <input
          id={`${id}-search`}
          ref={inputRef}
          type="search"
          className="input"
          placeholder="Name, title or team"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
          aria-describedby={[noteId, error ? errorId : null].filter(Boolean).join(" ")}
          aria-invalid={error ? true : undefined}
        />
        {error && (
          <p id={errorId} role="alert" className="form-field__error">
            {error}
          </p>
        )}
      </div>
      <p id={noteId} className="picker__note" role="status">
        {note}
      </p>
      {results.length > 0 && (
        <ul className="picker__results" aria-label={`${label}: results`}>
          {results.map((person) => (
            <li key={person.id}>
              <span>
                <span className="picker__name">{person.name}</span>
                {person.title && <span className="picker__title"> · {person.title}</span>}
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onPick(person)}
                aria-label={actionLabel(person)}
                disabled={isBusy}
              >
                {actionText}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
