import { LIMITS, type TTitleOverride } from "@ascent/contract";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import {
  useLadderLevels,
  useRemoveTitleOverride,
  useSetTitleOverride,
  useTitleOverrides,
  useTitleResolution,
  useViewer,
} from "../../api/people-queries.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { describeError, fieldErrors } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { AdminOnly } from "../people/admin-only.tsx";
import "../people/people.css";

function LevelOptions() {
  const { levels } = useLadderLevels();
  return (
    <>
      {(levels ?? []).map((level) => (
        <option key={level.id} value={level.id}>
          {level.rank}. {level.name}
        </option>
      ))}
    </>
  );
}

function useSettled(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** What title mapping makes of the typed title right now, overrides included. */
function ResolvePreview({ title }: { title: string }) {
  const settled = useSettled(title, 300);
  const resolution = useTitleResolution(settled);
  let text = "Type a title to see where it lands today.";
  if (settled.trim() && resolution.isError) text = `The title could not be checked: ${describeError(resolution.error)}`;
  else if (settled.trim() && resolution.data) {
    const { levelName, confidence, reason } = resolution.data;
    const sure = `${Math.round(confidence * 100)}% sure`;
    text = levelName
      ? `Today “${settled.trim()}” lands on ${levelName} (${sure}: ${reason}).`
      : `Today “${settled.trim()}” is not placed on the ladder (${reason}).`;
  } else if (settled.trim()) text = "Checking…";
  return (
    <p className="resolve-preview" role="status">
      {text}
    </p>
  );
}

function AddMappingForm() {
  const [title, setTitle] = useState("");
  const [levelId, setLevelId] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const save = useSetTitleOverride();
  const shown = { ...fieldErrors(save.error), ...errors };

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = "Enter the title as your company writes it.";
    if (!levelId) found.levelId = "Choose the level this title sits at.";
    setErrors(found);
    setSaved("");
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    save.mutate(
      { title: title.trim(), levelId },
      {
        onSuccess: (override) => {
          setSaved(`Saved: “${override.title}” now maps to ${override.levelName ?? override.levelId}.`);
          setTitle("");
          setLevelId("");
        },
      },
    );
  }

  const otherError = save.error && Object.keys(fieldErrors(save.error)).length === 0 ? save.error : null;
  return (
    <form ref={formRef} className="card form-stack" aria-labelledby="add-mapping-heading" onSubmit={submit} noValidate>
      <h2 id="add-mapping-heading" className="card__title">
        Add a mapping
      </h2>
      <div className="form-row">
        <FormField label="Company title" error={shown.title}>
          {(control) => (
            <input
              {...control}
              className="input"
              autoComplete="off"
              maxLength={LIMITS.shortText}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </FormField>
        <FormField label="Ladder level" error={shown.levelId}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={levelId}
              onChange={(event) => setLevelId(event.target.value)}
            >
              <option value="">Choose a level…</option>
              <LevelOptions />
            </select>
          )}
        </FormField>
      </div>
      <ResolvePreview title={title} />
      {otherError ? (
        <p role="alert" className="form-error">
          {describeError(otherError)}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save mapping"}
        </button>
      </div>
      <p role="status" className="saved-note">
        {saved}
      </p>
    </form>
  );
}

function EditMappingDialog({ override, onClose }: { override: TTitleOverride | null; onClose: () => void }) {
  return (
    <ModalDialog
      isOpen={override !== null}
      onClose={onClose}
      title={override ? `Change “${override.title}”` : "Change mapping"}
      description="Choose the level this title sits at. People imported from now on get it."
    >
      {override && <EditMappingForm override={override} onClose={onClose} />}
    </ModalDialog>
  );
}

function EditMappingForm({ override, onClose }: { override: TTitleOverride; onClose: () => void }) {
  const [levelId, setLevelId] = useState(override.levelId);
  const save = useSetTitleOverride();
  return (
    <form
      className="form-stack"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ title: override.title, levelId }, { onSuccess: onClose });
      }}
    >
      <FormField label="Ladder level" error={save.error ? describeError(save.error) : undefined}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={levelId}
            onChange={(event) => setLevelId(event.target.value)}
            data-autofocus
          >
            <LevelOptions />
          </select>
        )}
      </FormField>
      <div className="modal-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={save.isPending}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}

function OverridesTable({ overrides }: { overrides: TTitleOverride[] }) {
  const [editing, setEditing] = useState<TTitleOverride | null>(null);
  const [removing, setRemoving] = useState<TTitleOverride | null>(null);
  const remove = useRemoveTitleOverride();
  const sorted = [...overrides].sort((a, b) => a.title.localeCompare(b.title));
  return (
    <>
      <div className="table-card table-scroll">
        <table className="data-table" aria-labelledby="overrides-heading">
          <thead>
            <tr>
              <th scope="col">Company title</th>
              <th scope="col">Ladder level</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((override) => (
              <tr key={override.title}>
                <th scope="row">
                  <span className="cell-title">{override.title}</span>
                </th>
                <td data-label="Level">{override.levelName ?? override.levelId}</td>
                <td data-label="Actions" className="row-actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={`Change “${override.title}”`}
                    onClick={() => setEditing(override)}
                  >
                    Change
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={`Remove “${override.title}”`}
                    onClick={() => {
                      remove.reset();
                      setRemoving(override);
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <EditMappingDialog override={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        isOpen={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing ? `Remove “${removing.title}”?` : "Remove mapping?"}
        confirmLabel="Remove mapping"
        busyLabel="Removing…"
        isBusy={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.title, { onSuccess: () => setRemoving(null) })}
      >
        <p>
          Title mapping goes back to placing this title by itself. People already imported keep the level they have.
        </p>
      </ConfirmDialog>
    </>
  );
}

function TitleMapping() {
  const overrides = useTitleOverrides();
  return (
    <>
      <AddMappingForm />
      <section className="section" aria-labelledby="overrides-heading">
        <h2 id="overrides-heading">
          Your mappings {overrides.data && <span className="count">{overrides.data.overrides.length}</span>}
        </h2>
        {overrides.isPending ? (
          <LoadingState label="Loading mappings…" />
        ) : overrides.isError ? (
          <ErrorState
            title="The mappings could not be loaded"
            error={overrides.error}
            onRetry={() => void overrides.refetch()}
            isRetrying={overrides.isFetching}
          />
        ) : overrides.data.overrides.length === 0 ? (
          <div className="empty-state">
            <h3 className="empty-state__title">No mappings yet</h3>
            <p>
              Title mapping places most titles by itself. Add a mapping above when it places a title wrongly or not at
              all; titles it could not place also show up, with a “Map this title” control, when you{" "}
              <Link to="/people/import">import people</Link>.
            </p>
          </div>
        ) : (
          <OverridesTable overrides={overrides.data.overrides} />
        )}
      </section>
    </>
  );
}

export function TitleMappingPage() {
  useDocumentTitle("Title mapping");
  const viewer = useViewer();
  return (
    <>
      <PageHeading
        lead={
          <p>
            The same title means different things at different companies. Title mapping reads each company title and
            places it on the ladder; your mappings here win over its guesses, for lookups and for every people import
            from now on.
          </p>
        }
      >
        Title mapping
      </PageHeading>
      {viewer.isAdmin ? <TitleMapping /> : <AdminOnly what="Mapping titles" />}
    </>
  );
}
