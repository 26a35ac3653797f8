import type { TCalibrationPerson } from "@ascent/contract";
import { boxLabel, isSameBox, percent, raterEffectText, VERDICT_LABELS } from "./calibration-labels.ts";

interface PeopleTableProps {
  people: TCalibrationPerson[];
  levelName: (levelId: string | null) => string;
  personName: (id: string | null) => string;
  onShowRatings: (person: TCalibrationPerson) => void;
}

/** Everyone in scope with their readiness, box and their manager's rater effect; ratings open below. */
export function PeopleTable({ people, levelName, personName, onShowRatings }: PeopleTableProps) {
  return (
    <div className="table-card table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">People in the session’s scope</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Manager</th>
            <th scope="col">Manager’s rater effect</th>
            <th scope="col">Performance</th>
            <th scope="col">Potential</th>
            <th scope="col">Box</th>
            <th scope="col">
              <span className="visually-hidden">Ratings</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.personId}>
              <th scope="row" data-label="Person">
                {person.name}
                <span className="cell-note">{[person.title, person.team].filter(Boolean).join(" · ")}</span>
              </th>
              <td data-label="Manager">{person.managerId ? personName(person.managerId) : "—"}</td>
              <td data-label="Manager’s rater effect">{raterEffectText(person.managerRaterEffect)}</td>
              <td data-label="Performance">
                {percent(person.performance.score)} · {VERDICT_LABELS[person.performance.verdict]}
                <span className="cell-note">at {levelName(person.performance.targetLevelId)}</span>
              </td>
              <td data-label="Potential">
                {percent(person.potential.score)} · {VERDICT_LABELS[person.potential.verdict]}
                <span className="cell-note">for {levelName(person.potential.targetLevelId)}</span>
              </td>
              <td data-label="Box">
                {boxLabel(person.box)}
                {!isSameBox(person.box, person.proposedBox) && (
                  <span className="cell-note">
                    Moved from {boxLabel(person.proposedBox).toLowerCase()}: {person.boxReason}
                  </span>
                )}
              </td>
              <td>
                <button type="button" className="button button--secondary" onClick={() => onShowRatings(person)}>
                  Ratings<span className="visually-hidden"> of {person.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
