import type { ReactNode } from "react";
import { formatNumber, formatSigned } from "../growth/readiness-math.ts";
import "./heatmap.css";

/**
 * Observed − expected, binned onto a diverging orange–purple scale (colour-blind safe: it does not
 * rely on telling red from green). Every cell also prints its value, so colour is never the only cue.
 */
const BINS = [
  { className: "heat--below-3", label: "1.5 or more below" },
  { className: "heat--below-2", label: "0.75 to 1.5 below" },
  { className: "heat--below-1", label: "0.25 to 0.75 below" },
  { className: "heat--even", label: "Within 0.25 of expected" },
  { className: "heat--above-1", label: "0.25 to 0.75 above" },
  { className: "heat--above-2", label: "0.75 to 1.5 above" },
  { className: "heat--above-3", label: "1.5 or more above" },
] as const;

const EPSILON = 1e-9;

export function heatClass(delta: number): string {
  if (delta <= -1.5 + EPSILON) return "heat--below-3";
  if (delta <= -0.75 + EPSILON) return "heat--below-2";
  if (delta < -0.25 - EPSILON) return "heat--below-1";
  if (delta <= 0.25 + EPSILON) return "heat--even";
  if (delta < 0.75 - EPSILON) return "heat--above-1";
  if (delta < 1.5 - EPSILON) return "heat--above-2";
  return "heat--above-3";
}

export type HeatCell =
  | { kind: "value"; delta: number; observed: number; expected: number; note?: string }
  | { kind: "unknown"; expected: number | null; note?: string }
  | { kind: "not-applicable" }
  | { kind: "hidden"; reason: string };

export interface HeatRow {
  key: string;
  header: ReactNode;
  cells: Record<string, HeatCell>;
}

function Cell({ cell }: { cell: HeatCell | undefined }) {
  if (!cell || cell.kind === "not-applicable") {
    return (
      <td className="heat heat--na">
        <span aria-hidden="true">n/a</span>
        <span className="visually-hidden">Does not apply at this level</span>
      </td>
    );
  }
  if (cell.kind === "hidden") {
    return (
      <td className="heat heat--hidden">
        <span className="heat__hidden">Hidden</span>
        <span className="heat__note">{cell.reason}</span>
      </td>
    );
  }
  if (cell.kind === "unknown") {
    return (
      <td className="heat heat--unknown">
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">
          No ratings yet{cell.expected === null ? "" : `; expected ${formatNumber(cell.expected)}`}
        </span>
      </td>
    );
  }
  return (
    <td className={`heat ${heatClass(cell.delta)}`}>
      <span className="heat__value">{formatSigned(cell.delta)}</span>
      <span className="visually-hidden">
        {" "}
        (observed {formatNumber(cell.observed)}, expected {formatNumber(cell.expected)}
        {cell.note ? `; ${cell.note}` : ""})
      </span>
    </td>
  );
}

export function HeatmapLegend() {
  return (
    <div className="heat-legend">
      <p className="heat-legend__title">Observed minus expected</p>
      <ul className="heat-legend__list">
        {BINS.map((bin) => (
          <li key={bin.className}>
            <span className={`heat-legend__swatch ${bin.className}`} aria-hidden="true" />
            {bin.label}
          </li>
        ))}
        <li>
          <span className="heat-legend__swatch heat--unknown" aria-hidden="true">
            ?
          </span>
          No ratings yet
        </li>
        <li>
          <span className="heat-legend__swatch heat--na" aria-hidden="true" />
          Does not apply at that level
        </li>
      </ul>
    </div>
  );
}

/** People (or groups) × competencies; the table itself is the accessible version of the picture. */
export function Heatmap({
  caption,
  rowHeading,
  competencies,
  rows,
}: {
  caption: string;
  rowHeading: string;
  competencies: { id: string; name: string }[];
  rows: HeatRow[];
}) {
  return (
    <div className="table-card heatmap-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="heatmap">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap__corner">
              {rowHeading}
            </th>
            {competencies.map((c) => (
              <th key={c.id} scope="col" className="heatmap__col">
                <span>{c.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="heatmap__row">
                {row.header}
              </th>
              {competencies.map((c) => (
                <Cell key={c.id} cell={row.cells[c.id]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
