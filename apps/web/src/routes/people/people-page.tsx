import type { TPersonList, TPersonSummary } from "@ascent/contract";
import { useMemo, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import {
  usePeople,
  usePeopleNames,
  useReactivatePerson,
  useReportingChain,
  useViewer,
  type SignedInViewer,
} from "../../api/people-queries.ts";
import { useInvitationStatuses, useInvitePreview, type InviteSelection } from "../../api/invitation-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { BulkInviteDialog } from "./bulk-invite-dialog.tsx";
import { DeactivatePersonDialog, type DeactivateTarget } from "./deactivate-person-dialog.tsx";
import { Pagination } from "./pagination.tsx";
import { hasFilters, NO_FILTERS, PeopleFilters, type DirectoryFilters } from "./people-filters.tsx";
import { PeopleTable } from "./people-table.tsx";
import { AddPersonDialog, EditPersonDialog } from "./person-form-dialog.tsx";
import "./people.css";

const PAGE_SIZE = 25;
const STATUSES = new Set(["", "active", "inactive"]);

function readFilters(params: URLSearchParams): DirectoryFilters {
  const status = params.get("status") ?? NO_FILTERS.status;
  return {
    search: params.get("q") ?? "",
    team: params.get("team") ?? "",
    levelId: params.get("level") ?? "",
    status: (STATUSES.has(status) ? status : NO_FILTERS.status) as DirectoryFilters["status"],
  };
}

const PARAM_NAMES: Record<keyof DirectoryFilters, string> = {
  search: "q",
  team: "team",
  levelId: "level",
  status: "status",
};

/**
 * Manager names for the rows: people on this page, the managers above the viewer, and, for
 * admins, a lookup of anyone else. A non-admin's rows are all in their own chain, so their
 * managers are on the page, the viewer themself, or above the viewer.
 */
function useManagerNames(people: TPersonSummary[], viewer: SignedInViewer) {
  const chain = useReportingChain(viewer.personId);
  const known = useMemo(() => {
    const names = new Map<string, string>([[viewer.personId, viewer.name]]);
    for (const person of people) names.set(person.id, person.name);
    for (const manager of chain.data?.chain ?? []) names.set(manager.id, manager.name);
    return names;
  }, [people, chain.data, viewer]);
  const missing = viewer.isAdmin
    ? [...new Set(people.flatMap((p) => (p.managerId && !known.has(p.managerId) ? [p.managerId] : [])))]
    : [];
  const fetched = usePeopleNames(missing);
  return useMemo(() => new Map([...known, ...fetched]), [known, fetched]);
}

function OnlyYourself({ viewer }: { viewer: SignedInViewer }) {
  return (
    <section className="empty-state" aria-labelledby="only-you-heading">
      <h2 id="only-you-heading" className="empty-state__title">
        Nobody reports to you yet
      </h2>
      <p>
        You can see yourself and the people who report to you, directly or further down. Nobody is in your reporting
        chain at the moment, so the directory shows only you.
      </p>
      <ul className="check-list">
        <li>
          <Link to={`/people/${viewer.personId}`}>Open your own page</Link> to check your title, level and manager.
        </li>
        <li>
          If someone should report to you, ask an admin to set you as their manager; they then appear here and in the{" "}
          <Link to="/org">org chart</Link>.
        </li>
      </ul>
    </section>
  );
}

function NoPeopleYet() {
  return (
    <section className="empty-state" aria-labelledby="no-people-heading">
      <h2 id="no-people-heading" className="empty-state__title">
        No people yet
      </h2>
      <p>Start by bringing in your organisation; everything else in Ascent is about these people.</p>
      <ol className="steps">
        <li>
          <strong>Import from your HR system.</strong> Export a CSV with name, email, title, manager email and team,
          then <Link to="/people/import">import people</Link>: you see a preview before anything is written.
        </li>
        <li>
          <strong>Or add people one by one</strong> with the “Add person” button above.
        </li>
      </ol>
    </section>
  );
}

function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <section className="empty-state" aria-labelledby="no-matches-heading">
      <h2 id="no-matches-heading" className="empty-state__title">
        No one matches these filters
      </h2>
      <p>Search looks in names, emails and company titles. Team must match the team’s full name.</p>
      <button type="button" className="button button--secondary" onClick={onClear}>
        Clear filters
      </button>
    </section>
  );
}

function resultSummary(list: TPersonList, offset: number): string {
  if (list.total === 0) return "No people found";
  const last = Math.min(offset + list.people.length, list.total);
  return `Showing ${offset + 1}–${last} of ${list.total} ${list.total === 1 ? "person" : "people"}`;
}

/** The list's filter as an invitation's: only active people are ever invited, whatever the status filter. */
function inviteSelectionOf(filters: DirectoryFilters): InviteSelection {
  const filter = Object.fromEntries(
    (["search", "team", "levelId"] as const).flatMap((key) => (filters[key] ? [[key, filters[key]]] : [])),
  );
  return { filter };
}

/** "Invite N not signed up": the count is a dry run of the same invitation over the list's filter. */
function InviteNotSignedUp({ selection, onInvite }: { selection: InviteSelection; onInvite: () => void }) {
  const preview = useInvitePreview(selection, false);
  const n = preview.data?.invited.length ?? 0;
  // Too many for one invitation: say so (the message asks to narrow the filter) instead of a button.
  if (preview.isError) return <span className="muted">{describeError(preview.error)}</span>;
  if (n === 0) return null;
  return (
    <button type="button" className="button button--secondary" onClick={onInvite}>
      Invite {n} not signed up
    </button>
  );
}

function Directory({ viewer }: { viewer: SignedInViewer }) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = readFilters(params);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const offset = (page - 1) * PAGE_SIZE;
  const people = usePeople({ ...filters, status: filters.status || undefined, limit: PAGE_SIZE, offset });
  const managerNames = useManagerNames(people.data?.people ?? [], viewer);
  const [isAdding, setIsAdding] = useState(false);
  const [editing, setEditing] = useState<TPersonSummary | null>(null);
  const [deactivating, setDeactivating] = useState<DeactivateTarget | null>(null);
  const reactivate = useReactivatePerson();
  const [inviting, setInviting] = useState<InviteSelection | null>(null);
  const pageIds = useMemo(() => (people.data?.people ?? []).map((person) => person.id), [people.data]);
  const invitations = useInvitationStatuses(pageIds, viewer.isAdmin);

  function changeFilters(next: Partial<DirectoryFilters>) {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next) as [keyof DirectoryFilters, string][]) {
          const name = PARAM_NAMES[key];
          if (value === NO_FILTERS[key]) updated.delete(name);
          else updated.set(name, value);
        }
        updated.delete("page");
        return updated;
      },
      { replace: true },
    );
  }

  function goToPage(next: number) {
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next <= 1) updated.delete("page");
      else updated.set("page", String(next));
      return updated;
    });
  }

  const isFiltered = hasFilters(filters);
  const data = people.data;
  // Someone with nobody below them: filters over a list of one would only get in the way.
  const isOnlyViewer = data?.scope === "reportingChain" && data.total <= 1 && !isFiltered;

  function renderList() {
    if (people.isPending) return <LoadingState label="Loading people…" />;
    if (people.isError) {
      return (
        <ErrorState
          title="The people could not be loaded"
          error={people.error}
          onRetry={() => void people.refetch()}
          isRetrying={people.isFetching}
        />
      );
    }
    const list = people.data;
    if (list.total === 0 && isFiltered) return <NoMatches onClear={() => changeFilters(NO_FILTERS)} />;
    if (list.total === 0 && viewer.isAdmin) return <NoPeopleYet />;
    if (isOnlyViewer) {
      return (
        <>
          <PeopleTable
            people={list.people}
            caption="You"
            managerNames={managerNames}
            unknownManager={viewer.isAdmin ? "Loading…" : "Not shown"}
          />
          <OnlyYourself viewer={viewer} />
        </>
      );
    }
    return (
      <>
        <PeopleTable
          people={list.people}
          caption={`People, ${resultSummary(list, offset).toLowerCase()}`}
          managerNames={managerNames}
          unknownManager={viewer.isAdmin ? "Loading…" : "Not shown"}
          {...(viewer.isAdmin
            ? {
                invitations: invitations.data ?? new Map(),
                actions: {
                  onEdit: setEditing,
                  onDeactivate: (person: TPersonSummary) => setDeactivating({ id: person.id, name: person.name }),
                  onReactivate: (person: TPersonSummary) => reactivate.mutate(person.id),
                  reactivatingId: reactivate.isPending ? (reactivate.variables ?? null) : null,
                },
              }
            : {})}
        />
        <Pagination page={page} pageSize={PAGE_SIZE} total={list.total} onChange={goToPage} label="People pages" />
      </>
    );
  }

  return (
    <>
      <PageHeading
        meta={
          viewer.isAdmin ? (
            <div className="people-actions">
              {filters.status !== "inactive" && (
                <InviteNotSignedUp
                  selection={inviteSelectionOf(filters)}
                  onInvite={() => setInviting(inviteSelectionOf(filters))}
                />
              )}
              <button type="button" className="button" onClick={() => setIsAdding(true)}>
                Add person
              </button>
            </div>
          ) : undefined
        }
        lead={
          <p>
            {viewer.isAdmin
              ? "Everyone in the organisation: their company title, where it sits on the ladder, their team and manager."
              : "You and everyone who reports to you, directly or further down: their company title, where it sits on the ladder, their team and manager."}
          </p>
        }
      >
        People
      </PageHeading>

      {viewer.isAdmin && (
        <nav aria-label="People administration" className="admin-links">
          <ul>
            <li>
              <Link to="/people/import">Import from HRIS</Link>
            </li>
            <li>
              <Link to="/titles/mapping">Title mapping</Link>
            </li>
            <li>
              <Link to="/audit">Audit log</Link>
            </li>
          </ul>
        </nav>
      )}

      {!isOnlyViewer && <PeopleFilters filters={filters} onChange={changeFilters} />}

      <p role="status" className="result-summary">
        {data && !people.isPlaceholderData && !isOnlyViewer ? resultSummary(data, offset) : ""}
      </p>

      {reactivate.isError && (
        <p role="alert" className="form-error">
          {describeError(reactivate.error)}
        </p>
      )}

      {renderList()}

      {viewer.isAdmin && (
        <>
          <AddPersonDialog
            isOpen={isAdding}
            onClose={() => setIsAdding(false)}
            onAdded={(person) => {
              setIsAdding(false);
              void navigate(`/people/${person.id}`);
            }}
          />
          <EditPersonDialog
            personId={editing?.id ?? null}
            personName={editing?.name ?? ""}
            onClose={() => setEditing(null)}
          />
          <DeactivatePersonDialog target={deactivating} onClose={() => setDeactivating(null)} />
          <BulkInviteDialog
            selection={inviting}
            title={
              hasFilters(filters)
                ? "Invite the people in this list who have not signed up"
                : "Invite everyone not signed up"
            }
            onClose={() => setInviting(null)}
          />
        </>
      )}
    </>
  );
}

export function PeoplePage() {
  useDocumentTitle("People");
  return <Directory viewer={useViewer()} />;
}
