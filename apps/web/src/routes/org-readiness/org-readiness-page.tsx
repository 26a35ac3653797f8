import type { TOrgHeatmap, TOrgReadiness } from "@ascent/contract";
import { useId, useState } from "react";
import { useFrameworkDocument, useOrgHeatmap, useOrgReadiness, type OrgFilters } from "../../api/assessment-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { formatPercent } from "../growth/readiness-math.ts";
import { Heatmap, HeatmapLegend, type HeatCell, type HeatRow } from "../team/heatmap.tsx";
import "../growth/growth.css";
import "./org-readiness.css";

type Summary = TOrgReadiness["overall"];
type OrgCell = TOrgHeatmap["overall"][number];

function hiddenText(k: number): string {
  return `Fewer than ${k} people`;
}

function toHeatCell(cell: OrgCell, k: number): HeatCell {
  if ("hidden" in cell) return { kind: "hidden", reason: hiddenText(k) };
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

function heatRows(groups: { key: string; name: string; cells: OrgCell[] }[], k: number): HeatRow[] {
  return groups.map((group) => ({
    key: group.key,
    header: <span className="cell-title">{group.name}</span>,
    cells: Object.fromEntries(group.cells.map((cell) => [cell.competencyId, toHeatCell(cell, k)])),
  }));
}

function SummaryRow({ name, summary }: { name: string; summary: Summary }) {
  if ("hidden" in summary) {
    return (
      <tr>
        <th scope="row" data-label="Group">
          {name}
        </th>
        <td colSpan={5} className="org-hidden" data-label="Summary">
          Hidden: {summary.reason}
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row" data-label="Group">
        {name}
      </th>
      <td data-label="People" className="numeric">
        {summary.people}
      </td>
      <td data-label="Mean score" className="numeric">
        {summary.meanScore === null ? "—" : formatPercent(summary.meanScore)}
      </td>
      <td data-label="Ready" className="numeric">
        {summary.verdicts.ready}
      </td>
      <td data-label="Almost" className="numeric">
        {summary.verdicts.almost}
      </td>
      <td data-label="Not yet" className="numeric">
        {summary.verdicts["not-yet"]}
      </td>
    </tr>
  );
}

function SummaryTable({
  caption,
  groupLabel,
  rows,
}: {
  caption: string;
  groupLabel: string;
  rows: { key: string; name: string; summary: Summary }[];
}) {
  return (
    <div className="table-card">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            <th scope="col" className="numeric">
              People
            </th>
            <th scope="col" className="numeric">
              Mean score
            </th>
            <th scope="col" className="numeric">
              Ready
            </th>
            <th scope="col" className="numeric">
              Almost
            </th>
            <th scope="col" className="numeric">
              Not yet
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <SummaryRow key={row.key} name={row.name} summary={row.summary} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Filters({
  filters,
  onChange,
  levels,
  teams,
}: {
  filters: OrgFilters;
  onChange: (filters: OrgFilters) => void;
  levels: { id: string; name: string }[];
  teams: string[];
}) {
  const id = useId();
  return (
    <form
      className="org-filters"
      role="search"
      aria-label="Filter the organisation"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="form-field">
        <label htmlFor={`${id}-level`} className="form-field__label">
          Level
        </label>
        <select
          id={`${id}-level`}
          className="select"
          value={filters.level ?? ""}
          onChange={(event) => onChange({ ...filters, level: event.target.value || undefined })}
        >
          <option value="">All levels</option>
          {levels.map((level) => (
            <option key={level.id} value={level.id}>
              {level.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-team`} className="form-field__label">
          Team
        </label>
        <select
          id={`${id}-team`}
          className="select"
          value={filters.team ?? ""}
          onChange={(event) => onChange({ ...filters, team: event.target.value || undefined })}
        >
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team} value={team}>
              {team || "No team"}
            </option>
          ))}
        </select>
      </div>
      {(filters.level || filters.team) && (
        <button type="button" className="button button--secondary" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </form>
  );
}

function OrgReadinessContent() {
  const [filters, setFilters] = useState<OrgFilters>({});
  const readiness = useOrgReadiness(filters);
  const heatmap = useOrgHeatmap(filters);
  const everyone = useOrgReadiness({});
  const framework = useFrameworkDocument("latest");

  if (readiness.isPending || heatmap.isPending) return <LoadingState label="Loading the organisation…" />;
  if (readiness.isError || heatmap.isError) {
    return (
      <ErrorState
        title="Organisation readiness could not be loaded"
        error={readiness.error ?? heatmap.error}
        onRetry={() => {
          if (readiness.isError) void readiness.refetch();
          if (heatmap.isError) void heatmap.refetch();
        }}
        isRetrying={readiness.isFetching || heatmap.isFetching}
      />
    );
  }
  const k = readiness.data.k;
  const levels = [...(framework.data?.document.levels ?? [])].sort((a, b) => a.rank - b.rank);
  const teams = [...new Set((everyone.data?.byTeam ?? []).map((t) => t.team))].sort((a, b) => a.localeCompare(b));
  const overall = readiness.data.overall;
  const isUpdating =
    (readiness.isPlaceholderData || heatmap.isPlaceholderData) && (readiness.isFetching || heatmap.isFetching);

  return (
    <>
      <div className="org-toolbar">
        <Filters filters={filters} onChange={setFilters} levels={levels} teams={teams} />
        <p role="status" className="org-toolbar__status">
          {isUpdating ? "Updating…" : ""}
        </p>
      </div>

      <section className="section section--first" aria-labelledby="org-overall-heading">
        <h2 id="org-overall-heading">Readiness for the next level</h2>
        <p className="section__lead">
          Each person’s readiness for the level above their own, gathered per level and per team. Groups of fewer than{" "}
          {k} people are hidden, as is any group whose figures would give a smaller one away.
        </p>
        {"hidden" in overall ? (
          <p className="callout">Hidden for these filters: {overall.reason}.</p>
        ) : (
          <dl className="fact-list">
            <div>
              <dt>People</dt>
              <dd>{overall.people}</dd>
            </div>
            <div>
              <dt>Mean score</dt>
              <dd>{overall.meanScore === null ? "—" : formatPercent(overall.meanScore)}</dd>
            </div>
            <div>
              <dt>Ready</dt>
              <dd>{overall.verdicts.ready}</dd>
            </div>
            <div>
              <dt>Almost</dt>
              <dd>{overall.verdicts.almost}</dd>
            </div>
            <div>
              <dt>Not yet</dt>
              <dd>{overall.verdicts["not-yet"]}</dd>
            </div>
          </dl>
        )}
      </section>

      <section className="section" aria-labelledby="org-levels-heading">
        <h2 id="org-levels-heading">By level</h2>
        {readiness.data.byLevel.length === 0 ? (
          <p className="muted">Nobody matches these filters.</p>
        ) : (
          <SummaryTable
            caption="Readiness per level"
            groupLabel="Level"
            rows={readiness.data.byLevel.map((row) => ({
              key: row.level.id,
              name: row.level.name,
              summary: row.summary,
            }))}
          />
        )}
      </section>

      <section className="section" aria-labelledby="org-teams-heading">
        <h2 id="org-teams-heading">By team</h2>
        {readiness.data.byTeam.length === 0 ? (
          <p className="muted">Nobody matches these filters.</p>
        ) : (
          <SummaryTable
            caption="Readiness per team"
            groupLabel="Team"
            rows={readiness.data.byTeam.map((row) => ({
              key: row.team,
              name: row.team || "No team",
              summary: row.summary,
            }))}
          />
        )}
      </section>

      <section className="section" aria-labelledby="org-heatmap-heading">
        <h2 id="org-heatmap-heading">Competency heatmap</h2>
        <p className="section__lead">
          Mean observed minus mean expected, where each person is held to their own level. Orange is below, purple
          above; hidden cells cover fewer than {k} people.
        </p>
        <HeatmapLegend />
        <h3 id="org-heatmap-levels-heading" className="org-subheading">
          By level
        </h3>
        {heatmap.data.byLevel.length === 0 ? (
          <p className="muted">Nobody matches these filters.</p>
        ) : (
          <Heatmap
            caption="Observed minus expected per level and competency"
            rowHeading="Level"
            competencies={heatmap.data.competencies}
            rows={heatRows(
              heatmap.data.byLevel.map((row) => ({ key: row.level.id, name: row.level.name, cells: row.cells })),
              k,
            )}
          />
        )}
        <h3 id="org-heatmap-teams-heading" className="org-subheading">
          By team
        </h3>
        {heatmap.data.byTeam.length === 0 ? (
          <p className="muted">Nobody matches these filters.</p>
        ) : (
          <Heatmap
            caption="Observed minus expected per team and competency"
            rowHeading="Team"
            competencies={heatmap.data.competencies}
            rows={heatRows(
              heatmap.data.byTeam.map((row) => ({ key: row.team, name: row.team || "No team", cells: row.cells })),
              k,
            )}
          />
        )}
      </section>
    </>
  );
}

export function OrgReadinessPage() {
  useDocumentTitle("Organisation readiness");
  const session = useSignedIn();
  return (
    <>
      <PageHeading
        lead={
          <p>
            How ready the organisation is for its next steps, level by level and team by team. Only aggregates are
            shown, never one person, and only over groups large enough to keep everyone anonymous.
          </p>
        }
      >
        Organisation readiness
      </PageHeading>
      {session.isAdmin ? (
        <OrgReadinessContent />
      ) : (
        <p className="callout">
          Only administrators see organisation-wide readiness. Managers see their own team on My team.
        </p>
      )}
    </>
  );
}
