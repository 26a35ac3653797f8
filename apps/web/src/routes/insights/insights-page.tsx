import type { TOrgInsights } from "@ascent/contract";
import { useMemo } from "react";
import { Link } from "react-router";
import { useInsights } from "../../api/insights-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Badge, type BadgeTone } from "../../ui/badge.tsx";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { CHART_COLOURS, LazyChart } from "../../ui/lazy-chart.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "./insights.css";

type BenchRole = TOrgInsights["bench"]["roles"][number];

const BENCH_STATUS: Record<BenchRole["status"], { label: string; tone: BadgeTone }> = {
  ready: { label: "Ready successor", tone: "success" },
  almost: { label: "Almost ready", tone: "accent" },
  "not-yet": { label: "Nobody ready yet", tone: "warning" },
  "no-candidates": { label: "Nobody on the level below", tone: "warning" },
  "too-small": { label: "Too small to show", tone: "neutral" },
};

const round1 = (value: number) => (Math.round(value * 10) / 10).toString();

export function InsightsPage() {
  const session = useSignedIn();
  const scope = session.isAdmin ? "organisation" : "team";
  const title = session.isAdmin ? "Org insights" : "Team insights";
  useDocumentTitle(title);
  const insights = useInsights(scope);

  let content;
  if (insights.isPending) content = <LoadingState label="Counting…" />;
  else if (insights.isError)
    content = (
      <ErrorState
        title="The insights could not be loaded"
        error={insights.error}
        onRetry={() => void insights.refetch()}
        isRetrying={insights.isFetching}
      />
    );
  else if (insights.data.headcount.total === 0)
    content = (
      <EmptyState title="Nobody to count yet">
        <p>
          Insights are drawn from the people in Ascent.{" "}
          {session.isAdmin ? (
            <>
              Add people or import them on the <Link to="/people">People</Link> page.
            </>
          ) : (
            "Once people report to you, their shape appears here."
          )}
        </p>
      </EmptyState>
    );
  else content = <Insights data={insights.data} />;

  return (
    <>
      <PageHeading
        eyebrow={<Breadcrumb trail={[{ to: "/career", label: "Career" }]} current={title} />}
        lead={
          <p>
            {session.isAdmin
              ? "The shape of the whole organisation from its people data: how many people sit at each level, how wide and deep the management is, and whether each leadership role has someone ready to step in."
              : "The shape of your part of the organisation (you and everyone below you): how many people sit at each level, how wide and deep the management is, and whether each leadership role has someone ready to step in."}
          </p>
        }
      >
        {title}
      </PageHeading>
      {content}
    </>
  );
}

function Insights({ data }: { data: TOrgInsights }) {
  return (
    <>
      <dl className="fact-list">
        <div>
          <dt>People</dt>
          <dd>{data.headcount.total}</dd>
        </div>
        <div>
          <dt>Layers</dt>
          <dd>{data.layers}</dd>
        </div>
        <div>
          <dt>Median span of control</dt>
          <dd>{data.spans.summary ? round1(data.spans.summary.median) : "—"}</dd>
        </div>
        <div>
          <dt>PMs per director</dt>
          <dd>{data.pmsPerDirector.ratio === null ? "—" : round1(data.pmsPerDirector.ratio)}</dd>
        </div>
        <div>
          <dt>Leadership roles without a ready successor</dt>
          <dd>
            {data.bench.summary.roles - data.bench.summary.withReadySuccessor - data.bench.summary.tooSmall} of{" "}
            {data.bench.summary.roles}
          </dd>
        </div>
      </dl>
      <HeadcountSection data={data} />
      <SpansSection data={data} />
      <DirectorsSection data={data} />
      <BenchSection data={data} />
    </>
  );
}

function HeadcountSection({ data }: { data: TOrgInsights }) {
  // Horizontal bars, ranks bottom to top like the ladder itself; the level names read along the left edge.
  const option = useMemo(
    () => ({
      animation: false,
      color: [CHART_COLOURS.primary],
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      yAxis: {
        type: "category",
        data: data.headcount.byLevel.map((row) => row.level.name),
        axisLabel: { color: "#1a1f29" },
      },
      xAxis: { type: "value", minInterval: 1, axisLabel: { color: "#1a1f29" } },
      series: [
        {
          name: "People",
          type: "bar",
          barMaxWidth: 28,
          data: data.headcount.byLevel.map((row) => row.count),
          label: { show: true, position: "right", color: "#1a1f29" },
        },
      ],
    }),
    [data],
  );
  return (
    <section className="section" aria-labelledby="headcount-heading">
      <h2 id="headcount-heading">Headcount per level</h2>
      <div className="chart-with-table">
        <div className="card">
          <LazyChart option={option} height="20rem" />
        </div>
        <div className="table-card">
          <table className="data-table">
            <caption className="visually-hidden">People per level of the ladder</caption>
            <thead>
              <tr>
                <th scope="col">Level</th>
                <th scope="col" className="numeric">
                  People
                </th>
              </tr>
            </thead>
            <tbody>
              {data.headcount.byLevel.map((row) => (
                <tr key={row.level.id}>
                  <th scope="row">{row.level.name}</th>
                  <td className="numeric" data-label="People">
                    {row.count}
                  </td>
                </tr>
              ))}
              {data.headcount.unplaced > 0 && (
                <tr>
                  <th scope="row">
                    Not placed on the ladder
                    <span className="cell-note">Their titles are not mapped to a level yet.</span>
                  </th>
                  <td className="numeric" data-label="People">
                    {data.headcount.unplaced}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function SpansSection({ data }: { data: TOrgInsights }) {
  const { summary, managers } = data.spans;
  const histogram = useMemo(() => {
    const counts = new Map<number, number>();
    for (const manager of managers) counts.set(manager.directReports, (counts.get(manager.directReports) ?? 0) + 1);
    const max = Math.max(0, ...counts.keys());
    return Array.from({ length: max }, (_, index) => ({ span: index + 1, managers: counts.get(index + 1) ?? 0 }));
  }, [managers]);
  const option = useMemo(
    () => ({
      animation: false,
      color: [CHART_COLOURS.tertiary],
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 16, top: 16, bottom: 28, containLabel: true },
      xAxis: {
        type: "category",
        name: "Direct reports",
        nameLocation: "middle",
        nameGap: 28,
        data: histogram.map((bucket) => String(bucket.span)),
        axisLabel: { color: "#1a1f29" },
      },
      yAxis: { type: "value", minInterval: 1, axisLabel: { color: "#1a1f29" } },
      series: [{ name: "Managers", type: "bar", barMaxWidth: 48, data: histogram.map((bucket) => bucket.managers) }],
    }),
    [histogram],
  );
  const sorted = [...managers].sort(
    (a, b) => b.directReports - a.directReports || a.manager.name.localeCompare(b.manager.name),
  );
  return (
    <section className="section" aria-labelledby="spans-heading">
      <h2 id="spans-heading">Spans of control</h2>
      {summary === null ? (
        <EmptyState title="Nobody manages anyone here yet">
          <p>Spans appear once people have managers set.</p>
        </EmptyState>
      ) : (
        <>
          <p className="section__lead">
            {summary.min === summary.max
              ? `${summary.managers === 1 ? "1 manager has" : `All ${summary.managers} managers have`} ${summary.min} direct ${summary.min === 1 ? "report" : "reports"}.`
              : `${summary.managers} managers have between ${summary.min} and ${summary.max} direct reports; the median is ${round1(summary.median)} and the mean ${round1(summary.mean)}.`}{" "}
            Each bar in the chart is the number of managers with that many direct reports.
          </p>
          <div className="chart-with-table">
            <div className="card">
              <LazyChart option={option} height="16rem" />
            </div>
            <div
              className="table-card table-card--scroll"
              tabIndex={0}
              role="region"
              aria-label="Direct reports per manager"
            >
              <table className="data-table">
                <caption className="visually-hidden">Direct reports per manager, widest span first</caption>
                <thead>
                  <tr>
                    <th scope="col">Manager</th>
                    <th scope="col">Level</th>
                    <th scope="col" className="numeric">
                      Direct reports
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((row) => (
                    <tr key={row.manager.id}>
                      <th scope="row">{row.manager.name}</th>
                      <td data-label="Level">{row.level?.name ?? "Not placed"}</td>
                      <td className="numeric" data-label="Direct reports">
                        {row.directReports}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function DirectorsSection({ data }: { data: TOrgInsights }) {
  const { directors, pmTotal, ratio } = data.pmsPerDirector;
  return (
    <section className="section" aria-labelledby="directors-heading">
      <h2 id="directors-heading">PMs per director</h2>
      {directors.length === 0 ? (
        <EmptyState title="Nobody on the manager track here">
          <p>This counts the individual contributors below each person on the ladder’s manager track.</p>
        </EmptyState>
      ) : (
        <>
          <p className="section__lead">
            {pmTotal} individual {pmTotal === 1 ? "contributor" : "contributors"} across {directors.length}{" "}
            {directors.length === 1 ? "leader" : "leaders"} on the manager track
            {ratio === null ? "." : `: ${round1(ratio)} each on average.`}
          </p>
          <div className="table-card">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Leader</th>
                  <th scope="col">Level</th>
                  <th scope="col" className="numeric">
                    PMs below
                  </th>
                </tr>
              </thead>
              <tbody>
                {directors.map((row) => (
                  <tr key={row.director.id}>
                    <th scope="row">{row.director.name}</th>
                    <td data-label="Level">{row.level.name}</td>
                    <td className="numeric" data-label="PMs below">
                      {row.pmCount}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function BenchSection({ data }: { data: TOrgInsights }) {
  const { roles, summary } = data.bench;
  const count = (value: number | null) => (value === null ? <span className="muted">Too small to show</span> : value);
  return (
    <section className="section" aria-labelledby="bench-heading">
      <h2 id="bench-heading">Bench strength</h2>
      <p className="section__lead">
        For each role at Director level and above: how many people on the level just below are ready or almost ready for
        it, by readiness. Counts only, and none where fewer than {data.k} people could be counted, so nobody’s readiness
        can be worked out from them.
      </p>
      {roles.length === 0 ? (
        <EmptyState title="No leadership roles here">
          <p>The bench covers roles at Director level and above.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="bench-summary">
            <li>
              <strong>{summary.withReadySuccessor}</strong> with a ready successor
            </li>
            <li>
              <strong>{summary.withAlmostSuccessor}</strong> with someone almost ready
            </li>
            <li>
              <strong>{summary.withoutSuccessor}</strong> with nobody ready or almost ready
            </li>
            <li>
              <strong>{summary.tooSmall}</strong> too small to show
            </li>
          </ul>
          <div className="table-card">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Role holder</th>
                  <th scope="col">Level</th>
                  <th scope="col">Bench</th>
                  <th scope="col" className="numeric">
                    Candidates
                  </th>
                  <th scope="col" className="numeric">
                    Ready
                  </th>
                  <th scope="col" className="numeric">
                    Almost
                  </th>
                </tr>
              </thead>
              <tbody>
                {roles.map((role) => (
                  <tr key={role.holder.id}>
                    <th scope="row">{role.holder.name}</th>
                    <td data-label="Level">{role.level.name}</td>
                    <td data-label="Bench">
                      <Badge tone={BENCH_STATUS[role.status].tone}>{BENCH_STATUS[role.status].label}</Badge>
                    </td>
                    <td className="numeric" data-label="Candidates">
                      {count(role.candidates)}
                    </td>
                    <td className="numeric" data-label="Ready">
                      {count(role.ready)}
                    </td>
                    <td className="numeric" data-label="Almost">
                      {count(role.almost)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
