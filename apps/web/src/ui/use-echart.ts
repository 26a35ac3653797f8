import type { EChartsCoreOption } from "echarts/core";
import { useEffect, useRef, useState, type RefObject } from "react";

export type ChartState = "loading" | "ready" | "failed";

interface ChartHandle {
  setOption: (option: EChartsCoreOption, notMerge?: boolean) => void;
  resize: () => void;
  dispose: () => void;
}

/** A module that registers the chart types a page needs and exports `echarts` (a chunk of its own). */
export interface EChartsModule {
  echarts: { init: (element: HTMLElement, theme: undefined, options: { renderer: "canvas" | "svg" }) => ChartHandle };
}

export interface EChartOptions {
  /** Imports the ECharts build with the chart types needed, e.g. `() => import("./echarts-bars.ts")`. */
  load: () => Promise<EChartsModule>;
  renderer: "canvas" | "svg";
}

/**
 * The one chart hook: loads ECharts on first use, draws the option into the element, redraws when the
 * option changes, keeps the chart sized to its box and disposes of it on unmount.
 */
export function useEChart(
  option: EChartsCoreOption,
  { load, renderer }: EChartOptions,
): { ref: RefObject<HTMLDivElement | null>; state: ChartState } {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartHandle | null>(null);
  const [state, setState] = useState<ChartState>("loading");
  // The loader and renderer are fixed for a chart's life; reading them once keeps the effect from rerunning.
  const setup = useRef({ load, renderer });

  useEffect(() => {
    let isCancelled = false;
    let observer: ResizeObserver | undefined;
    setup.current.load().then(
      ({ echarts }) => {
        const element = ref.current;
        if (isCancelled || !element) return;
        const instance = echarts.init(element, undefined, { renderer: setup.current.renderer });
        chart.current = instance;
        observer = new ResizeObserver(() => instance.resize());
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
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (state === "ready") chart.current?.setOption(option, true);
  }, [option, state]);

  return { ref, state };
}
