import type { TCalibrationPerson } from "@ascent/contract";
import { useEffect, useRef } from "react";
import { correctedRating, groupText, oneDecimal, raterEffectText } from "./calibration-labels.ts";
import type { RatingToAdjust } from "./adjust-rating-dialog.tsx";

interface PersonRatingsProps {
  person: TCalibrationPerson;
  competencyName: (id: string) => string;
  isFrozen: boolean;
  onAdjust: (rating: RatingToAdjust) => void;
}

/**
 * One person's ratings per competency: the manager's raw rating beside the one corrected for the
 * manager's leniency and the calibrated one, their own, and the released peer and upward aggregates
 * (a mean and a count over at least k raters, never an answer).
 */
export function PersonRatings({ person, competencyName, isFrozen, onAdjust }: PersonRatingsProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [person.personId]);
  const effect = person.managerRaterEffect;
  return (
    <section aria-labelledby="ratings-heading" className="section">
      <h3 id="ratings-heading" ref={headingRef} tabIndex={-1}>
        Ratings of {person.name}
      </h3>
      <p className="muted">Manager’s rater effect: {raterEffectText(effect)}.</p>
      <div className="table-card table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Ratings of {person.name} per competency</caption>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col" className="numeric">
                Manager
              </th>
              <th scope="col" className="numeric">
                Corrected
              </th>
              <th scope="col" className="numeric">
                Calibrated
              </th>
              <th scope="col" className="numeric">
                Self
              </th>
              <th scope="col" className="numeric">
                Peers (n)
              </th>
              <th scope="col" className="numeric">
                Upward (n)
              </th>
              {!isFrozen && (
                <th scope="col">
                  <span className="visually-hidden">Adjust</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {person.competencies.map((c) => {
              const name = competencyName(c.competencyId);
              return (
                <tr key={c.competencyId}>
                  <th scope="row" data-label="Competency">
                    {name}
                  </th>
                  <td className="numeric" data-label="Manager">
                    {c.managerRating ?? "—"}
                  </td>
                  <td className="numeric" data-label="Corrected">
                    {oneDecimal(correctedRating(c.managerRating, effect))}
                  </td>
                  <td className="numeric" data-label="Calibrated">
                    {c.calibratedRating ?? "—"}
                  </td>
                  <td className="numeric" data-label="Self">
                    {c.selfRating ?? "—"}
                  </td>
                  <td className="numeric" data-label="Peers (n)">
                    {groupText(c.peer)}
                  </td>
                  <td className="numeric" data-label="Upward (n)">
                    {groupText(c.upward)}
                  </td>
                  {!isFrozen && (
                    <td>
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() =>
                          onAdjust({
                            subjectId: person.personId,
                            subjectName: person.name,
                            competencyId: c.competencyId,
                            competencyName: name,
                            current: c.calibratedRating,
                          })
                        }
                      >
                        Adjust<span className="visually-hidden"> {name}</span>
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
