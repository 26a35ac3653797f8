import type { TReadinessHistory } from "@ascent/contract";
import { useId, useMemo, useState } from "react";
import { FormField } from "../../ui/form-field.tsx";
import { formatNumber, formatPercent, formatSigned, STATUS_LABELS, VERDICT_LABELS } from "./readiness-math.ts";
import { shortName, useIsNarrow } from "./readiness-radar.tsx";
import { useEChart } from "./use-echart.ts";

type Point = TReadinessHistory["points"][number];

const COLORS = { now: "#4338ca", then: "#0f766e", expected: "#b45309" };

function pointLabel(point: Point): string {
  const when = new Date(point.at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  return `${when}: ${VERDICT_LABELS[point.verdict]}, ${formatPercent(point.score)}`;
}

function shortDate(point: Point): string {
  return new Date(point.at).toLocaleDateString(undefined, { dateStyle: "medium" });
}

interface ChangeRow {
  competencyId: string;
  name: string;
  expected: number;
  then: Point["competencies"][number] | undefined;
  now: Point["competencies"][number];
}

function changeRows(then: Point, now: Point): ChangeRow[] {
  const before = new Map(then.competencies.map((c) => [c.competencyId, c]));
  return now.competencies.map((c) => ({
    competencyId: c.competencyId,
    name: c.name,
    expected: c.expected,
    then: before.get(c.competencyId),
    now: c,
  }));
}

function hasChanged(row: ChangeRow): boolean {
  return row.then?.observed !== row.now.observed || row.then?.status !== row.now.status;
}

const observedText = (value: number | null | undefined) =>
  value === null || value === undefined ? "No ratings" : formatNumber(value);

function changeText(then: number | null | undefined, now: number | null): string {
  if (now === null) return "—";
  return then === null || then === undefined ? "First rated" : formatSigned(now - then);
}

function ThenNowRadar({ rows, then, now, max }: { rows: ChangeRow[]; then: Point; now: Point; max: number }) {
  const id = useId();
  const isNarrow = useIsNarrow();
  const thenName = `Then (${shortDate(then)})`;
  const nowName = `Now (${shortDate(now)})`;
  const option = useMemo(
    () => ({
      animation: false,
      color: [COLORS.then, COLORS.now, COLORS.expected],
      legend: { bottom: 0, textStyle: { color: "#1a1f29", fontSize: 13 } },
      tooltip: { trigger: "item" },
      radar: {
        indicator: rows.map((r) => ({ name: isNarrow ? shortName(r.name) : r.name, min: 0, max })),
        radius: isNarrow ? "55%" : "62%",
        splitNumber: max,
        axisName: { color: "#404a57", fontSize: isNarrow ? 10 : 12 },
        splitLine: { lineStyle: { color: "#dde1e7" } },
        splitArea: { show: false },
        axisLine: { lineStyle: { color: "#dde1e7" } },
      },
      series: [
        {
          type: "radar",
          symbolSize: 5,
          data: [
            {
              name: thenName,
              value: rows.map((r) => r.then?.observed ?? 0),
              lineStyle: { type: "dashed", width: 2 },
              areaStyle: { color: "rgba(15, 118, 110, 0.10)" },
            },
            {
              name: nowName,
              value: rows.map((r) => r.now.observed ?? 0),
              lineStyle: { width: 2.5 },
              areaStyle: { color: "rgba(67, 56, 202, 0.16)" },
            },
            { name: "Expected", value: rows.map((r) => r.expected), lineStyle: { type: "dotted", width: 2 } },
          ],
        },
      ],
    }),
    [rows, max, isNarrow, thenName, nowName],
  );
  const { ref, state } = useEChart(option);
  const rose = rows.filter((r) => (r.now.observed ?? 0) > (r.then?.observed ?? 0)).length;
  const fell = rows.filter((r) => (r.now.observed ?? 0) < (r.then?.observed ?? 0)).length;
  return (
    <figure className="chart-figure">
      <div
        className="chart-figure__frame chart-figure__frame--radar"
        role="img"
        aria-label="Radar chart of observed ratings at two points in time"
        aria-describedby={`${id}-caption`}
      >
        {/* ECharts owns this element's children, so React renders nothing inside it. */}
        <div ref={ref} className="chart-figure__canvas" />
        {state === "loading" && <p className="chart-figure__placeholder">Drawing the chart…</p>}
        {state === "failed" && (
          <p className="chart-figure__placeholder">The chart could not be drawn; the list below has its numbers.</p>
        )}
      </div>
      <figcaption id={`${id}-caption`} className="chart-figure__caption">
        {`Observed on ${shortDate(then)} (dashed) against ${shortDate(now)} (solid), with the expectation dotted: ` +
          `${rose} ${rose === 1 ? "competency rose" : "competencies rose"}, ${fell} fell.`}
      </figcaption>
    </figure>
  );
}

/**
 * Any two points of the readiness history overlaid on one radar, with what changed between them:
 * per competency the observed value, the status, and overall the verdict and score.
 */
export function ThenVersusNow({ history, scaleMax }: { history: TReadinessHistory; scaleMax: number }) {
  const points = history.points;
  const [thenIndex, setThenIndex] = useState(0);
  const [nowIndex, setNowIndex] = useState(points.length - 1);
  const then = points[Math.min(thenIndex, points.length - 1)];
  const now = points[Math.min(nowIndex, points.length - 1)];
  const rows = useMemo(() => (then && now ? changeRows(then, now) : []), [then, now]);
  if (!then || !now || points.length < 2) {
    return <p>Two points in the history are needed to compare; each new assessment or feedback release adds one.</p>;
  }
  const changed = rows.filter(hasChanged);
  const options = points.map((point, index) => (
    <option key={point.at + index} value={index}>
      {pointLabel(point)}
    </option>
  ));

  return (
    <div className="then-now">
      <div className="then-now__pickers">
        <FormField label="Then">
          {(control) => (
            <select
              {...control}
              className="select"
              value={thenIndex}
              onChange={(event) => setThenIndex(Number(event.target.value))}
            >
              {options}
            </select>
          )}
        </FormField>
        <FormField label="Now">
          {(control) => (
            <select
              {...control}
              className="select"
              value={nowIndex}
              onChange={(event) => setNowIndex(Number(event.target.value))}
            >
              {options}
            </select>
          )}
        </FormField>
      </div>
      <ThenNowRadar rows={rows} then={then} now={now} max={scaleMax} />
      <p className="then-now__summary">
        Verdict: {VERDICT_LABELS[then.verdict]} → {VERDICT_LABELS[now.verdict]}. Score: {formatPercent(then.score)} →{" "}
        {formatPercent(now.score)} ({formatSigned((now.score - then.score) * 100)} points).
      </p>
      {changed.length === 0 ? (
        <p>No competency changed between these two points.</p>
      ) : (
        <div className="table-card">
          <table className="data-table">
            <caption className="then-now__caption">
              What changed: {changed.length} of {rows.length} competencies
            </caption>
            <thead>
              <tr>
                <th scope="col">Competency</th>
                <th scope="col" className="numeric">
                  Observed then → now
                </th>
                <th scope="col" className="numeric">
                  Change
                </th>
                <th scope="col">Status then → now</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((row) => (
                <tr key={row.competencyId}>
                  <th scope="row">{row.name}</th>
                  <td className="numeric">
                    {observedText(row.then?.observed)} → {observedText(row.now.observed)}
                  </td>
                  <td className="numeric">{changeText(row.then?.observed, row.now.observed)}</td>
                  <td>
                    {row.then ? STATUS_LABELS[row.then.status] : "Not assessed"} → {STATUS_LABELS[row.now.status]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
