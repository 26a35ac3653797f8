import type { TCalibrationDistribution } from "@ascent/contract";
import { useMemo, useState } from "react";
import { useCalibrationDistribution, type CalibrationMeasure } from "../../api/calibration-queries.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { CHART_COLOURS, LazyChart } from "../../ui/lazy-chart.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { BAND_LABELS, BANDS, MEASURE_LABELS } from "./calibration-labels.ts";

type LevelRow = TCalibrationDistribution["levels"][number];

const TEXT_COLOUR = "#1a1f29";
const round1 = (value: number) => Math.round(value * 10) / 10;

/** A histogram per level of the chosen measure, beside the guideline when the session has one. */
export function DistributionSection({
  sessionId,
  levelName,
}: {
  sessionId: string;
  levelName: (levelId: string | null) => string;
}) {
  const [measure, setMeasure] = useState<CalibrationMeasure>("performance");
  const distribution = useCalibrationDistribution(sessionId, measure);
  return (
    <section aria-labelledby="distribution-heading" className="section">
      <h2 id="distribution-heading">Distribution</h2>
      <div className="calibration-measure">
        <FormField label="Measure">
          {(control) => (
            <select
              {...control}
              className="select"
              value={measure}
              onChange={(event) => setMeasure(event.target.value as CalibrationMeasure)}
            >
              <option value="performance">{MEASURE_LABELS.performance}: readiness at their level</option>
              <option value="potential">{MEASURE_LABELS.potential}: readiness for the next level</option>
            </select>
          )}
        </FormField>
      </div>
      {distribution.isPending ? (
        <LoadingState label="Loading the distribution…" />
      ) : distribution.isError ? (
        <ErrorState
          title="The distribution could not be loaded"
          error={distribution.error}
          onRetry={() => void distribution.refetch()}
          isRetrying={distribution.isFetching}
        />
      ) : (
        <div className="distribution">
          {distribution.data.levels.map((row) => (
            <LevelHistogram key={row.levelId ?? "none"} row={row} name={levelName(row.levelId)} />
          ))}
          <DistributionTable levels={distribution.data.levels} levelName={levelName} measure={measure} />
        </div>
      )}
    </section>
  );
}

function LevelHistogram({ row, name }: { row: LevelRow; name: string }) {
  const option = useMemo(
    () => ({
      animation: false,
      color: [CHART_COLOURS.primary, CHART_COLOURS.muted],
      legend: row.expected ? { bottom: 0, textStyle: { color: TEXT_COLOUR } } : undefined,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 8, top: 8, bottom: row.expected ? 32 : 8, containLabel: true },
      xAxis: { type: "category", data: BANDS.map((b) => BAND_LABELS[b]), axisLabel: { color: TEXT_COLOUR } },
      yAxis: { type: "value", minInterval: 1, axisLabel: { color: TEXT_COLOUR } },
      series: [
        {
          name: "People",
          type: "bar",
          barMaxWidth: 36,
          data: BANDS.map((b) => row.counts[b]),
          label: { show: true, position: "top", color: TEXT_COLOUR },
        },
        ...(row.expected
          ? [{ name: "Guideline", type: "bar", barMaxWidth: 36, data: BANDS.map((b) => round1(row.expected![b])) }]
          : []),
      ],
    }),
    [row],
  );
  return (
    <figure className="card distribution__level">
      <figcaption>
        {name} · {row.total === 1 ? "1 person" : `${row.total} people`}
      </figcaption>
      <LazyChart option={option} height="12rem" />
    </figure>
  );
}

function DistributionTable({
  levels,
  levelName,
  measure,
}: {
  levels: LevelRow[];
  levelName: (levelId: string | null) => string;
  measure: CalibrationMeasure;
}) {
  const hasGuideline = levels.some((row) => row.expected);
  return (
    <div className="table-card table-scroll distribution__table">
      <table className="data-table">
        <caption className="visually-hidden">
          {MEASURE_LABELS[measure]} bands per level{hasGuideline ? ", with the guideline in brackets" : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Level</th>
            {BANDS.map((band) => (
              <th scope="col" key={band} className="numeric">
                {BAND_LABELS[band]}
              </th>
            ))}
            <th scope="col" className="numeric">
              People
            </th>
          </tr>
        </thead>
        <tbody>
          {levels.map((row) => (
            <tr key={row.levelId ?? "none"}>
              <th scope="row">{levelName(row.levelId)}</th>
              {BANDS.map((band) => (
                <td key={band} className="numeric" data-label={BAND_LABELS[band]}>
                  {row.counts[band]}
                  {row.expected && ` (guideline ${round1(row.expected[band])})`}
                </td>
              ))}
              <td className="numeric" data-label="People">
                {row.total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
