import type { TBulkInviteResult } from "@ascent/contract";
import { useId, useState } from "react";
import { Link } from "react-router";
import { saveTextFile, useInvite, useInvitePreview, type InviteSelection } from "../../api/invitation-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { formatDate } from "../../ui/formatted-date.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { ModalDialog } from "../../ui/modal-dialog.tsx";

const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

/** How the mail leaves, said before anything is sent. */
function TransportNote({ transport }: { transport: TBulkInviteResult["transport"] }) {
  return transport === "smtp" ? (
    <p>
      <strong>Mail goes out over SMTP.</strong> Each person gets their own link by email; you will not see the links.
    </p>
  ) : (
    <p>
      <strong>No mail server is set up: the mails go to the outbox.</strong> Nobody receives them by email. Right after
      inviting you can download the links as a CSV and pass them on yourself.
    </p>
  );
}

function SkippedSummary({ counts }: { counts: TBulkInviteResult["skippedCounts"] }) {
  const parts = [
    counts.signed_up > 0 && `${people(counts.signed_up)} already signed up`,
    counts.already_invited > 0 && `${people(counts.already_invited)} invited with a link that still works`,
    counts.inactive > 0 && `${people(counts.inactive)} inactive`,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <p className="muted">Left out: {parts.join("; ")}.</p>;
}

function linksFileName(): string {
  return `ascent-invitation-links-${new Date().toISOString().slice(0, 10)}.csv`;
}

function Done({ result, onClose }: { result: TBulkInviteResult; onClose: () => void }) {
  const n = result.invited.length;
  const expires = result.invited[0]?.expiresAt;
  return (
    <>
      <div role="status">
        <p>
          {people(n)} invited
          {expires ? `; the links work once, until ${formatDate(expires)}` : ""}.{" "}
          {result.transport === "smtp" ? "The mails are on their way." : "The mails are in the outbox."}
        </p>
      </div>
      {result.linksCsv && (
        <div className="callout callout--warning">
          <h3 className="callout__title">Pass the links on yourself</h3>
          <p>
            The file holds a sign-in link per person: anyone with a link can open that account, so send each one only to
            its person. Making this file is recorded in the <Link to="/audit">audit log</Link>.
          </p>
          <button
            type="button"
            className="button"
            onClick={() => saveTextFile(result.linksCsv ?? "", linksFileName(), "text/csv;charset=utf-8")}
          >
            Download the links (CSV)
          </button>
        </div>
      )}
      <div className="modal-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} data-autofocus>
          Done
        </button>
      </div>
    </>
  );
}

function Confirm({ selection, onClose }: { selection: InviteSelection; onClose: () => void }) {
  const [resend, setResend] = useState(false);
  const preview = useInvitePreview(selection, resend);
  const invite = useInvite();
  const resendId = useId();
  if (invite.isSuccess) return <Done result={invite.data} onClose={onClose} />;
  if (preview.isPending) return <LoadingState label="Counting who is not signed up…" />;
  if (preview.isError) {
    return (
      <p role="alert" className="form-error">
        {describeError(preview.error)}
      </p>
    );
  }
  const plan = preview.data;
  const n = plan.invited.length;
  const stillValid = plan.skippedCounts.already_invited + (resend ? n : 0);
  return (
    <>
      <p>{n === 0 ? "Nobody here needs an invitation." : `${people(n)} will get an invitation link, one mail each.`}</p>
      <TransportNote transport={plan.transport} />
      <SkippedSummary counts={plan.skippedCounts} />
      {(plan.skippedCounts.already_invited > 0 || resend) && stillValid > 0 && (
        <div className="checkbox">
          <input id={resendId} type="checkbox" checked={resend} onChange={(event) => setResend(event.target.checked)} />
          <label htmlFor={resendId}>
            Also send new links to people whose invitation still works (their old links stop)
          </label>
        </div>
      )}
      {invite.isError && (
        <p role="alert" className="form-error">
          {describeError(invite.error)}
        </p>
      )}
      <div className="modal-dialog__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={onClose}
          disabled={invite.isPending}
          data-autofocus
        >
          Cancel
        </button>
        <button
          type="button"
          className="button"
          disabled={n === 0 || invite.isPending || preview.isFetching}
          onClick={() => invite.mutate({ ...selection, resend })}
        >
          {invite.isPending ? "Inviting…" : `Invite ${people(n)}`}
        </button>
      </div>
    </>
  );
}

/**
 * Confirms a bulk invitation: how many people it reaches and whether mail goes over SMTP or to the
 * outbox, then sends it, and without SMTP offers the links as a CSV at once (the only time they are shown).
 */
export function BulkInviteDialog({
  selection,
  title,
  onClose,
}: {
  /** Null while closed. */
  selection: InviteSelection | null;
  title: string;
  onClose: () => void;
}) {
  return (
    <ModalDialog isOpen={selection !== null} onClose={onClose} title={title}>
      {selection && <Confirm selection={selection} onClose={onClose} />}
    </ModalDialog>
  );
}
