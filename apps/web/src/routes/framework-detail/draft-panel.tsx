import { LIMITS, type TFrameworkDetail, type TGoalChoice } from "@ascent/contract";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useDiscardDraft, useMigrationPreview, usePublishDraft, useStartDraft } from "../../api/framework-admin.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { ProblemList } from "../../ui/problem-list.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { MigrationReport } from "./migration-report.tsx";

/**
 * Publishing turns the draft into the next immutable version; a note says what changed. After a first version,
 * the dry run of the migration comes first, and publishing waits for a choice on every removed competency
 * that open goals still use.
 */
export function PublishForm({
  framework,
  draftVersion,
  onPublished,
}: {
  framework: string;
  draftVersion: number;
  onPublished: (version: number) => void;
}) {
  const publish = usePublishDraft(framework);
  const [note, setNote] = useState("");
  const [choices, setChoices] = useState<TGoalChoice[]>([]);
  const hasPrevious = draftVersion > 1;
  const preview = useMigrationPreview(framework, draftVersion, choices, hasPrevious);
  const isWaitingForChoices = hasPrevious && (!preview.data || preview.data.unresolved.length > 0);
  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const published = await publish.mutateAsync({ note, choices });
      setNote("");
      setChoices([]);
      onPublished(published.version);
    } catch {
      // Shown below.
    }
  }
  return (
    <form className="form-stack publish-form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      {hasPrevious &&
        (preview.data ? (
          <MigrationReport
            framework={framework}
            draftVersion={draftVersion}
            report={preview.data}
            choices={choices}
            onChoicesChange={setChoices}
          />
        ) : preview.isError ? (
          <div role="alert" className="form-error">
            <p>The migration report could not be worked out: {describeError(preview.error)}</p>
            <ProblemList error={preview.error} limit={10} />
          </div>
        ) : (
          <LoadingState label="Working out what moves…" />
        ))}
      <TextField
        label="What changed in this version"
        hint="Shown in the version history, e.g. “Reworded the Director descriptors”."
        isOptional
        multiline
        rows={2}
        maxLength={LIMITS.versionNote}
        value={note}
        onChange={setNote}
      />
      {publish.isError && (
        <div role="alert" className="form-error">
          <p>{describeError(publish.error)}</p>
          <ProblemList error={publish.error} limit={10} />
        </div>
      )}
      <div>
        <button type="submit" className="button" disabled={publish.isPending || isWaitingForChoices}>
          {publish.isPending ? "Publishing…" : `Publish v${draftVersion}`}
        </button>
      </div>
    </form>
  );
}

/** The admin's controls for a framework's draft: start one, edit it, publish it or discard it. */
export function DraftPanel({ summary, onNotice }: { summary: TFrameworkDetail; onNotice: (text: string) => void }) {
  const navigate = useNavigate();
  const startDraft = useStartDraft(summary.slug);
  const discard = useDiscardDraft(summary.slug);
  const [isDiscarding, setIsDiscarding] = useState(false);
  const draft = summary.draftVersion;
  const editorPath = `/frameworks/${encodeURIComponent(summary.slug)}/draft`;

  if (draft === null) {
    return (
      <section className="card admin-panel" aria-labelledby="draft-heading">
        <h2 id="draft-heading" className="card__title">
          Change this framework
        </h2>
        <p>
          Published versions never change. Start a draft, a copy of v{summary.latestPublishedVersion ?? 1}, edit it,
          then publish it as the next version.
        </p>
        {startDraft.isError && (
          <p role="alert" className="form-error">
            {describeError(startDraft.error)}
          </p>
        )}
        <button
          type="button"
          className="button"
          disabled={startDraft.isPending}
          onClick={() =>
            void startDraft.mutateAsync().then(
              () => navigate(editorPath),
              () => undefined,
            )
          }
        >
          {startDraft.isPending ? "Starting…" : "Start a draft"}
        </button>
      </section>
    );
  }

  return (
    <section className="card admin-panel admin-panel--draft" aria-labelledby="draft-heading">
      <h2 id="draft-heading" className="card__title">
        Draft v{draft} is in progress
      </h2>
      <p>
        {summary.latestPublishedVersion === null
          ? "Nothing is published yet: people see this framework once you publish it."
          : `People still see v${summary.latestPublishedVersion} until you publish the draft.`}
      </p>
      <p className="actions">
        <Link to={editorPath} className="button button--secondary">
          Edit draft
        </Link>
        <button type="button" className="button button--secondary" onClick={() => setIsDiscarding(true)}>
          Discard draft
        </button>
      </p>
      <PublishForm
        framework={summary.slug}
        draftVersion={draft}
        onPublished={(version) => onNotice(`Published v${version}.`)}
      />
      <ConfirmDialog
        isOpen={isDiscarding}
        onClose={() => setIsDiscarding(false)}
        title={`Discard draft v${draft}?`}
        confirmLabel="Discard draft"
        busyLabel="Discarding…"
        isBusy={discard.isPending}
        error={discard.error}
        onConfirm={() =>
          void discard.mutateAsync().then(
            () => {
              setIsDiscarding(false);
              onNotice(`Draft v${draft} was discarded.`);
            },
            () => undefined,
          )
        }
      >
        Its changes are lost. {summary.latestPublishedVersion === null ? "" : "Published versions stay as they are."}
      </ConfirmDialog>
    </section>
  );
}
