import type { TTeamHeatmap, TTeamReadiness } from "@ascent/contract";
import { useId, useState } from "react";
import { Link } from "react-router";
import { useTeamHeatmap, useTeamReadiness, type TeamSort } from "../../api/assessment-queries.ts";
import { useReports } from "../../api/people-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { formatPercent, VERDICT_LABELS } from "../growth/readiness-math.ts";
import { Heatmap, HeatmapLegend, type HeatCell, type HeatRow } from "./heatmap.tsx";
import "../growth/growth.css";
import "./team.css";

type Scope = "direct" | "all";
type SortKey = TeamSort["key"];
type HeatmapRows = TTeamHeatmap["rows"];
type Aggregate = NonNullable<TTeamHeatmap["aggregate"]>;
type AggregateCell = Aggregate["byTeam"][number]["cells"][number];

function aggregateCell(cell: AggregateCell, k: number): HeatCell {
  if ("hidden" in cell) return { kind: "hidden", reason: `Fewer than ${k} people, or a total would reveal them` };
  if (cell.status === "not-applicable") return { kind: "not-applicable" };
  if (cell.observed === null || cell.expected === null || cell.delta === null) {
    return { kind: "unknown", expected: cell.expected };
  }
  return {
    kind: "value",
    delta: cell.delta,
    observed: cell.observed,
    expected: cell.expected,
    note: `${cell.people} people`,
  };
}

/** Teams as rows of means; each team's name opens its people. */
function aggregateRows(aggregate: Aggregate, onOpen: (team: string) => void): HeatRow[] {
  return aggregate.byTeam.map((row) => ({
    key: row.team,
    header: (
      <button type="button" className="button button--link" onClick={() => onOpen(row.team)}>
        {row.team}
        <span className="visually-hidden">: show its people</span>
      </button>
    ),
    cells: Object.fromEntries(row.cells.map((cell) => [cell.competencyId, aggregateCell(cell, aggregate.k)])),
  }));
}

function levelRows(aggregate: Aggregate): HeatRow[] {
  return aggregate.byLevel.map((row) => ({
    key: row.level.id,
    header: <span className="cell-title">{row.level.name}</span>,
    cells: Object.fromEntries(row.cells.map((cell) => [cell.competencyId, aggregateCell(cell, aggregate.k)])),
  }));
}

function heatRows(rows: HeatmapRows): HeatRow[] {
  return rows.map((row) => {
    const cells: Record<string, HeatCell> = {};
    for (const cell of row.cells) {
      if (cell.status === "not-applicable" || cell.expected === null)
        cells[cell.competencyId] = { kind: "not-applicable" };
      else if (cell.observed === null || cell.delta === null) {
        cells[cell.competencyId] = { kind: "unknown", expected: cell.expected };
      } else {
        cells[cell.competencyId] = {
          kind: "value",
          delta: cell.delta,
          observed: cell.observed,
          expected: cell.expected,
        };
      }
    }
    return {
      key: row.person.id,
      header: (
        <>
          <Link to={`/team/${row.person.id}`} className="strong-link">
            {row.person.name}
          </Link>
          <span className="cell-note">{row.person.level?.name ?? "No level yet"}</span>
        </>
      ),
      cells,
    };
  });
}

function ScopeSwitch({ scope, onChange }: { scope: Scope; onChange: (scope: Scope) => void }) {
  const id = useId();
  return (
    <fieldset className="scope-switch">
      <legend className="visually-hidden">Whom to show</legend>
      {(
        [
          ["direct", "Direct reports"],
          ["all", "Everyone below you"],
        ] as const
      ).map(([value, label]) => (
        <label key={value} className="scope-switch__option">
          <input
            type="radio"
            name={`${id}-scope`}
            value={value}
            checked={scope === value}
            onChange={() => onChange(value)}
          />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

const COLUMNS: { key: SortKey | null; label: string; isNumeric?: boolean }[] = [
  { key: "name", label: "Name" },
  { key: "level", label: "Level" },
  { key: null, label: "Next level" },
  { key: "score", label: "Score", isNumeric: true },
  { key: "verdict", label: "Verdict" },
];

/** The readiness list, sorted on the server: a column header changes the order and starts from the first page. */
function ReadinessList({
  people,
  directIds,
  sort: serverSort,
  onSort,
}: {
  people: TTeamReadiness["people"];
  directIds: Set<string>;
  sort: TeamSort;
  onSort: (sort: TeamSort) => void;
}) {
  const sort = { key: serverSort.key, isAscending: serverSort.order === "asc" };
  const sorted = people;
  function toggle(key: SortKey) {
    const isAscending = sort.key === key ? !sort.isAscending : key === "name" || key === "level";
    onSort({ key, order: isAscending ? "asc" : "desc" });
  }
  return (
    <div className="table-card">
      <table className="data-table readiness-list">
        <caption className="visually-hidden">
          Readiness for the next level; sorted by {COLUMNS.find((c) => c.key === sort.key)?.label.toLowerCase()},{" "}
          {sort.isAscending ? "ascending" : "descending"}. Column headers sort the table.
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const isSorted = sort.key === column.key;
              const key = column.key;
              if (key === null) {
                return (
                  <th key={column.label} scope="col">
                    {column.label}
                  </th>
                );
              }
              return (
                <th
                  key={key}
                  scope="col"
                  className={column.isNumeric ? "numeric" : undefined}
                  aria-sort={isSorted ? (sort.isAscending ? "ascending" : "descending") : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => toggle(key)}>
                    {column.label}
                    <span className="sort-button__icon" aria-hidden="true">
                      {isSorted ? (sort.isAscending ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((entry) => (
            <tr key={entry.person.id}>
              <th scope="row" data-label="Name">
                <Link to={`/team/${entry.person.id}`} className="strong-link">
                  {entry.person.name}
                </Link>
                {entry.person.title && <span className="cell-note">{entry.person.title}</span>}
              </th>
              <td data-label="Level">{entry.person.level?.name ?? <span className="muted">No level yet</span>}</td>
              <td data-label="Next level">{entry.targetLevel.name}</td>
              <td data-label="Score" className="numeric">
                {formatPercent(entry.score)}
              </td>
              <td data-label="Verdict">
                <span className={`verdict-badge verdict-badge--${entry.verdict} verdict-badge--small`}>
                  {VERDICT_LABELS[entry.verdict]}
                </span>
              </td>
              <td>
                {directIds.has(entry.person.id) && (
                  <Link to={`/team/${entry.person.id}/assess`} className="button button--secondary button--small">
                    Assess<span className="visually-hidden"> {entry.person.name}</span>
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TeamPage() {
  useDocumentTitle("My team");
  const session = useSignedIn();
  const [scope, setScope] = useState<Scope>("direct");
  const [team, setTeam] = useState<string | null>(null);
  const [sort, setSort] = useState<TeamSort>({ key: "score", order: "desc" });
  const heatmap = useTeamHeatmap(scope, team);
  const readiness = useTeamReadiness(scope, sort);
  const direct = useReports(session.person.id, "direct");
  const directIds = new Set((direct.data?.reports ?? []).map((r) => r.id));

  const heading = (
    <PageHeading
      lead={
        <>
          <p>
            How the people who report to you compare with what their own level expects, competency by competency, and
            how ready each one is for the next level. Peer and upward feedback counts only as averages over enough
            people. Nominate a report from their page; your cases are under{" "}
            <Link to="/promotions">promotion cases</Link>.
          </p>
          {session.isAdmin && (
            <p>
              As an administrator you can also see <Link to="/org/readiness">organisation readiness</Link>, as
              aggregates only.
            </p>
          )}
        </>
      }
    >
      My team
    </PageHeading>
  );

  if (heatmap.isPending || readiness.isPending) {
    return (
      <>
        {heading}
        <LoadingState label="Loading your team…" />
      </>
    );
  }
  if (heatmap.isError || readiness.isError) {
    return (
      <>
        {heading}
        <ErrorState
          title="Your team could not be loaded"
          error={heatmap.error ?? readiness.error}
          onRetry={() => {
            if (heatmap.isError) void heatmap.refetch();
            if (readiness.isError) void readiness.refetch();
          }}
          isRetrying={heatmap.isFetching || readiness.isFetching}
        />
      </>
    );
  }

  const heatPages = heatmap.data.pages;
  const firstHeat = heatPages[0];
  const heatPeople = heatPages.flatMap((page) => page.rows);
  const readinessPeople = readiness.data.pages.flatMap((page) => page.people);
  const readinessTotal = readiness.data.pages[0]?.total ?? 0;
  if (heatPeople.length === 0 && firstHeat?.mode === "people" && scope === "direct" && readinessPeople.length === 0) {
    return (
      <>
        {heading}
        <div className="empty-state">
          <h2 className="empty-state__title">Nobody reports to you in Ascent</h2>
          <p>
            This page fills in once people report to you: an admin sets each person’s manager on the People page. In the
            meantime, <Link to="/growth">My growth</Link> shows your own readiness.
          </p>
        </div>
      </>
    );
  }

  const isUpdating =
    (heatmap.isPlaceholderData || readiness.isPlaceholderData) && (heatmap.isFetching || readiness.isFetching);

  return (
    <>
      {heading}
      <div className="team-toolbar">
        <ScopeSwitch
          scope={scope}
          onChange={(next) => {
            setScope(next);
            setTeam(null);
          }}
        />
        <p role="status" className="team-toolbar__status">
          {isUpdating ? "Updating…" : ""}
        </p>
      </div>

      <section className="section section--first" aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading">Competency heatmap</h2>
        <p className="section__lead">
          Each cell is observed minus what that person’s own level expects: orange below, purple above. Open a name for
          the full explanation.
        </p>
        <HeatmapLegend />
        {firstHeat?.aggregate ? (
          <>
            <p>
              {firstHeat.total.toLocaleString()} people: averages per team and per level, over at least{" "}
              {firstHeat.aggregate.k} people each. Open a team to see its people.
            </p>
            <Heatmap
              caption="Average observed minus expected, per team and competency"
              rowHeading="Team"
              competencies={firstHeat.competencies}
              rows={aggregateRows(firstHeat.aggregate, setTeam)}
            />
            <Heatmap
              caption="Average observed minus expected, per level and competency"
              rowHeading="Level"
              competencies={firstHeat.competencies}
              rows={levelRows(firstHeat.aggregate)}
            />
          </>
        ) : heatPeople.length === 0 ? (
          <p className="muted">Nobody to show here.</p>
        ) : (
          <>
            {team !== null && (
              <p>
                Team {team}: {firstHeat?.total ?? 0} {firstHeat?.total === 1 ? "person" : "people"}.{" "}
                <button type="button" className="button button--secondary button--small" onClick={() => setTeam(null)}>
                  Back to all teams
                </button>
              </p>
            )}
            <Heatmap
              caption="Observed minus expected at each person’s level, per competency"
              rowHeading="Person"
              competencies={firstHeat?.competencies ?? []}
              rows={heatRows(heatPeople)}
            />
            {heatmap.hasNextPage && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void heatmap.fetchNextPage()}
                disabled={heatmap.isFetchingNextPage}
              >
                {heatmap.isFetchingNextPage ? "Loading…" : "Show more people"}
              </button>
            )}
          </>
        )}
      </section>

      <section className="section" aria-labelledby="team-readiness-heading">
        <h2 id="team-readiness-heading">Readiness for the next level</h2>
        <p className="section__lead">Sort by any column. Score and verdict follow the same rule as My growth.</p>
        {readinessPeople.length === 0 ? (
          <p className="muted">Nobody to show here.</p>
        ) : (
          <>
            <ReadinessList people={readinessPeople} directIds={directIds} sort={sort} onSort={setSort} />
            <p className="muted">
              Showing {readinessPeople.length.toLocaleString()} of {readinessTotal.toLocaleString()}.
            </p>
            {readiness.hasNextPage && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void readiness.fetchNextPage()}
                disabled={readiness.isFetchingNextPage}
              >
                {readiness.isFetchingNextPage ? "Loading…" : "Show more"}
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}
