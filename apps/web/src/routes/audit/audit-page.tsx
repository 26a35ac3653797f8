import type { TAuditEvent } from "@ascent/contract";
import { useState } from "react";
import { Link } from "react-router";
import { auditExportHref, useAuditEvents, useViewer, type AuditFilter } from "../../api/people-queries.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { AdminOnly } from "../people/admin-only.tsx";
import "../people/people.css";
import { PersonPicker, type PickedPerson } from "../people/person-picker.tsx";
import { actionLabel, describeTarget, formatDateTime, summariseDetails } from "./audit-format.ts";

function PersonCell({ person, none }: { person: TAuditEvent["actor"]; none: string }) {
  if (!person) return <span className="muted">{none}</span>;
  if (!person.name) return <span className="muted">A removed person</span>;
  return <Link to={`/people/${person.id}`}>{person.name}</Link>;
}

function EventsTable({ events }: { events: TAuditEvent[] }) {
  return (
    <div className="table-card table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Write events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">On whom</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td data-label="When" className="nowrap">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </td>
              <td data-label="Who">
                <PersonCell person={event.actor} none="System" />
              </td>
              <th scope="row" data-label="Action">
                {actionLabel(event.action)}
                <span className="cell-note">
                  <code>{event.action}</code>
                </span>
              </th>
              <td data-label="On whom">
                {event.subject?.name ? (
                  <Link to={`/people/${event.subject.id}`}>{event.subject.name}</Link>
                ) : (
                  describeTarget(event) || <span className="muted">—</span>
                )}
              </td>
              <td data-label="Details" className="audit-details">
                {summariseDetails(event)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditLog() {
  const [actor, setActor] = useState<PickedPerson | null>(null);
  const [subject, setSubject] = useState<PickedPerson | null>(null);
  const filter: AuditFilter = {
    ...(actor ? { actorId: actor.id } : {}),
    ...(subject ? { subjectId: subject.id } : {}),
  };
  const events = useAuditEvents(filter);
  const all = events.data?.pages.flatMap((page) => page.events) ?? [];
  const isFiltered = Boolean(actor || subject);

  return (
    <>
      <section className="card" aria-labelledby="audit-filters-heading">
        <h2 id="audit-filters-heading" className="card__title">
          Filter
        </h2>
        <div className="form-row">
          <PersonPicker
            legend="Changed by"
            value={actor}
            onChange={setActor}
            noneLabel="Anyone"
            hint="Type two or more letters of a name or email."
          />
          <PersonPicker
            legend="About"
            value={subject}
            onChange={setSubject}
            noneLabel="Anyone"
            hint="Type two or more letters of a name or email."
          />
        </div>
      </section>

      <div className="toolbar section">
        <p role="status" className="result-summary">
          {events.data
            ? `${all.length} event${all.length === 1 ? "" : "s"} shown${events.hasNextPage ? ", more available" : ""}`
            : ""}
        </p>
        <a className="button button--secondary" href={auditExportHref(filter)} download>
          Export CSV
        </a>
      </div>

      {events.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : events.isError ? (
        <ErrorState
          title="The audit log could not be loaded"
          error={events.error}
          onRetry={() => void events.refetch()}
          isRetrying={events.isFetching}
        />
      ) : all.length === 0 ? (
        <section className="empty-state" aria-labelledby="no-events-heading">
          <h2 id="no-events-heading" className="empty-state__title">
            {isFiltered ? "No events match these filters" : "Nothing recorded yet"}
          </h2>
          <p>
            {isFiltered
              ? "Choose “Anyone” in a filter to widen the search."
              : "Every change to people, titles, accounts and settings is recorded here: who did it, when and to whom. Add or import people to see the first entries."}
          </p>
        </section>
      ) : (
        <>
          <EventsTable events={all} />
          {events.hasNextPage && (
            <p className="load-more">
              <button
                type="button"
                className="button button--secondary"
                disabled={events.isFetchingNextPage}
                onClick={() => void events.fetchNextPage()}
              >
                {events.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            </p>
          )}
          {events.isFetchNextPageError && (
            <p role="alert" className="form-error">
              More events could not be loaded. Try “Load more” again.
            </p>
          )}
        </>
      )}
    </>
  );
}

export function AuditPage() {
  useDocumentTitle("Audit log");
  const viewer = useViewer();
  return (
    <>
      <PageHeading
        lead={
          <p>
            Every change made in Ascent: who made it, when, and to whom. Reads of someone’s plan, evidence or notes are
            not listed here; they belong to the person who was read, on their own access log.
          </p>
        }
      >
        Audit log
      </PageHeading>
      {viewer.isAdmin ? <AuditLog /> : <AdminOnly what="The audit log" />}
    </>
  );
}
