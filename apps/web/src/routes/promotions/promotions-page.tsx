import type { TPromotionCase } from "@ascent/contract";
import { Link } from "react-router";
import { useState } from "react";
import { useCycles } from "../../api/cycle-queries.ts";
import { usePromotionCases, usePromotionStats, type PipelineFilter } from "../../api/promotion-queries.ts";
import { useKnownTeams, useLadderLevels, useViewer } from "../../api/people-queries.ts";
import { FormField } from "../../ui/form-field.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "./promotions.css";

const STAGES: { status: TPromotionCase["status"]; label: string }[] = [
  { status: "draft", label: "Draft" },
  { status: "submitted", label: "Submitted" },
  { status: "in-review", label: "In review" },
  { status: "decided", label: "Decided" },
];

const OUTCOME_LABEL = { approved: "Approved", deferred: "Deferred", declined: "Declined" } as const;

function CaseCard({ promotionCase }: { promotionCase: TPromotionCase }) {
  const { levels } = useLadderLevels();
  const target = levels?.find((level) => level.id === promotionCase.toLevelId)?.name ?? promotionCase.toLevelId;
  return (
    <li className="promotion-card">
      <Link to={`/promotions/${promotionCase.id}`} className="promotion-card__link">
        {promotionCase.person.name}
      </Link>
      <span className="promotion-card__meta">
        to {target}
        {promotionCase.nominatedBy && <>, nominated by {promotionCase.nominatedBy.name}</>}
      </span>
      {promotionCase.decision && (
        <span className="promotion-card__meta">{OUTCOME_LABEL[promotionCase.decision.outcome]}</span>
      )}
    </li>
  );
}

function Statistics({ cycleId }: { cycleId: string }) {
  const stats = usePromotionStats(cycleId, true);
  if (!stats.data) return null;
  const { nominations, decided, approved, medianDaysToDecision, equity, hiddenTeams, k } = stats.data;
  return (
    <section className="section" aria-labelledby="promotion-stats-heading">
      <h2 id="promotion-stats-heading">Statistics</h2>
      <dl className="promotion-stats">
        <div>
          <dt>Nominations</dt>
          <dd>{nominations}</dd>
        </div>
        <div>
          <dt>Decided</dt>
          <dd>{decided}</dd>
        </div>
        <div>
          <dt>Approved</dt>
          <dd>{decided === 0 ? "—" : `${approved} (${Math.round((approved / decided) * 100)}%)`}</dd>
        </div>
        <div>
          <dt>Median days to decision</dt>
          <dd>{medianDaysToDecision === null ? "—" : medianDaysToDecision.toFixed(1)}</dd>
        </div>
      </dl>
      <p className="section__lead">
        {equity.length === 0
          ? `Approval rates by team appear once a team has at least ${k} decided cases, so no one decision can be singled out.`
          : `Approval rate by team (teams with at least ${k} decided cases): ` +
            equity.map((row) => `${row.team} ${Math.round(row.approvalRate * 100)}% of ${row.decided}`).join("; ")}
        {hiddenTeams > 0 && ` ${hiddenTeams} team(s) with fewer cases are left out.`}
      </p>
    </section>
  );
}

function Filters({ filter, onChange }: { filter: PipelineFilter; onChange: (next: PipelineFilter) => void }) {
  const cycles = useCycles();
  const { levels } = useLadderLevels();
  const teams = useKnownTeams();
  const select = (key: keyof PipelineFilter, label: string, options: { value: string; label: string }[]) => (
    <FormField label={label}>
      {(control) => (
        <select
          {...control}
          className="select"
          value={filter[key]}
          onChange={(event) => onChange({ ...filter, [key]: event.target.value })}
        >
          <option value="">Any</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
  return (
    <div className="promotion-filters" role="group" aria-label="Filter the cases">
      {select(
        "cycleId",
        "Review cycle",
        (cycles.data?.cycles ?? []).map((cycle) => ({ value: cycle.id, label: cycle.name })),
      )}
      {select(
        "toLevelId",
        "Target level",
        (levels ?? []).map((level) => ({ value: level.id, label: level.name })),
      )}
      {select(
        "team",
        "Department",
        (teams.data ?? []).map((team) => ({ value: team, label: team })),
      )}
    </div>
  );
}

/** The pipeline: every open and decided case the viewer takes part in (all of them for admins), by stage. */
export function PromotionsPage() {
  useDocumentTitle("Promotions");
  const viewer = useViewer();
  const [filter, setFilter] = useState<PipelineFilter>({ cycleId: "", toLevelId: "", team: "" });
  const cases = usePromotionCases(filter);
  return (
    <>
      <PageHeading
        lead={
          <p>
            Promotion cases from nomination to decision. A manager nominates a direct report from their profile page;
            the packet is frozen when the case goes to a committee.
          </p>
        }
      >
        Promotions
      </PageHeading>
      <Filters filter={filter} onChange={setFilter} />
      {viewer.isAdmin && <Statistics cycleId={filter.cycleId} />}
      {cases.isPending && <LoadingState label="Loading promotion cases…" />}
      {cases.isError && (
        <ErrorState
          title="The cases could not be loaded"
          error={cases.error}
          onRetry={() => void cases.refetch()}
          isRetrying={cases.isFetching}
        />
      )}
      {cases.data && cases.data.cases.length === 0 && (filter.cycleId || filter.toLevelId || filter.team) && (
        <EmptyState title="No case matches these filters">
          <p>Set a filter back to “Any” to see more cases.</p>
        </EmptyState>
      )}
      {cases.data && cases.data.cases.length === 0 && !(filter.cycleId || filter.toLevelId || filter.team) && (
        <EmptyState title="No promotion cases yet">
          <p>
            To nominate someone, open a direct report in <Link to="/team">My team</Link> or{" "}
            <Link to="/people">People</Link> and choose “Nominate for promotion”.
          </p>
        </EmptyState>
      )}
      {cases.data && cases.data.cases.length > 0 && (
        <div className="promotion-board">
          {STAGES.map((stage) => {
            const inStage = cases.data.cases.filter((c) => c.status === stage.status);
            return (
              <section key={stage.status} className="promotion-board__column" aria-labelledby={`stage-${stage.status}`}>
                <h2 id={`stage-${stage.status}`} className="promotion-board__heading">
                  {stage.label} <span className="count">{inStage.length}</span>
                </h2>
                {inStage.length === 0 ? (
                  <p className="muted">None</p>
                ) : (
                  <ul className="promotion-board__list">
                    {inStage.map((c) => (
                      <CaseCard key={c.id} promotionCase={c} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
