import type { TFramework, TPersonReadiness } from "@ascent/contract";
import { useEffect, useId, useMemo, useState } from "react";
import { formatNumber } from "./readiness-math.ts";
import { useEChart } from "./use-echart.ts";

const COLORS = { observed: "#4338ca", target: "#b45309", current: "#5b6472" };

interface RadarRow {
  id: string;
  name: string;
  observed: number | null;
  target: number;
  current: number | null;
}

function radarRows(readiness: TPersonReadiness, document: TFramework | undefined): RadarRow[] {
  const currentId = readiness.currentLevel?.id;
  const showCurrent = currentId !== undefined && currentId !== readiness.targetLevel.id;
  return readiness.competencies.map((c) => {
    const atCurrent = showCurrent && document ? document.expectations[currentId]?.[c.competencyId] : undefined;
    return {
      id: c.competencyId,
      name: c.name,
      observed: c.observed,
      target: c.expected,
      current: atCurrent && atCurrent.weight > 0 ? atCurrent.expected : null,
    };
  });
}

const NARROW = "(max-width: 40rem)";
const SHORT_NAME = 12;

/** True on phone-sized screens, where full competency names do not fit around the radar. */
export function useIsNarrow(): boolean {
  const [isNarrow, setIsNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const update = () => setIsNarrow(query.matches);
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return isNarrow;
}

export function shortName(name: string): string {
  return name.length > SHORT_NAME ? `${name.slice(0, SHORT_NAME - 1).trimEnd()}…` : name;
}

/** Observed against what the target level, and the current one, expect; its numbers are also a table. */
export function ReadinessRadar({ readiness, document }: { readiness: TPersonReadiness; document?: TFramework }) {
  const id = useId();
  const rows = useMemo(() => radarRows(readiness, document), [readiness, document]);
  const hasCurrent = rows.some((r) => r.current !== null);
  const targetName = readiness.targetLevel.name;
  const currentName = readiness.currentLevel?.name ?? "";
  const { min, max } = readiness.scale;
  const isNarrow = useIsNarrow();

  const option = useMemo(
    () => ({
      animation: false,
      color: [COLORS.observed, COLORS.target, COLORS.current],
      legend: { bottom: 0, textStyle: { color: "#1a1f29", fontSize: 13 } },
      tooltip: { trigger: "item" },
      radar: {
        indicator: rows.map((r) => ({ name: isNarrow ? shortName(r.name) : r.name, min: Math.min(0, min), max })),
        radius: isNarrow ? "55%" : "62%",
        splitNumber: max - Math.min(0, min),
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
              name: "Observed",
              value: rows.map((r) => r.observed ?? 0),
              areaStyle: { color: "rgba(67, 56, 202, 0.18)" },
              lineStyle: { width: 2.5 },
            },
            {
              name: `Expected at ${targetName}`,
              value: rows.map((r) => r.target),
              lineStyle: { type: "dashed", width: 2 },
            },
            ...(hasCurrent
              ? [
                  {
                    name: `Expected at ${currentName}`,
                    value: rows.map((r) => r.current ?? 0),
                    lineStyle: { type: "dotted", width: 2 },
                  },
                ]
              : []),
          ],
        },
      ],
    }),
    [rows, min, max, targetName, currentName, hasCurrent, isNarrow],
  );
  const { ref, state } = useEChart(option);
  const unknown = rows.filter((r) => r.observed === null).length;
  const atOrAbove = rows.filter((r) => r.observed !== null && r.observed >= r.target).length;
  const summary =
    `Radar chart of ${rows.length} competencies: observed ratings against what ${targetName} expects` +
    (hasCurrent ? ` and what ${currentName} expects` : "") +
    `. Observed reaches the ${targetName} expectation on ${atOrAbove} of ${rows.length}` +
    (unknown > 0 ? `; ${unknown} have no ratings yet and are drawn at 0.` : ".");

  return (
    <figure className="chart-figure">
      <div
        className="chart-figure__frame chart-figure__frame--radar"
        role="img"
        aria-label="Radar chart of observed against expected ratings"
        aria-describedby={`${id}-caption`}
      >
        {/* ECharts owns this element's children, so React renders nothing inside it. */}
        <div ref={ref} className="chart-figure__canvas" />
        {state === "loading" && <p className="chart-figure__placeholder">Drawing the chart…</p>}
        {state === "failed" && (
          <p className="chart-figure__placeholder">The chart could not be drawn; the table below has its numbers.</p>
        )}
      </div>
      <figcaption id={`${id}-caption`} className="chart-figure__caption">
        {summary}
      </figcaption>
      <details className="chart-figure__data">
        <summary>Show the chart’s numbers as a table</summary>
        <div className="table-card">
          <table className="data-table">
            <caption className="visually-hidden">Observed and expected per competency</caption>
            <thead>
              <tr>
                <th scope="col">Competency</th>
                <th scope="col" className="numeric">
                  Observed
                </th>
                <th scope="col" className="numeric">
                  Expected at {targetName}
                </th>
                {hasCurrent && (
                  <th scope="col" className="numeric">
                    Expected at {currentName}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.name}</th>
                  <td className="numeric">{row.observed === null ? "No ratings" : formatNumber(row.observed)}</td>
                  <td className="numeric">{formatNumber(row.target)}</td>
                  {hasCurrent && (
                    <td className="numeric">{row.current === null ? "Does not apply" : formatNumber(row.current)}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
