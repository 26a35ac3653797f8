import JSZip from "jszip";
import Papa from "papaparse";
import type { PersonalDataExport, PersonalDataRow } from "@ascent/core";
import { presentPersonReadiness } from "./readiness.ts";

/** A cell for a spreadsheet: dates as ISO text, nested values as JSON. */
function cell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

function toCsv(rows: PersonalDataRow[]): string {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const data = rows.map((row) => fields.map((field) => cell(row[field])));
  // Cells a spreadsheet would run as a formula are quoted, so opening the file is safe.
  return `${Papa.unparse({ fields, data }, { escapeFormulae: true })}\r\n`;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The export as a zip: README.txt, then every kind of data as JSON and CSV, and readiness.json. */
export async function presentPersonalDataArchive(
  data: PersonalDataExport,
): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const zip = new JSZip();
  const date = data.exportedAt;
  const readme = [
    `Ascent data export for ${data.person.name} <${data.person.email}>`,
    `Made ${data.exportedAt.toISOString()}${data.madeByAdmin ? " by an admin on your request" : ""}.`,
    "",
    "Each kind of data comes as NAME.json and NAME.csv. readiness.json holds what peers and reports said",
    "about you only as the aggregates released to you; their individual answers are not yours to export.",
    "",
    ...data.omissions,
  ].join("\n");
  zip.file("README.txt", `${readme}\n`, { date });
  for (const [name, rows] of data.tables) {
    zip.file(`${name}.json`, json(rows), { date });
    zip.file(`${name}.csv`, toCsv(rows), { date });
  }
  zip.file("readiness.json", json(presentPersonReadiness(data.readiness, data.framework)), { date });
  const content = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  return {
    fileName: `ascent-data-${data.person.id}-${date.toISOString().slice(0, 10)}.zip`,
    contentType: "application/zip",
    content,
  };
}
