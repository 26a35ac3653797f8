import type { TInvitationStatus, TPersonSummary } from "@ascent/contract";
import { Link } from "react-router";
import { Badge } from "../../ui/badge.tsx";
import { formatDate } from "../../ui/formatted-date.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

export interface RowActions {
  onEdit: (person: TPersonSummary) => void;
  onDeactivate: (person: TPersonSummary) => void;
  onReactivate: (person: TPersonSummary) => void;
  /** The person whose reactivation is running, if any. */
  reactivatingId: string | null;
}

/** Where a person stands with signing up: the admins' column. */
function SignUpCell({ status }: { status: TInvitationStatus | undefined }) {
  if (!status) return <span className="muted">…</span>;
  switch (status.state) {
    case "accepted":
      return (
        <>
          <Badge tone="success">Signed up</Badge>
          {status.acceptedAt && <span className="cell-note">{formatDate(status.acceptedAt)}</span>}
        </>
      );
    case "invited":
      return (
        <>
          <Badge tone="accent">Invited</Badge>
          {status.expiresAt && <span className="cell-note">until {formatDate(status.expiresAt)}</span>}
        </>
      );
    case "expired":
      return <Badge tone="warning">Invitation expired</Badge>;
    case "not_invited":
      return <Badge tone="neutral">Not invited</Badge>;
  }
}

function Missing({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true" className="muted">
        —
      </span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </>
  );
}

export function PeopleTable({
  people,
  caption,
  managerNames,
  unknownManager,
  actions,
  invitations,
}: {
  people: TPersonSummary[];
  caption: string;
  /** Names for the manager ids on this page. */
  managerNames: ReadonlyMap<string, string>;
  /** What a manager id without a name (yet) shows. */
  unknownManager: string;
  /** Present for admins. */
  actions?: RowActions;
  /** Each person's sign-up state, by id; present for admins. */
  invitations?: ReadonlyMap<string, TInvitationStatus>;
}) {
  return (
    <div className="table-card table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Company title</th>
            <th scope="col">Ladder level</th>
            <th scope="col">Team</th>
            <th scope="col">Manager</th>
            {invitations && <th scope="col">Sign-up</th>}
            {actions && (
              <th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                <span className="cell-title">
                  <Link to={`/people/${person.id}`} className="strong-link">
                    {person.name}
                  </Link>
                  {person.status === "inactive" && <Badge tone="neutral">Inactive</Badge>}
                </span>
                <span className="cell-note">{person.email}</span>
              </th>
              <td data-label="Title">{person.title || <Missing label="No title" />}</td>
              <td data-label="Level">{person.level ? person.level.name : <Badge tone="warning">Not placed</Badge>}</td>
              <td data-label="Team">{person.team || <Missing label="No team" />}</td>
              <td data-label="Manager">
                {person.managerId ? (
                  (managerNames.get(person.managerId) ?? <span className="muted">{unknownManager}</span>)
                ) : (
                  <Missing label="No manager" />
                )}
              </td>
              {invitations && (
                <td data-label="Sign-up" className="sign-up-cell">
                  <SignUpCell status={invitations.get(person.id)} />
                </td>
              )}
              {actions && (
                <td data-label="Actions" className="row-actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={`Edit ${person.name}`}
                    onClick={() => actions.onEdit(person)}
                  >
                    Edit
                  </button>
                  {person.status === "active" ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={`Deactivate ${person.name}`}
                      onClick={() => actions.onDeactivate(person)}
                    >
                      Deactivate
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={`Reactivate ${person.name}`}
                      disabled={actions.reactivatingId === person.id}
                      onClick={() => actions.onReactivate(person)}
                    >
                      {actions.reactivatingId === person.id ? "Reactivating…" : "Reactivate"}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
