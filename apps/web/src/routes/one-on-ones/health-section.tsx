import type { THealthComparison, TOneOnOne } from "@ascent/contract";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useCollaborationHealth, useRecordHealthCheck } from "../../api/one-on-one-queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { CHART_COLOURS, LazyChart } from "../../ui/lazy-chart.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { RatingScale } from "../../ui/rating-scale.tsx";
import { formatShortDate } from "./date-time.ts";

type Session = THealthComparison["sessions"][number];

/** The health check of this 1:1 and both sides' ratings over every 1:1 of the pair. */
export function HealthSection({ meeting }: { meeting: TOneOnOne }) {
  const other = meeting.viewerSide === "lead" ? meeting.report : meeting.lead;
  const health = useCollaborationHealth(other.id);
  return (
    <section className="section" aria-labelledby="health-heading">
      <h2 id="health-heading">Collaboration health</h2>
      <p className="section__lead">
        Each of you rates the seven aspects from 1 (not working) to 5 (working well). Seeing both ratings side by side
        shows where you see things differently: start there next time.
      </p>
      {meeting.agenda.aspects.length === 0 ? (
        <EmptyState title="No aspects to rate">
          <p>The health check uses the playbook’s aspects, and this 1:1 has no playbook.</p>
        </EmptyState>
      ) : health.isPending ? (
        <LoadingState label="Loading the health check…" />
      ) : health.isError ? (
        <ErrorState
          title="The health check could not be loaded"
          error={health.error}
          onRetry={() => void health.refetch()}
          isRetrying={health.isFetching}
        />
      ) : (
        <div className="health-layout">
          <HealthCheckForm meeting={meeting} comparison={health.data} />
          <HealthOverTime meeting={meeting} comparison={health.data} />
        </div>
      )}
    </section>
  );
}

function HealthCheckForm({ meeting, comparison }: { meeting: TOneOnOne; comparison: THealthComparison }) {
  const other = meeting.viewerSide === "lead" ? meeting.report : meeting.lead;
  const record = useRecordHealthCheck(meeting.id, other.id);
  const previous = comparison.sessions.find((session) => session.oneOnOneId === meeting.id);
  const [initial] = useState<Record<string, number>>(() =>
    Object.fromEntries(
      (previous?.aspects ?? []).flatMap((aspect) => {
        const mine = meeting.viewerSide === "lead" ? aspect.lead : aspect.report;
        return mine === null ? [] : [[aspect.aspectId, mine]];
      }),
    ),
  );
  const [ratings, setRatings] = useState(initial);
  const [missing, setMissing] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const hasRated = Object.keys(initial).length > 0;

  useEffect(() => {
    if (missing.length > 0) formRef.current?.querySelector<HTMLElement>('fieldset[aria-invalid="true"] input')?.focus();
  }, [missing]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const unrated = meeting.agenda.aspects.filter((aspect) => ratings[aspect.id] === undefined).map((a) => a.id);
    setMissing(unrated);
    if (unrated.length > 0) return;
    record.mutate(ratings);
  }

  return (
    <form ref={formRef} className="card health-form" onSubmit={submit} noValidate aria-labelledby="health-form-heading">
      <h3 id="health-form-heading" className="card__title">
        Your ratings for this 1:1
      </h3>
      <p className="form-field__hint">
        {other.name} rates separately. Rating again replaces your earlier ratings for this 1:1.
      </p>
      {meeting.agenda.aspects.map((aspect) => (
        <RatingScale
          key={aspect.id}
          legend={aspect.name}
          value={ratings[aspect.id] ?? null}
          onChange={(value) => {
            setRatings((current) => ({ ...current, [aspect.id]: value }));
            setMissing((current) => current.filter((id) => id !== aspect.id));
          }}
          lowLabel="Not working"
          highLabel="Working well"
          error={missing.includes(aspect.id) ? `Rate ${aspect.name.toLowerCase()} from 1 to 5.` : undefined}
        />
      ))}
      {record.isError && (
        <p role="alert" className="form-error">
          {describeError(record.error)}
        </p>
      )}
      <div className="health-form__submit">
        <button type="submit" className="button" disabled={record.isPending}>
          {record.isPending ? "Saving…" : hasRated || record.isSuccess ? "Update my ratings" : "Save my ratings"}
        </button>
        <p role="status" className="muted">
          {record.isSuccess ? "Your ratings are saved." : ""}
        </p>
      </div>
    </form>
  );
}

function HealthOverTime({ meeting, comparison }: { meeting: TOneOnOne; comparison: THealthComparison }) {
  const rated = comparison.sessions.filter((session) =>
    session.aspects.some((aspect) => aspect.lead !== null || aspect.report !== null),
  );
  const [sessionId, setSessionId] = useState<string | null>(null);
  const shown =
    rated.find((session) => session.oneOnOneId === sessionId) ??
    rated.find((session) => session.oneOnOneId === meeting.id) ??
    rated.at(-1);

  if (!shown) {
    return (
      <div className="card health-chart">
        <h3 className="card__title">Side by side</h3>
        <EmptyState title="No ratings yet">
          <p>
            Once you or {meeting.viewerSide === "lead" ? meeting.report.name : meeting.lead.name} rate a 1:1, both sides
            appear here.
          </p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="card health-chart">
      <h3 className="card__title">Side by side</h3>
      {rated.length > 1 && (
        <FormField label="1:1 shown in the chart">
          {(control) => (
            <select
              {...control}
              className="select"
              value={shown.oneOnOneId}
              onChange={(event) => setSessionId(event.target.value)}
            >
              {rated.map((session) => (
                <option key={session.oneOnOneId} value={session.oneOnOneId}>
                  {`${formatShortDate(session.scheduledAt)}${session.oneOnOneId === meeting.id ? " (this 1:1)" : ""}`}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <SessionChart session={shown} />
      <p className="health-legend">
        <span className="health-legend__mark" aria-hidden="true">
          ▲
        </span>{" "}
        marks the aspects you see most differently in this 1:1
        {shown.largestDifference.length > 0 &&
          `: ${shown.aspects
            .filter((a) => shown.largestDifference.includes(a.aspectId))
            .map((a) => a.name)
            .join(", ")}`}
        .
      </p>
      <HealthTable comparison={comparison} sessions={rated} />
    </div>
  );
}

function SessionChart({ session }: { session: Session }) {
  const option = useMemo(() => {
    const highlighted = new Set(session.largestDifference);
    // Horizontal bars: the aspect names are long and read best along the left edge, first at the top.
    const aspects = [...session.aspects].reverse();
    const label = (aspect: Session["aspects"][number]) =>
      highlighted.has(aspect.aspectId) ? `{hl|▲ ${aspect.name}}` : aspect.name;
    return {
      animation: false,
      color: [CHART_COLOURS.primary, CHART_COLOURS.secondary],
      legend: { data: [session.lead.name, session.report.name], top: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
      xAxis: { type: "value", min: 0, max: 5, interval: 1 },
      yAxis: {
        type: "category",
        data: aspects.map(label),
        axisLabel: {
          width: 200,
          overflow: "break",
          color: "#1a1f29",
          rich: { hl: { color: CHART_COLOURS.highlight, fontWeight: "bold" } },
        },
      },
      series: [
        { name: session.lead.name, type: "bar", data: aspects.map((a) => a.lead) },
        { name: session.report.name, type: "bar", data: aspects.map((a) => a.report) },
      ],
    };
  }, [session]);
  return <LazyChart option={option} height="24rem" />;
}

/** The chart's numbers, and every earlier 1:1, as a table: the text alternative and the history. */
function HealthTable({ comparison, sessions }: { comparison: THealthComparison; sessions: Session[] }) {
  const recent = sessions.slice(-6);
  const highlighted = new Set(comparison.highlighted);
  const describe = (aspect: Session["aspects"][number] | undefined, session: Session) => {
    if (!aspect || (aspect.lead === null && aspect.report === null)) return "—";
    const side = (name: string, value: number | null) => `${name.split(" ")[0]} ${value ?? "not rated"}`;
    return `${side(session.lead.name, aspect.lead)} · ${side(session.report.name, aspect.report)}`;
  };
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Ratings over time">
      <table className="data-table health-table">
        <caption className="health-table__caption">
          Both sides’ ratings per aspect{recent.length < sessions.length ? `, the last ${recent.length} 1:1s` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Aspect</th>
            {recent.map((session) => (
              <th key={session.oneOnOneId} scope="col">
                {formatShortDate(session.scheduledAt)}
              </th>
            ))}
            <th scope="col" className="numeric">
              Mean difference
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.aspects.map((aspect) => (
            <tr key={aspect.aspectId} className={highlighted.has(aspect.aspectId) ? "is-highlighted" : undefined}>
              <th scope="row">
                {aspect.name}
                {highlighted.has(aspect.aspectId) && (
                  <>
                    {" "}
                    <Badge tone="warning">Largest difference</Badge>
                  </>
                )}
              </th>
              {recent.map((session) => (
                <td key={session.oneOnOneId} data-label={formatShortDate(session.scheduledAt)}>
                  {describe(
                    session.aspects.find((a) => a.aspectId === aspect.aspectId),
                    session,
                  )}
                </td>
              ))}
              <td data-label="Mean difference" className="numeric">
                {aspect.meanDifference === null ? "—" : (Math.round(aspect.meanDifference * 10) / 10).toString()}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
