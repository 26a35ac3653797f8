import type { EChartsCoreOption } from "echarts/core";
import { useEChart, type EChartOptions } from "./use-echart.ts";

const BAR_CHARTS: EChartOptions = { load: () => import("./echarts-bars.ts"), renderer: "svg" };

export interface LazyChartProps {
  option: EChartsCoreOption;
  /** CSS height of the drawing area. */
  height?: string;
}

/**
 * A bar or line chart drawn by ECharts, which is loaded on first use as a chunk of its own. The
 * drawing is hidden from assistive technology: every caller shows the same numbers as a table or
 * a summary beside it, which is also what remains if the chart cannot load.
 */
export function LazyChart({ option, height = "18rem" }: LazyChartProps) {
  const { ref, state } = useEChart(option, BAR_CHARTS);

  return (
    <div className="lazy-chart" aria-hidden="true">
      {state === "failed" ? (
        <p className="muted">The chart could not be drawn; the table below has the same numbers.</p>
      ) : (
        <div ref={ref} className="lazy-chart__canvas" style={{ height }} />
      )}
    </div>
  );
}

/** Colours for chart series that keep 3:1 contrast against the white page. */
export const CHART_COLOURS = {
  primary: "#4338ca",
  secondary: "#b45309",
  tertiary: "#0f766e",
  muted: "#6b7280",
  highlight: "#b42318",
} as const;
