import type { TGoalTimelineEntry, TReadinessHistory } from "@ascent/contract";
import { useId, useMemo } from "react";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { formatPercent, VERDICT_LABELS } from "./readiness-math.ts";
import { useEChart } from "./use-echart.ts";

const GOAL_EVENT_LABELS = {
  "goal-created": "Goal set",
  "check-in": "Goal check-in",
  "goal-achieved": "Goal achieved",
} as const;

type TimelineEvent =
  | { kind: "readiness"; at: string; score: number; verdict: keyof typeof VERDICT_LABELS }
  | { kind: "goal"; at: string; entry: TGoalTimelineEntry };

function ScoreChart({ history, summary }: { history: TReadinessHistory; summary: string }) {
  const id = useId();
  const option = useMemo(
    () => ({
      animation: false,
      color: ["#4338ca"],
      grid: { left: 48, right: 24, top: 24, bottom: 40 },
      tooltip: { trigger: "axis", valueFormatter: (value: number) => `${value}%` },
      xAxis: { type: "time", axisLabel: { color: "#404a57" }, axisLine: { lineStyle: { color: "#8a94a3" } } },
      yAxis: {
        type: "value",
        min: 0,
        max: 100,
        axisLabel: { color: "#404a57", formatter: "{value}%" },
        splitLine: { lineStyle: { color: "#eef0f3" } },
      },
      series: [
        {
          type: "line",
          name: "Score",
          symbolSize: 8,
          lineStyle: { width: 2.5 },
          data: history.points.map((p) => [p.at, Math.floor(p.score * 1000) / 10]),
        },
      ],
    }),
    [history],
  );
  const { ref, state } = useEChart(option);
  return (
    <figure className="chart-figure">
      <div
        className="chart-figure__frame chart-figure__frame--line"
        role="img"
        aria-label="Line chart of the readiness score over time"
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
        {summary}
      </figcaption>
    </figure>
  );
}

/**
 * How readiness for the next level moved each time an assessment or a feedback release counted,
 * with development goals on the same dates; the list under the chart is its text version.
 */
export function ReadinessTimeline({
  history,
  goalEntries,
}: {
  history: TReadinessHistory;
  goalEntries: TGoalTimelineEntry[];
}) {
  const events: TimelineEvent[] = [
    ...history.points.map((p) => ({ kind: "readiness" as const, at: p.at, score: p.score, verdict: p.verdict })),
    ...goalEntries.map((entry) => ({ kind: "goal" as const, at: entry.at, entry })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  if (events.length === 0) {
    return (
      <div className="empty-state">
        <p>
          Nothing on the timeline yet. Each submitted assessment and each feedback release adds a point here, so you can
          see readiness move over time.
        </p>
      </div>
    );
  }

  const first = history.points[0];
  const last = history.points.at(-1);
  const summary =
    first && last
      ? `Readiness for ${history.targetLevel.name} over ${history.points.length} ${history.points.length === 1 ? "point" : "points"}: from ${formatPercent(first.score)} to ${formatPercent(last.score)} (${VERDICT_LABELS[last.verdict].toLowerCase()}).`
      : "";

  return (
    <>
      {history.points.length > 0 && <ScoreChart history={history} summary={summary} />}
      <ol className="timeline" aria-label="Timeline, newest first">
        {events.map((event, index) => (
          <li key={`${event.kind}-${event.at}-${index}`} className={`timeline__item timeline__item--${event.kind}`}>
            <span className="timeline__date">
              <FormattedDate iso={event.at} />
            </span>
            {event.kind === "readiness" ? (
              <span>
                Readiness {formatPercent(event.score)}: <strong>{VERDICT_LABELS[event.verdict].toLowerCase()}</strong>
              </span>
            ) : (
              <span>
                {GOAL_EVENT_LABELS[event.entry.kind]}: {event.entry.title}
                {event.entry.progress !== null && ` (${event.entry.progress}% along)`}
              </span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
