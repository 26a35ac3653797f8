import type { TDirectory } from "@ascent/contract";
import { useId, useState } from "react";
import { useColleagueSearch } from "../../api/people-queries.ts";

export interface PickedPerson {
  id: string;
  name: string;
  title: string;
}

export interface ColleaguePickerProps {
  selected: PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  /** People who cannot be asked (the person the feedback is about). */
  excludeIds: string[];
  /** Ids of the candidates when the choice is a fixed list (upward feedback: the direct reports). */
  candidates?: PickedPerson[] | undefined;
  error?: string | undefined;
  describedBy?: string | undefined;
}

function describe(person: PickedPerson): string {
  return person.title ? `${person.name}, ${person.title}` : person.name;
}

function toPicked(person: TDirectory["people"][number]): PickedPerson {
  return { id: person.id, name: person.name, title: person.title };
}

/** Search and add colleagues one by one; the chosen ones are listed with a remove button each. */
export function ColleaguePicker({
  selected,
  onChange,
  excludeIds,
  candidates,
  error,
  describedBy,
}: ColleaguePickerProps) {
  const id = useId();
  const [search, setSearch] = useState("");
  const found = useColleagueSearch(candidates ? "" : search);
  const chosen = new Set(selected.map((p) => p.id));
  const hidden = new Set([...excludeIds, ...chosen]);
  const pool = candidates ?? (found.data?.people ?? []).map(toPicked);
  const results = pool.filter((person) => !hidden.has(person.id));
  const isSearching = !candidates && search.trim().length >= 2;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  function add(person: PickedPerson) {
    onChange([...selected, person]);
  }

  let resultNote = "";
  if (candidates) resultNote = results.length === 0 ? "Everyone who can be asked is already on the list." : "";
  else if (!isSearching) resultNote = "Type at least two letters of a name, title or team.";
  else if (found.isFetching && !found.data) resultNote = "Searching…";
  else if (found.isError) resultNote = "The search failed. Try again in a moment.";
  else if (results.length === 0) {
    resultNote = `Nobody else matches “${search.trim()}”.`;
  } else resultNote = `${results.length} ${results.length === 1 ? "person" : "people"} found.`;

  return (
    <fieldset
      className="picker"
      aria-describedby={[hintId, error ? errorId : null, describedBy].filter(Boolean).join(" ")}
    >
      <legend className="form-field__label">Colleagues to ask</legend>
      <p id={hintId} className="form-field__hint">
        {candidates
          ? "Upward feedback comes from the people who report to the person. Choose who to ask."
          : "Choose colleagues who have seen the work closely and recently enough to judge it."}
      </p>

      {!candidates && (
        <div className="form-field picker__search">
          <label htmlFor={`${id}-search`} className="visually-hidden">
            Find a colleague
          </label>
          <input
            id={`${id}-search`}
            type="search"
            className="input"
            placeholder="Find a colleague by name, email or title"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            autoComplete="off"
          />
        </div>
      )}
      <p className="picker__note" role="status">
        {resultNote}
      </p>
      {results.length > 0 && (
        <ul className="picker__results" aria-label={candidates ? "People who can be asked" : "Search results"}>
          {results.map((person) => (
            <li key={person.id}>
              <span>
                <span className="picker__name">{person.name}</span>
                {person.title && <span className="picker__title"> · {person.title}</span>}
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => add(person)}
                aria-label={`Add ${describe(person)}`}
              >
                Add
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3 className="picker__heading">
        Asking {selected.length} {selected.length === 1 ? "colleague" : "colleagues"}
      </h3>
      {selected.length === 0 ? (
        <p className="muted picker__empty">Nobody yet.</p>
      ) : (
        <ul className="picker__chosen">
          {selected.map((person) => (
            <li key={person.id} className="picker__chip">
              <span>{person.name}</span>
              <button
                type="button"
                className="picker__remove"
                onClick={() => onChange(selected.filter((p) => p.id !== person.id))}
                aria-label={`Remove ${person.name}`}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} role="alert" className="form-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
