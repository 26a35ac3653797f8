import type { TImportPreview } from "@ascent/contract";
import type { Ref } from "react";
import { Badge } from "../../ui/badge.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

const FORMAT_NAMES: Record<TImportPreview["format"], string> = {
  yaml: "YAML",
  json: "JSON",
  csv: "CSV",
  xlsx: "XLSX",
};

export interface ImportPreviewProps {
  ref: Ref<HTMLElement>;
  preview: TImportPreview;
  fileName: string;
  onCreate: () => void;
  isCreating: boolean;
}

/** What the importer recognised, so the admin can check it before anything is written. */
export function ImportPreview({ ref, preview, fileName, onCreate, isCreating }: ImportPreviewProps) {
  const { framework, levels, competencies, emptyCells, warnings } = preview;
  const isSpreadsheet = preview.format === "csv" || preview.format === "xlsx";
  // Empty cells name their level and competency by id; show the names the sheet used.
  const levelName = new Map(levels.map((level) => [level.id, level.name]));
  const competencyName = new Map(competencies.map((competency) => [competency.id, competency.name]));
  return (
    <section ref={ref} tabIndex={-1} className="section import-preview" aria-labelledby="preview-heading">
      <div className="section__header">
        <h2 id="preview-heading">Preview of {fileName}</h2>
        <Badge tone="neutral">{FORMAT_NAMES[preview.format]}</Badge>
        {preview.sheetName && <Badge tone="neutral">Sheet “{preview.sheetName}”</Badge>}
      </div>
      <p className="section__lead">
        This would create the draft framework <strong>{framework.name}</strong> (<code>{framework.slug}</code>) with{" "}
        {levels.length} levels and {competencies.length} competencies.
        {isSpreadsheet &&
          " Expected proficiency rises with each level and every weight starts at 1; you can change both in the draft."}
      </p>

      <dl className="fact-list">
        <div>
          <dt>Levels</dt>
          <dd>{levels.length}</dd>
        </div>
        <div>
          <dt>Competencies</dt>
          <dd>{competencies.length}</dd>
        </div>
        <div>
          <dt>Empty cells</dt>
          <dd>{emptyCells.length}</dd>
        </div>
        <div>
          <dt>Warnings</dt>
          <dd>{warnings.length}</dd>
        </div>
      </dl>

      <div className="preview-grid">
        <div className="card">
          <h3 className="card__title">Levels recognised</h3>
          {levels.length === 0 ? (
            <p className="muted">No levels were found.</p>
          ) : (
            <ol className="level-chain">
              {[...levels]
                .sort((a, b) => a.rank - b.rank)
                .map((level) => (
                  <li key={level.id}>
                    <span className="rank" aria-hidden="true">
                      {level.rank}
                    </span>
                    {level.name}
                  </li>
                ))}
            </ol>
          )}
        </div>
        <div className="card">
          <h3 className="card__title">Warnings</h3>
          {warnings.length === 0 ? (
            <p className="muted">None: the file reads cleanly.</p>
          ) : (
            <ul className="problem-list problem-list--warning">
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
        </div>
      </div>

      <h3 className="subsection-title">Competencies recognised</h3>
      {competencies.length === 0 ? (
        <p className="empty-note">No competencies were found.</p>
      ) : (
        <div className="table-card">
          <table className="data-table">
            <caption className="visually-hidden">Competencies recognised ({competencies.length})</caption>
            <thead>
              <tr>
                <th scope="col">Competency</th>
                <th scope="col">Area</th>
                <th scope="col">
                  Id<VisuallyHidden> used in links and exports</VisuallyHidden>
                </th>
              </tr>
            </thead>
            <tbody>
              {competencies.map((competency) => (
                <tr key={competency.id}>
                  <th scope="row">{competency.name}</th>
                  <td data-label="Area">{competency.area || <span className="muted">None</span>}</td>
                  <td data-label="Id">
                    <code>{competency.id}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 className="subsection-title">Empty cells</h3>
      {emptyCells.length === 0 ? (
        <p className="empty-note">Every level has a description for every competency.</p>
      ) : (
        <div className="table-card">
          <table className="data-table">
            <caption className="visually-hidden">Empty cells ({emptyCells.length})</caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Level</th>
                <th scope="col">Competency</th>
              </tr>
            </thead>
            <tbody>
              {emptyCells.map((cell) => (
                <tr key={`${cell.row}-${cell.column}`}>
                  <th scope="row">
                    Row {cell.row}, column {cell.column}
                  </th>
                  <td data-label="Level">{levelName.get(cell.level) ?? cell.level}</td>
                  <td data-label="Competency">{competencyName.get(cell.competency) ?? cell.competency}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="callout import-preview__commit">
        <p>
          Creating the draft saves nothing else: you can still edit every level, competency and expectation, then
          publish it as version 1.
        </p>
        <button type="button" className="button" onClick={onCreate} disabled={isCreating}>
          {isCreating ? "Creating the draft…" : "Create draft"}
        </button>
      </div>
    </section>
  );
}
