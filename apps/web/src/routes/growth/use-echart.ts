import type { EChartsCoreOption } from "echarts/core";
import { useEChart as useChart, type EChartOptions } from "../../ui/use-echart.ts";

export type { ChartState } from "../../ui/use-echart.ts";

const GROWTH_CHARTS: EChartOptions = { load: () => import("./echarts-setup.ts"), renderer: "canvas" };

/** The shared chart hook with the radar and line charts of My growth (a chunk of their own). */
export function useEChart(option: EChartsCoreOption) {
  return useChart(option, GROWTH_CHARTS);
}
