import type { TEvidence, TFramework } from "@ascent/contract";
import { useEffect, useRef, useState } from "react";
import { useLocation } from "react-router";
import {
  useCreateEvidence,
  useDeleteEvidence,
  useEvidence,
  useFrameworkDocument,
  useUpdateEvidence,
} from "../../api/assessment-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Badge } from "../../ui/badge.tsx";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormattedDay } from "../../ui/formatted-day.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { draftFrom, EvidenceForm, toBody } from "./evidence-form.tsx";
import "../self-assessment/shared-controls.css";
import "./evidence.css";

function isWebLink(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function EvidenceEntry({
  entry,
  document,
  personId,
  onEdit,
  onDelete,
  onAnnounce,
}: {
  entry: TEvidence;
  document: TFramework;
  personId: string;
  onEdit: () => void;
  onDelete: () => void;
  onAnnounce: (text: string) => void;
}) {
  const update = useUpdateEvidence(personId);
  // Shown at once, before the server confirms; put back if the change fails.
  const [isShared, setIsShared] = useState(entry.isSharedWithManager);
  useEffect(() => setIsShared(entry.isSharedWithManager), [entry.isSharedWithManager]);
  const names = new Map(document.competencies.map((c) => [c.id, c.name]));
  const headingId = `evidence-${entry.id}-title`;
  return (
    <li>
      <article id={`evidence-${entry.id}`} className="evidence-entry" aria-labelledby={headingId} tabIndex={-1}>
        <div className="evidence-entry__head">
          <h3 id={headingId} className="evidence-entry__title">
            {entry.title}
          </h3>
          <span className="evidence-entry__date">
            <FormattedDay day={entry.date} />
          </span>
        </div>
        {entry.body && <p className="evidence-entry__body">{entry.body}</p>}
        {entry.links.length > 0 && (
          <ul className="evidence-entry__links" aria-label="Links">
            {entry.links.map((link) => (
              <li key={link}>
                {isWebLink(link) ? (
                  <a href={link} rel="noopener noreferrer">
                    {link}
                  </a>
                ) : (
                  link
                )}
              </li>
            ))}
          </ul>
        )}
        {entry.competencyIds.length > 0 && (
          <ul className="evidence-entry__tags" aria-label="Competencies">
            {entry.competencyIds.map((id) => (
              <li key={id}>
                <Badge tone="accent">{names.get(id) ?? id}</Badge>
              </li>
            ))}
          </ul>
        )}
        <div className="evidence-entry__actions">
          <label className="check-option evidence-entry__share">
            <input
              type="checkbox"
              checked={isShared}
              disabled={update.isPending}
              onChange={(event) => {
                const next = event.target.checked;
                setIsShared(next);
                update.mutate(
                  { evidenceId: entry.id, body: { isSharedWithManager: next } },
                  {
                    onSuccess: () =>
                      onAnnounce(
                        next
                          ? `“${entry.title}” is now shared with your manager.`
                          : `“${entry.title}” is no longer shared with your manager.`,
                      ),
                    onError: () => setIsShared(!next),
                  },
                );
              }}
            />
            <span>
              Shared with my manager<span className="visually-hidden">: {entry.title}</span>
            </span>
          </label>
          <div className="actions">
            <button type="button" className="button button--secondary button--small" onClick={onEdit}>
              Edit<span className="visually-hidden"> {entry.title}</span>
            </button>
            <button type="button" className="button button--secondary button--small" onClick={onDelete}>
              Delete<span className="visually-hidden"> {entry.title}</span>
            </button>
          </div>
        </div>
        {update.isError && (
          <p role="alert" className="form-field__error">
            Sharing could not be changed: {describeError(update.error)}
          </p>
        )}
      </article>
    </li>
  );
}

export function EvidencePage() {
  useDocumentTitle("Evidence log");
  const session = useSignedIn();
  const personId = session.person.id;
  const evidence = useEvidence(personId);
  const framework = useFrameworkDocument("latest");
  const create = useCreateEvidence(personId);
  const update = useUpdateEvidence(personId);
  const remove = useDeleteEvidence(personId);
  const [editing, setEditing] = useState<"new" | string | null>(null);
  const [deleting, setDeleting] = useState<TEvidence | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  // The Delete button that opened the dialog goes with its entry: focus the list heading instead.
  const focusListOnClose = useRef(false);
  const { hash } = useLocation();

  const entries = evidence.data?.evidence;
  // Links from My growth point at one entry: bring it into view once the list is there.
  useEffect(() => {
    if (!entries || !hash.startsWith("#evidence-")) return;
    const target = window.document.getElementById(hash.slice(1));
    target?.scrollIntoView({ block: "center" });
    target?.focus();
  }, [entries, hash]);

  function focusEntry(id: string) {
    window.requestAnimationFrame(() => window.document.getElementById(`evidence-${id}`)?.focus());
  }

  const heading = (
    <PageHeading
      eyebrow={<Breadcrumb trail={[{ to: "/growth", label: "My growth" }]} current="Evidence log" />}
      lead={
        <p>
          Note achievements while they are fresh, with a date, what happened and links, and tag the competencies they
          show. The log is yours; your manager sees only the entries you share.
        </p>
      }
    >
      Evidence log
    </PageHeading>
  );

  if (evidence.isPending || framework.isPending) {
    return (
      <>
        {heading}
        <LoadingState label="Loading your evidence log…" />
      </>
    );
  }
  if (evidence.isError || framework.isError) {
    return (
      <>
        {heading}
        <ErrorState
          title="The evidence log could not be loaded"
          error={evidence.error ?? framework.error}
          onRetry={() => {
            if (evidence.isError) void evidence.refetch();
            if (framework.isError) void framework.refetch();
          }}
          isRetrying={evidence.isFetching || framework.isFetching}
        />
      </>
    );
  }

  const document = framework.data.document;
  const list = evidence.data.evidence;

  return (
    <>
      {heading}
      <p role="status" className="evidence-announcement">
        {announcement}
      </p>
      {editing === "new" ? (
        <EvidenceForm
          document={document}
          initial={draftFrom(null)}
          heading="Log an achievement"
          submitLabel="Save entry"
          isSaving={create.isPending}
          saveError={create.error}
          onCancel={() => {
            create.reset();
            setEditing(null);
            window.requestAnimationFrame(() => addButtonRef.current?.focus());
          }}
          onSave={(draft) =>
            create.mutate(toBody(draft), {
              onSuccess: (created) => {
                setEditing(null);
                setAnnouncement(`Saved “${created.title}”.`);
                focusEntry(created.id);
              },
            })
          }
        />
      ) : (
        <p>
          <button
            ref={addButtonRef}
            type="button"
            className="button"
            onClick={() => {
              setAnnouncement("");
              setEditing("new");
            }}
          >
            Log an achievement
          </button>
        </p>
      )}

      <section className="section evidence-list-section" aria-labelledby="evidence-list-heading">
        <h2 id="evidence-list-heading" ref={listHeadingRef} tabIndex={-1}>
          Entries <span className="count">{list.length}</span>
        </h2>
        {list.length === 0 ? (
          <div className="empty-state">
            <p>
              No entries yet. Log your first achievement: a launch, a decision you drove, a hard conversation that went
              well. Tagged entries can be linked when you rate yourself.
            </p>
          </div>
        ) : (
          <ul className="evidence-list">
            {list.map((entry) =>
              editing === entry.id ? (
                <li key={entry.id}>
                  <EvidenceForm
                    document={document}
                    initial={draftFrom(entry)}
                    heading={`Edit “${entry.title}”`}
                    submitLabel="Save changes"
                    isSaving={update.isPending}
                    saveError={update.error}
                    onCancel={() => {
                      update.reset();
                      setEditing(null);
                      focusEntry(entry.id);
                    }}
                    onSave={(draft) =>
                      update.mutate(
                        { evidenceId: entry.id, body: toBody(draft) },
                        {
                          onSuccess: (saved) => {
                            setEditing(null);
                            setAnnouncement(`Saved changes to “${saved.title}”.`);
                            focusEntry(saved.id);
                          },
                        },
                      )
                    }
                  />
                </li>
              ) : (
                <EvidenceEntry
                  key={entry.id}
                  entry={entry}
                  document={document}
                  personId={personId}
                  onEdit={() => {
                    update.reset();
                    setAnnouncement("");
                    setEditing(entry.id);
                  }}
                  onDelete={() => {
                    remove.reset();
                    setDeleting(entry);
                  }}
                  onAnnounce={setAnnouncement}
                />
              ),
            )}
          </ul>
        )}
      </section>

      <ConfirmDialog
        isOpen={deleting !== null}
        onClose={() => {
          setDeleting(null);
          if (focusListOnClose.current) listHeadingRef.current?.focus();
          focusListOnClose.current = false;
        }}
        title="Delete this entry?"
        confirmLabel="Delete entry"
        busyLabel="Deleting…"
        isBusy={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (!deleting) return;
          const title = deleting.title;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              focusListOnClose.current = true;
              setDeleting(null);
              setAnnouncement(`Deleted “${title}”.`);
            },
          });
        }}
      >
        {deleting && <p>“{deleting.title}” will be removed from your log. This cannot be undone.</p>}
      </ConfirmDialog>
    </>
  );
}
