import type { TCompetencyReadiness, TGroupSummary, TPersonReadiness } from "@ascent/contract";
import { Link } from "react-router";
import { FormattedDay } from "../../ui/formatted-day.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import {
  FLAG_EXPLANATIONS,
  FLAG_LABELS,
  formatNumber,
  formatGap,
  observedFormula,
  RELATION_LABELS,
  RELATIONS,
  STATUS_LABELS,
} from "./readiness-math.ts";

function GroupCell({ group, label }: { group: TGroupSummary; label: string }) {
  if (group === null) {
    return (
      <td data-label={label} className="numeric">
        <span aria-hidden="true" className="muted">
          —
        </span>
        <VisuallyHidden>No ratings</VisuallyHidden>
      </td>
    );
  }
  if ("hidden" in group) {
    return (
      <td data-label={label} className="numeric">
        <span className="group-hidden">Hidden</span>
        <span className="cell-note">{group.reason}</span>
      </td>
    );
  }
  return (
    <td data-label={label} className="numeric">
      <span className="group-mean">{formatNumber(group.mean)}</span>
      <span className="cell-note">
        {group.count} {group.count === 1 ? "rater" : "raters"}
      </span>
    </td>
  );
}

/**
 * Released peer and upward comments, as plain text: React renders HTML or script in them inert. They
 * come in an order that depends on their text alone, with no name, date or position to tie one to a writer.
 */
function ReleasedComments({ competency }: { competency: TCompetencyReadiness }) {
  const parts = (["peer", "upward"] as const).flatMap((relation) => {
    const comments = competency.comments[relation];
    return comments === null ? [] : [{ relation, comments }];
  });
  if (parts.length === 0) return null;
  return (
    <div className="released-comments">
      {parts.map(({ relation, comments }) =>
        "hidden" in comments ? (
          <p key={relation} className="cell-note">
            {RELATION_LABELS[relation]} comments hidden: {comments.reason}.
          </p>
        ) : comments.texts.length === 0 ? null : (
          <details key={relation} className="evidence-behind">
            <summary>
              {comments.texts.length} {relation === "peer" ? "peer" : "upward"}{" "}
              {comments.texts.length === 1 ? "comment" : "comments"}, unsigned
            </summary>
            <ul>
              {comments.texts.map((text, index) => (
                <li key={index} className="released-comment">
                  {text}
                </li>
              ))}
            </ul>
          </details>
        ),
      )}
    </div>
  );
}

function StatusPill({ status }: { status: TCompetencyReadiness["status"] }) {
  return <span className={`status-pill status-pill--${status}`}>{STATUS_LABELS[status]}</span>;
}

export function ExplanationTable({
  readiness,
  evidenceHref,
}: {
  readiness: TPersonReadiness;
  /** Where an evidence entry's title links to; null shows titles as text. */
  evidenceHref: string | null;
}) {
  const { weights, k } = readiness.settings;
  return (
    <div className="table-card table-scroll" role="region" aria-label="Explanation, per competency" tabIndex={0}>
      <table className="data-table explanation-table">
        <caption className="visually-hidden">
          Per competency: weight, expected value at {readiness.targetLevel.name}, each group’s mean and number of
          raters, observed value, gap, status and flags
        </caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            <th scope="col" className="numeric">
              Weight
            </th>
            <th scope="col" className="numeric">
              Expected
            </th>
            {RELATIONS.map((relation) => (
              <th key={relation} scope="col" className="numeric">
                {RELATION_LABELS[relation]}
                <span className="th-note">× {formatNumber(weights[relation])}</span>
              </th>
            ))}
            <th scope="col" className="numeric">
              Observed
            </th>
            <th scope="col" className="numeric">
              Gap
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {readiness.competencies.map((competency) => {
            const formula = observedFormula(competency, weights);
            return (
              <tr key={competency.competencyId}>
                <th scope="row" data-label="Competency">
                  <span className="cell-title">{competency.name}</span>
                  {competency.flags.length > 0 && (
                    <ul className="flag-list">
                      {competency.flags.map((flag) => (
                        <li key={flag} className="flag">
                          <span className="flag__label">{FLAG_LABELS[flag]}</span>
                          <span className="cell-note">{FLAG_EXPLANATIONS[flag]}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  <ReleasedComments competency={competency} />
                  {competency.evidence.length > 0 && (
                    <details className="evidence-behind">
                      <summary>
                        {competency.evidence.length} evidence {competency.evidence.length === 1 ? "entry" : "entries"}
                      </summary>
                      <ul>
                        {competency.evidence.map((entry) => (
                          <li key={entry.id}>
                            {evidenceHref ? (
                              <Link to={`${evidenceHref}#evidence-${entry.id}`}>{entry.title}</Link>
                            ) : (
                              <span>{entry.title}</span>
                            )}{" "}
                            <span className="cell-note cell-note--inline">
                              <FormattedDay day={entry.date} />
                            </span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </th>
                <td data-label="Weight" className="numeric">
                  {formatNumber(competency.weight)}
                </td>
                <td data-label="Expected" className="numeric">
                  {formatNumber(competency.expected)}
                </td>
                {RELATIONS.map((relation) => (
                  <GroupCell
                    key={relation}
                    group={competency.groups[relation]}
                    label={`${RELATION_LABELS[relation]} (× ${formatNumber(weights[relation])})`}
                  />
                ))}
                <td data-label="Observed" className="numeric">
                  {competency.observed === null ? (
                    <span className="muted">Unknown</span>
                  ) : (
                    <span className="observed-value">{formatNumber(competency.observed)}</span>
                  )}
                  {formula && <span className="cell-note formula">{formula}</span>}
                </td>
                <td data-label="Gap" className="numeric">
                  {competency.gap === null ? <span className="muted">—</span> : formatGap(competency.gap)}
                </td>
                <td data-label="Status">
                  <StatusPill status={competency.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="table-footnote">
        Peers and upward count only from one release (a closed request or cycle) with at least {k} raters, or the k in
        force when it was released if that was higher; below that the group and its comments are hidden and left out.
        Comments are shown without names or dates, in an order that says nothing about who wrote them.
      </p>
    </div>
  );
}
