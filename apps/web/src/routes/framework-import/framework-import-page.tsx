import { LIMITS, type TImportPreview } from "@ascent/contract";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useImportFramework } from "../../api/framework-admin.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { FormField } from "../../ui/form-field.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { ProblemList } from "../../ui/problem-list.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { ImportPreview } from "./import-preview.tsx";
import "./import.css";

const ACCEPTED = ".yaml,.yml,.json,.csv,.tsv,.txt,.xlsx";
const MEGABYTE = 1024 * 1024;

interface Choices {
  file: File | null;
  name: string;
  slug: string;
  sheet: string;
}

/** The located problems of a failed import: row and column, or line, next to each message. */
function ImportErrors({ error }: { error: unknown }) {
  return (
    <div role="alert" className="callout callout--error import-errors">
      <h2 className="callout__title">The file could not be imported</h2>
      <p>{describeError(error)}</p>
      <ProblemList error={error} />
      <p className="muted">Nothing was saved. Fix the file and preview it again.</p>
    </div>
  );
}

export function FrameworkImportPage() {
  useDocumentTitle("Import a ladder");
  const navigate = useNavigate();
  const importFramework = useImportFramework();
  const [choices, setChoices] = useState<Choices>({ file: null, name: "", slug: "", sheet: "" });
  const [fileError, setFileError] = useState<string | undefined>();
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const previewRef = useRef<HTMLElement>(null);
  // A new preview takes the focus once it is on the page, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (preview) previewRef.current?.focus();
  }, [preview]);
  const serverErrors = fieldErrorsOf(importFramework.error);

  const change = (next: Partial<Choices>) => {
    setChoices((current) => ({ ...current, ...next }));
    // A new file or new options make the old preview stale.
    setPreview(null);
    importFramework.reset();
  };

  const options = (dryRun: boolean) => ({
    file: choices.file as File,
    dryRun,
    ...(choices.name.trim() ? { name: choices.name.trim() } : {}),
    ...(choices.slug.trim() ? { slug: choices.slug.trim() } : {}),
    ...(choices.sheet ? { sheet: choices.sheet } : {}),
  });

  async function handlePreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!choices.file) {
      setFileError("Choose a file to import.");
      event.currentTarget.querySelector<HTMLInputElement>("input[type=file]")?.focus();
      return;
    }
    if (choices.file.size > LIMITS.uploadBytes) {
      setFileError(`The file is ${(choices.file.size / MEGABYTE).toFixed(1)} MB; the limit is 5 MB.`);
      return;
    }
    setFileError(undefined);
    try {
      const result = await importFramework.mutateAsync(options(true));
      setPreview(result.preview);
    } catch {
      setPreview(null);
    }
  }

  async function handleCreate() {
    try {
      const result = await importFramework.mutateAsync(options(false));
      if (result.created) {
        await navigate(`/frameworks/${encodeURIComponent(result.created.slug)}`, {
          state: { notice: `Imported “${result.created.name}” as draft v${result.created.draftVersion ?? 1}.` },
        });
      }
    } catch {
      // Shown with the preview.
    }
  }

  const sheetNames = preview?.sheetNames ?? [];
  return (
    <>
      <PageHeading
        eyebrow={<Breadcrumb trail={[{ to: "/frameworks", label: "Frameworks" }]} current="Import" />}
        lead={
          <p>
            Bring your own ladder. A spreadsheet needs a header row naming the levels, one row per competency (an
            optional Area column groups them) and the expectation text in each cell. YAML and JSON files use Ascent’s
            framework format. You see a preview first; nothing is saved until you create the draft.
          </p>
        }
      >
        Import a ladder
      </PageHeading>

      <div className="card">
        <form className="form-stack" noValidate onSubmit={(event) => void handlePreview(event)}>
          <FormField
            label="Ladder file"
            hint="YAML, JSON, CSV (comma, semicolon or tab) or XLSX, up to 5 MB."
            error={fileError}
          >
            {(control) => (
              <input
                {...control}
                type="file"
                className="input"
                accept={ACCEPTED}
                onChange={(event) => {
                  setFileError(undefined);
                  change({ file: event.target.files?.[0] ?? null, sheet: "" });
                }}
              />
            )}
          </FormField>
          <div className="form-row">
            <TextField
              label="Name"
              hint="For spreadsheets; YAML and JSON files carry their own."
              isOptional
              value={choices.name}
              onChange={(name) => change({ name })}
              maxLength={LIMITS.shortText}
              error={serverErrors.name}
            />
            <TextField
              label="Short name for links"
              hint="Lowercase words joined by hyphens, e.g. acme-product. Made from the name when empty."
              isOptional
              value={choices.slug}
              onChange={(slug) => change({ slug })}
              maxLength={LIMITS.id}
              error={serverErrors.slug}
            />
            {sheetNames.length > 1 ? (
              <FormField label="Sheet" hint="The workbook has several sheets.">
                {(control) => (
                  <select
                    {...control}
                    className="select"
                    value={choices.sheet || preview?.sheetName || ""}
                    onChange={(event) => change({ sheet: event.target.value })}
                  >
                    {sheetNames.map((sheet) => (
                      <option key={sheet}>{sheet}</option>
                    ))}
                  </select>
                )}
              </FormField>
            ) : (
              <TextField
                label="Sheet"
                hint="XLSX only. The first sheet when empty."
                isOptional
                value={choices.sheet}
                onChange={(sheet) => change({ sheet })}
                maxLength={LIMITS.label}
              />
            )}
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={importFramework.isPending}>
              {importFramework.isPending && !preview ? "Reading the file…" : "Preview"}
            </button>
            <Link to="/frameworks" className="button button--secondary">
              Cancel
            </Link>
          </div>
        </form>
      </div>

      {importFramework.isError && <ImportErrors error={importFramework.error} />}

      {preview && (
        <ImportPreview
          ref={previewRef}
          preview={preview}
          fileName={choices.file?.name ?? ""}
          onCreate={() => void handleCreate()}
          isCreating={importFramework.isPending}
        />
      )}
    </>
  );
}
