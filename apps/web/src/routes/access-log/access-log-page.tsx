import type { TAccessLogEntry } from "@ascent/contract";
import { Link } from "react-router";
import { useMyAccessLog } from "../../api/people-queries.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { formatDateTime } from "../audit/audit-format.ts";
import "../people/people.css";

/** What was read, in the owner's words. */
const READ_LABELS: Record<string, string> = {
  plan: "Your career plan",
  evidence: "Your evidence",
  one_on_one: "Notes of a 1:1",
  "one_on_one.shared_notes": "Shared notes of a 1:1",
  goal: "Your development goals",
  promotion_packet: "Your promotion packet",
};

function whatWasRead(entry: TAccessLogEntry): string {
  const byAction = entry.action.replace(/\.read$/, "");
  return READ_LABELS[byAction] ?? READ_LABELS[entry.targetType] ?? byAction.replaceAll("_", " ").replaceAll(".", " ");
}

function EntriesTable({ entries }: { entries: TAccessLogEntry[] }) {
  return (
    <div className="table-card table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Who read your things, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What they read</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td data-label="When" className="nowrap">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </td>
              <th scope="row" data-label="Who">
                {entry.reader ? entry.reader.name : <span className="muted">A removed person</span>}
              </th>
              <td data-label="What">{whatWasRead(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AccessLogPage() {
  useDocumentTitle("Who viewed my data");
  const log = useMyAccessLog();
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <>
      <PageHeading
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <ol>
              <li>
                <Link to="/account">Account</Link>
              </li>
              <li aria-current="page">Who viewed my data</li>
            </ol>
          </nav>
        }
        lead={
          <p>
            Your career plan, evidence and notes are yours. When anyone else reads them, such as a manager you shared
            them with, it is recorded here with who and when. Nobody else sees this list, admins included.
          </p>
        }
      >
        Who viewed my data
      </PageHeading>
      {log.isPending ? (
        <LoadingState label="Loading your access log…" />
      ) : log.isError ? (
        <ErrorState
          title="Your access log could not be loaded"
          error={log.error}
          onRetry={() => void log.refetch()}
          isRetrying={log.isFetching}
        />
      ) : entries.length === 0 ? (
        <section className="empty-state" aria-labelledby="no-reads-heading">
          <h2 id="no-reads-heading" className="empty-state__title">
            Nobody has read your things yet
          </h2>
          <p>
            When someone else opens your career plan, your evidence or notes you share with them, it shows here. Until
            you share them, only you can read them.
          </p>
          <p>
            <Link to="/growth">Go to My growth</Link> to keep your plan and evidence.
          </p>
        </section>
      ) : (
        <>
          <EntriesTable entries={entries} />
          {log.hasNextPage && (
            <p className="load-more">
              <button
                type="button"
                className="button button--secondary"
                disabled={log.isFetchingNextPage}
                onClick={() => void log.fetchNextPage()}
              >
                {log.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
