import { useEffect, useId, useState } from "react";
import { useKnownTeams, useLadderLevels } from "../../api/people-queries.ts";

export interface DirectoryFilters {
  search: string;
  team: string;
  levelId: string;
  /** "" means every status. */
  status: "" | "active" | "inactive";
}

export const NO_FILTERS: DirectoryFilters = { search: "", team: "", levelId: "", status: "active" };

export function hasFilters(filters: DirectoryFilters): boolean {
  return (
    filters.search !== NO_FILTERS.search ||
    filters.team !== NO_FILTERS.team ||
    filters.levelId !== NO_FILTERS.levelId ||
    filters.status !== NO_FILTERS.status
  );
}

/** Waits for a pause in typing so each keystroke does not ask the server. */
function useDebounced(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export function PeopleFilters({
  filters,
  onChange,
}: {
  filters: DirectoryFilters;
  onChange: (next: Partial<DirectoryFilters>) => void;
}) {
  const id = useId();
  const { levels } = useLadderLevels();
  const teams = useKnownTeams();
  const [searchText, setSearchText] = useState(filters.search);
  const [teamText, setTeamText] = useState(filters.team);
  const settledSearch = useDebounced(searchText, 300);
  const settledTeam = useDebounced(teamText, 400);

  // Typing settles into the URL (only a settled value, not each render, triggers it); a change from
  // outside (Clear filters, Back) resets the boxes.
  useEffect(() => {
    if (settledSearch.trim() !== filters.search) onChange({ search: settledSearch.trim() });
  }, [settledSearch]);
  useEffect(() => {
    if (settledTeam.trim() !== filters.team) onChange({ team: settledTeam.trim() });
  }, [settledTeam]);
  useEffect(() => setSearchText((text) => (text.trim() === filters.search ? text : filters.search)), [filters.search]);
  useEffect(() => setTeamText((text) => (text.trim() === filters.team ? text : filters.team)), [filters.team]);

  return (
    <form className="filters" role="search" aria-label="People" onSubmit={(event) => event.preventDefault()}>
      <div className="form-field filters__search">
        <label htmlFor={`${id}-search`} className="form-field__label">
          Search
        </label>
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          placeholder="Name, email or title"
          autoComplete="off"
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") onChange({ search: searchText.trim() });
          }}
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-team`} className="form-field__label">
          Team
        </label>
        <input
          id={`${id}-team`}
          className="input"
          list={`${id}-teams`}
          autoComplete="off"
          placeholder="Any team"
          value={teamText}
          onChange={(event) => setTeamText(event.target.value)}
        />
        <datalist id={`${id}-teams`}>
          {(teams.data ?? []).map((team) => (
            <option key={team} value={team} />
          ))}
        </datalist>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-level`} className="form-field__label">
          Level
        </label>
        <select
          id={`${id}-level`}
          className="select"
          value={filters.levelId}
          onChange={(event) => onChange({ levelId: event.target.value })}
        >
          <option value="">Any level</option>
          {(levels ?? []).map((level) => (
            <option key={level.id} value={level.id}>
              {level.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-status`} className="form-field__label">
          Status
        </label>
        <select
          id={`${id}-status`}
          className="select"
          value={filters.status}
          onChange={(event) => onChange({ status: event.target.value as DirectoryFilters["status"] })}
        >
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
          <option value="">Active and inactive</option>
        </select>
      </div>
    </form>
  );
}
