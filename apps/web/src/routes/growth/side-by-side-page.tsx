import type { TGroupSummary } from "@ascent/contract";
import { Link } from "react-router";
import { useSideBySide } from "../../api/assessment-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { FLAG_EXPLANATIONS, FLAG_LABELS, formatNumber, formatSigned, RELATION_LABELS } from "./readiness-math.ts";
import "./growth.css";

const COLUMNS = ["self", "manager", "peer", "upward"] as const;

function Cell({ group, label }: { group: TGroupSummary; label: string }) {
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

/** Self against manager, peer and upward aggregates, per competency, with the perception flags. */
export function SideBySidePage() {
  useDocumentTitle("Side by side");
  const session = useSignedIn();
  const view = useSideBySide(session.person.id);
  const heading = (
    <PageHeading
      eyebrow={<Breadcrumb trail={[{ to: "/growth", label: "My growth" }]} current="Side by side" />}
      lead={
        <p>
          How your own ratings compare with your manager’s and with your colleagues’ averages. A self-perception gap
          means you rate yourself at least 1 point away from how others see you; raters disagree when the groups are 2
          or more points apart.
        </p>
      }
    >
      Side by side
    </PageHeading>
  );
  if (view.isPending) {
    return (
      <>
        {heading}
        <LoadingState label="Loading your ratings…" />
      </>
    );
  }
  if (view.isError) {
    return (
      <>
        {heading}
        <ErrorState
          title="The comparison could not be loaded"
          error={view.error}
          onRetry={() => void view.refetch()}
          isRetrying={view.isFetching}
        />
      </>
    );
  }
  const rows = view.data.competencies;
  const isEmpty = rows.every((row) => COLUMNS.every((column) => row[column] === null));
  return (
    <>
      {heading}
      {isEmpty ? (
        <div className="empty-state">
          <h2 className="empty-state__title">Nothing to compare yet</h2>
          <p>Once you and others have rated you, each competency shows here with every group’s average.</p>
          <div className="actions">
            <Link to="/growth/self-assessment" className="button">
              Start your self-assessment
            </Link>
            <Link to="/growth/feedback" className="button button--secondary">
              Ask colleagues for feedback
            </Link>
          </div>
        </div>
      ) : (
        <div className="table-card table-scroll" role="region" aria-label="Ratings side by side" tabIndex={0}>
          <table className="data-table explanation-table">
            <caption className="visually-hidden">
              Per competency: your rating, your manager’s, your peers’ and upward averages, the mean of the others and
              the difference from yours
            </caption>
            <thead>
              <tr>
                <th scope="col">Competency</th>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="numeric">
                    {RELATION_LABELS[column]}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  Others’ mean
                </th>
                <th scope="col" className="numeric">
                  Self − others
                </th>
                <th scope="col">Flags</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.competencyId}>
                  <th scope="row" data-label="Competency">
                    <span className="cell-title">{row.name}</span>
                  </th>
                  {COLUMNS.map((column) => (
                    <Cell key={column} group={row[column]} label={RELATION_LABELS[column]} />
                  ))}
                  <td data-label="Others’ mean" className="numeric">
                    {row.othersMean === null ? <span className="muted">—</span> : formatNumber(row.othersMean)}
                  </td>
                  <td data-label="Self − others" className="numeric">
                    {row.selfPerceptionGap === null ? (
                      <span className="muted">—</span>
                    ) : (
                      formatSigned(row.selfPerceptionGap)
                    )}
                  </td>
                  <td data-label="Flags">
                    {row.flags.length === 0 ? (
                      <span className="muted">None</span>
                    ) : (
                      <ul className="flag-list">
                        {row.flags.map((flag) => (
                          <li key={flag} className="flag">
                            <span className="flag__label">{FLAG_LABELS[flag]}</span>
                            <span className="cell-note">{FLAG_EXPLANATIONS[flag]}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="table-footnote">
            Peer and upward averages show only with at least {view.data.k} raters and once a feedback request has
            closed.
          </p>
        </div>
      )}
    </>
  );
}
