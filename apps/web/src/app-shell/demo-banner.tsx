import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useDemoStatus } from "../api/demo.ts";
import { useRemoveDemo } from "../api/people-queries.ts";
import { useSession } from "../api/session.ts";
import { ConfirmDialog } from "../ui/confirm-dialog.tsx";
import "./demo-banner.css";

/** Takes focus from the dialog that just closed, whose opener has gone with the banner. */
function DemoRemoved({ count, onDismiss }: { count: number; onDismiss: () => void }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="demo-banner demo-banner--done" aria-label="Demo organisation">
      <div className="demo-banner__inner">
        <p ref={ref} role="status" tabIndex={-1}>
          The demo organisation has been removed ({count} people). <Link to="/people/import">Import your people</Link>{" "}
          to begin.
        </p>
        <button type="button" className="button button--secondary button--small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

/**
 * While the demo organisation is loaded every page says so, so that nobody mistakes its invented
 * people for real ones; admins can remove it from here.
 */
export function DemoBanner() {
  const status = useDemoStatus();
  const isAdmin = useSession().data?.isAdmin === true;
  const remove = useRemoveDemo();
  const [isConfirming, setIsConfirming] = useState(false);
  const [removedCount, setRemovedCount] = useState<number | null>(null);

  if (removedCount !== null) return <DemoRemoved count={removedCount} onDismiss={() => setRemovedCount(null)} />;

  if (!status.data?.isLoaded) return null;
  return (
    <section className="demo-banner" aria-label="Demo organisation">
      <div className="demo-banner__inner">
        <p>
          <strong className="demo-banner__label">Demo organisation</strong> — invented people; remove before real use.
          {status.data.peopleCount !== undefined && (
            <span className="demo-banner__count"> {status.data.peopleCount} demo people are loaded.</span>
          )}
        </p>
        {isAdmin && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              remove.reset();
              setIsConfirming(true);
            }}
          >
            Remove demo data
          </button>
        )}
      </div>
      {isAdmin && (
        <ConfirmDialog
          isOpen={isConfirming}
          onClose={() => setIsConfirming(false)}
          title="Remove the demo organisation?"
          confirmLabel="Remove demo data"
          busyLabel="Removing…"
          isBusy={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: ({ removed }) => {
                setIsConfirming(false);
                setRemovedCount(removed);
              },
            })
          }
        >
          <p>
            This deletes the {status.data.peopleCount ?? ""} demo people, their accounts and everything recorded about
            them. Your own people and settings stay. It cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
