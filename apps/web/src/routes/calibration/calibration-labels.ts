import type { TCalibrationAdjustment, TCalibrationPerson } from "@ascent/contract";

export type Band = "low" | "medium" | "high";
export interface Box {
  performance: Band;
  potential: Band;
}

export const BANDS: readonly Band[] = ["low", "medium", "high"];
export const BAND_LABELS: Record<Band, string> = { low: "Low", medium: "Medium", high: "High" };

export const MEASURE_LABELS = { performance: "Performance", potential: "Potential" } as const;

/** "High performance, medium potential": how a box is named in headings, menus and the log. */
export function boxLabel(box: Box): string {
  return `${BAND_LABELS[box.performance]} performance, ${BAND_LABELS[box.potential].toLowerCase()} potential`;
}

export const isSameBox = (a: Box, b: Box) => a.performance === b.performance && a.potential === b.potential;

/** The box an arrow key points to from `box`, or null at the grid's edge (right = more performance, up = more potential). */
export function neighbourBox(box: Box, key: string): Box | null {
  const step = (band: Band, by: number): Band | null => BANDS[BANDS.indexOf(band) + by] ?? null;
  const moves: Record<string, () => Box | null> = {
    ArrowRight: () => withBand(box, "performance", step(box.performance, 1)),
    ArrowLeft: () => withBand(box, "performance", step(box.performance, -1)),
    ArrowUp: () => withBand(box, "potential", step(box.potential, 1)),
    ArrowDown: () => withBand(box, "potential", step(box.potential, -1)),
  };
  return moves[key]?.() ?? null;
}

function withBand(box: Box, axis: keyof Box, band: Band | null): Box | null {
  return band ? { ...box, [axis]: band } : null;
}

export const percent = (score: number) => `${Math.round(score * 100)}%`;

export const VERDICT_LABELS: Record<TCalibrationPerson["performance"]["verdict"], string> = {
  ready: "ready",
  almost: "almost",
  "not-yet": "not yet",
};

const signed = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(2)}`;

/** "+0.42 ± 0.10 over 30 ratings", or why there is no figure to trust. */
export function raterEffectText(effect: TCalibrationPerson["managerRaterEffect"]): string {
  if (!effect) return "Not estimated yet";
  if (!effect.identifiable) return `Not identifiable: ${effect.ratings} ratings, no overlap with other raters`;
  return `${signed(effect.offset)} ± ${effect.standardError.toFixed(2)} over ${effect.ratings} ratings`;
}

/**
 * The manager's rating less their estimated leniency, when the estimate is identifiable; a
 * lenient manager's 4 reads as 3.6 when their offset is +0.4.
 */
export function correctedRating(
  rating: number | null,
  effect: TCalibrationPerson["managerRaterEffect"],
): number | null {
  if (rating === null || !effect?.identifiable) return null;
  return rating - effect.offset;
}

export const oneDecimal = (value: number | null) => (value === null ? "—" : value.toFixed(1));

type Group = TCalibrationPerson["competencies"][number]["peer"];

/** A released aggregate: its mean and how many answered, or why it is hidden. Never one answer. */
export function groupText(group: Group): string {
  if (!group) return "—";
  if ("hidden" in group) return "Hidden";
  return `${group.mean.toFixed(1)} (${group.count})`;
}

/** "3 → 4" or "Low performance, low potential → Medium performance, low potential". */
export function changeText(adjustment: Pick<TCalibrationAdjustment, "from" | "to">): string {
  const show = (value: TCalibrationAdjustment["from"]) =>
    value === null ? "not rated" : typeof value === "number" ? String(value) : boxLabel(value);
  return `${show(adjustment.from)} → ${show(adjustment.to)}`;
}
