import { useEffect, useRef, useState, type RefObject } from "react";
import type { EChartsCoreOption } from "echarts/core";

export type ChartState = "loading" | "ready" | "failed";

/**
 * Draws an ECharts option into the element, loading ECharts on first use (it is a chunk of its
 * own), and keeps the chart sized to its box.
 */
export function useEChart(option: EChartsCoreOption): { ref: RefObject<HTMLDivElement | null>; state: ChartState } {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ChartState>("loading");
  const chartRef = useRef<{
    setOption: (o: EChartsCoreOption, notMerge?: boolean) => void;
    resize: () => void;
    dispose: () => void;
  } | null>(null);

  useEffect(() => {
    let isCancelled = false;
    let observer: ResizeObserver | undefined;
    import("./echarts-setup.ts").then(
      ({ echarts }) => {
        const element = ref.current;
        if (isCancelled || !element) return;
        const chart = echarts.init(element, undefined, { renderer: "canvas" });
        chartRef.current = chart;
        observer = new ResizeObserver(() => chart.resize());
        observer.observe(element);
        setState("ready");
      },
      () => {
        if (!isCancelled) setState("failed");
      },
    );
    return () => {
      isCancelled = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (state === "ready") chartRef.current?.setOption(option, true);
  }, [option, state]);

  return { ref, state };
}
