import type { TFramework } from "@ascent/contract";
import { Link } from "react-router";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { PositionMark, type LadderPosition } from "./you-are-here.tsx";
import {
  applies,
  competenciesByArea,
  expectationOf,
  levelsByRank,
  type Competency,
  type Level,
} from "./ladder-model.ts";

export interface MatrixCell {
  level: Level;
  competency: Competency;
}

/** The id of a cell's button, so focus can be put back on it. */
export function cellId(levelId: string, competencyId: string): string {
  return `cell-${levelId}-${competencyId}`;
}

/**
 * Levels as columns (by rank), competencies as rows grouped by area. Each cell is a button with
 * the expected proficiency that opens its descriptor.
 */
export function LadderMatrix({
  framework,
  onOpen,
  position = null,
}: {
  framework: TFramework;
  onOpen: (cell: MatrixCell) => void;
  /** The signed-in person's level and next level, marked in the header. */
  position?: LadderPosition | null;
}) {
  const levels = levelsByRank(framework);
  const areas = competenciesByArea(framework);
  return (
    <div className="matrix-scroll">
      <p className="matrix__note">
        Expected proficiency ({framework.scale.min}–{framework.scale.max}) for each competency at each level. Choose a
        number to read what it looks like in practice.
      </p>
      <table className="matrix">
        <caption className="visually-hidden">Expected proficiency by competency and level</caption>
        <thead>
          <tr>
            <th scope="col" className="matrix__corner">
              Competency
            </th>
            {levels.map((level) => (
              <th key={level.id} scope="col" className="matrix__level">
                <span className="matrix__rank" aria-hidden="true">
                  {level.rank}
                </span>
                <Link to={`/ladder/levels/${encodeURIComponent(level.id)}`}>{level.name}</Link>
                <PositionMark levelId={level.id} position={position} />
              </th>
            ))}
          </tr>
        </thead>
        {areas.map(({ area, competencies }) => (
          <tbody key={area}>
            <tr className="matrix__area">
              <th scope="rowgroup" colSpan={levels.length + 1}>
                {area}
              </th>
            </tr>
            {competencies.map((competency) => (
              <tr key={competency.id}>
                <th scope="row" className="matrix__competency">
                  {competency.name}
                </th>
                {levels.map((level) => {
                  const expectation = expectationOf(framework, level.id, competency.id);
                  if (!expectation) {
                    return (
                      <td key={level.id} className="matrix__empty">
                        <span aria-hidden="true">–</span>
                        <VisuallyHidden>Not set</VisuallyHidden>
                      </td>
                    );
                  }
                  const doesApply = applies(expectation);
                  const classes = [
                    "matrix-cell",
                    `matrix-cell--${Math.round(expectation.expected)}`,
                    expectation.interpolated ? "is-interpolated" : "",
                    doesApply ? "" : "is-not-applicable",
                  ];
                  return (
                    <td key={level.id}>
                      <button
                        type="button"
                        id={cellId(level.id, competency.id)}
                        className={classes.filter(Boolean).join(" ")}
                        onClick={() => onOpen({ level, competency })}
                      >
                        <span className="matrix-cell__value">{expectation.expected}</span>
                        {expectation.interpolated && (
                          <span className="matrix-cell__mark" aria-hidden="true">
                            ◆
                          </span>
                        )}
                        <VisuallyHidden>
                          {" "}
                          of {framework.scale.max}: {competency.name} at {level.name}
                          {expectation.interpolated ? ", interpolated" : ""}
                          {doesApply ? "" : ", does not apply at this level"}
                        </VisuallyHidden>
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
