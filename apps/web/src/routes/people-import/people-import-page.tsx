import { LIMITS, type TPeopleImportResult } from "@ascent/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { InviteSelection } from "../../api/invitation-queries.ts";
import { IMPORT_FILE_TYPES, importPeopleFile, peopleKeys, useViewer } from "../../api/people-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { AdminOnly } from "../people/admin-only.tsx";
import { BulkInviteDialog } from "../people/bulk-invite-dialog.tsx";
import "../people/people.css";
import { ChangedPeople, ColumnsFound, ImportErrors, NewPeople, PreviewSummary } from "./import-preview.tsx";
import { UnmappedTitles } from "./unmapped-titles.tsx";

const MB = LIMITS.uploadBytes / (1024 * 1024);

function usePreview() {
  return useMutation({
    mutationFn: (file: File) => importPeopleFile(file, { dryRun: true }),
  });
}

function useCommit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => importPeopleFile(file, { dryRun: false }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

function FileStep({ onPreview, isBusy, error }: { onPreview: (file: File) => void; isBusy: boolean; error: unknown }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const problem = missing ? "Choose a CSV file first." : error ? describeError(error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    onPreview(file);
  }

  return (
    <form className="card import-step" onSubmit={submit} noValidate>
      <h2 className="card__title">1. Choose the export</h2>
      <div className="form-field">
        <label htmlFor={`${id}-file`} className="form-field__label">
          HRIS export (CSV)
        </label>
        <p id={`${id}-hint`} className="form-field__hint">
          One row per person with name, email, title, manager email and team. Headers such as “Work Email”, “Job Title”,
          “Manager” and “Department” are recognised. Up to {MB} MB; use <code>ascent people import</code> for larger
          files.
        </p>
        <input
          ref={inputRef}
          id={`${id}-file`}
          className="input"
          type="file"
          accept={[...IMPORT_FILE_TYPES, "text/csv"].join(",")}
          aria-describedby={[`${id}-hint`, problem ? `${id}-error` : null].filter(Boolean).join(" ")}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setMissing(false);
          }}
        />
        {problem && (
          <p id={`${id}-error`} role="alert" className="form-field__error">
            {problem}
          </p>
        )}
      </div>
      <div className="actions import-step__actions">
        <button type="submit" className="button" disabled={isBusy}>
          {isBusy ? "Reading the file…" : "Preview import"}
        </button>
      </div>
      <p className="muted">Previewing writes nothing.</p>
    </form>
  );
}

function CommitBar({
  preview,
  onCommit,
  isBusy,
  error,
}: {
  preview: TPeopleImportResult["preview"];
  onCommit: () => void;
  isBusy: boolean;
  error: unknown;
}) {
  const writes = preview.new.total + preview.changed.total;
  const hasErrors = preview.errors.total > 0;
  return (
    <section className="card commit-bar" aria-labelledby="commit-heading">
      <h2 id="commit-heading" className="card__title">
        3. Import
      </h2>
      {hasErrors ? (
        <p>Fix the rows listed under Errors and choose the file again; nothing can be imported until then.</p>
      ) : writes === 0 ? (
        <p>Everyone in this file is already up to date: there is nothing to import.</p>
      ) : (
        <p>
          {preview.new.total} new and {preview.changed.total} changed {writes === 1 ? "person is" : "people are"}{" "}
          written in one go
          {preview.unchanged.total > 0 && `; ${preview.unchanged.total} unchanged rows are left as they are`}.
          {preview.unmappedTitles.total > 0 &&
            ` People with an unmapped title are imported without a ladder level (${preview.unmappedTitles.total} title${preview.unmappedTitles.total === 1 ? "" : "s"} left).`}
        </p>
      )}
      {error ? (
        <p role="alert" className="form-error">
          {describeError(error)}
        </p>
      ) : null}
      <button type="button" className="button" disabled={hasErrors || writes === 0 || isBusy} onClick={onCommit}>
        {isBusy ? "Importing…" : `Import ${writes} ${writes === 1 ? "person" : "people"}`}
      </button>
    </section>
  );
}

function ImportResult({ result, onAgain }: { result: TPeopleImportResult; onAgain: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const counts = result.committed ?? { created: 0, updated: 0, unchanged: 0 };
  const createdIds = result.committed?.createdIds ?? [];
  const [inviting, setInviting] = useState<InviteSelection | null>(null);
  return (
    <section className="card" aria-labelledby="result-heading">
      <h2 id="result-heading" ref={headingRef} tabIndex={-1} className="card__title">
        Import complete
      </h2>
      <p role="status">
        {result.preview.fileName}: {counts.created} {counts.created === 1 ? "person" : "people"} added, {counts.updated}{" "}
        updated, {counts.unchanged} unchanged.
      </p>
      {createdIds.length > 0 && (
        <p>
          The new people cannot sign in until they accept an invitation.
          {createdIds.length < counts.created &&
            ` The first ${createdIds.length} can be invited here; invite the rest from People.`}
        </p>
      )}
      <div className="actions">
        {createdIds.length > 0 && (
          <button type="button" className="button" onClick={() => setInviting({ personIds: createdIds })}>
            Invite the {createdIds.length} new {createdIds.length === 1 ? "person" : "people"}
          </button>
        )}
        <Link to="/people" className={createdIds.length > 0 ? "button button--secondary" : "button"}>
          See them in People
        </Link>
        <Link to="/org" className="button button--secondary">
          Open the org chart
        </Link>
        <Link to="/audit" className="button button--secondary">
          See it in the audit log
        </Link>
        <button type="button" className="button button--secondary" onClick={onAgain}>
          Import another file
        </button>
      </div>
      <BulkInviteDialog selection={inviting} title="Invite the new people" onClose={() => setInviting(null)} />
    </section>
  );
}

function ImportFlow() {
  const [file, setFile] = useState<File | null>(null);
  const [notice, setNotice] = useState("");
  const [attempt, setAttempt] = useState(0);
  // Kept apart from the mutation so the last preview stays on screen while the next one runs.
  const [result, setResult] = useState<TPeopleImportResult | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const preview = usePreview();
  const commit = useCommit();

  function runPreview(chosen: File) {
    setFile(chosen);
    setNotice("");
    commit.reset();
    preview.mutate(chosen, { onSuccess: setResult, onError: () => setResult(null) });
  }

  function recheck(chosen: File, message: string) {
    preview.mutate(chosen, {
      onSuccess: (next) => {
        setResult(next);
        setNotice(message);
        // The mapped title's row is gone, and focus with it: keep the place at the news.
        requestAnimationFrame(() => noticeRef.current?.focus());
      },
    });
  }

  if (commit.isSuccess) {
    return (
      <ImportResult
        result={commit.data}
        onAgain={() => {
          commit.reset();
          preview.reset();
          setResult(null);
          setFile(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }

  return (
    <>
      <FileStep key={attempt} onPreview={runPreview} isBusy={preview.isPending} error={result ? null : preview.error} />
      <p ref={noticeRef} role="status" tabIndex={-1} className="import-notice">
        {notice}
      </p>
      {preview.isError && result && (
        <p role="alert" className="form-error">
          The preview could not be checked again: {describeError(preview.error)}
        </p>
      )}
      {result && file && (
        <div className="import-preview" aria-busy={preview.isPending}>
          <h2 className="import-preview__heading">2. Check the preview</h2>
          <PreviewSummary preview={result.preview} />
          <ColumnsFound preview={result.preview} />
          {result.preview.errors.total > 0 && (
            <ImportErrors errors={result.preview.errors} invalidRows={result.preview.invalidRows} />
          )}
          {result.preview.unmappedTitles.total > 0 && (
            <UnmappedTitles
              unmapped={result.preview.unmappedTitles}
              onMapped={(title, levelName) =>
                recheck(file, `“${title}” now maps to ${levelName}. The preview has been checked again.`)
              }
            />
          )}
          {result.preview.new.total > 0 && <NewPeople rows={result.preview.new} />}
          {result.preview.changed.total > 0 && <ChangedPeople rows={result.preview.changed} />}
          {result.preview.unchanged.total > 0 && (
            <p className="section muted">
              {result.preview.unchanged.total} {result.preview.unchanged.total === 1 ? "person is" : "people are"}{" "}
              already up to date and stay as they are.
            </p>
          )}
          <CommitBar
            preview={result.preview}
            onCommit={() => commit.mutate(file)}
            isBusy={commit.isPending || preview.isPending}
            error={commit.error}
          />
        </div>
      )}
    </>
  );
}

export function PeopleImportPage() {
  useDocumentTitle("Import people");
  const viewer = useViewer();
  return (
    <>
      <PageHeading
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <ol>
              <li>
                <Link to="/people">People</Link>
              </li>
              <li aria-current="page">Import</li>
            </ol>
          </nav>
        }
        lead={
          <p>
            Bring people in from your HR system’s CSV export. You see who is new, who changes and which titles need a
            ladder level before anything is written; the import then adds and updates everyone in one go, matched by
            email.
          </p>
        }
      >
        Import people
      </PageHeading>
      {viewer.isAdmin ? <ImportFlow /> : <AdminOnly what="Importing people" />}
    </>
  );
}
