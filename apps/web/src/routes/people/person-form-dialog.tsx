import type { TPerson, TUpdatePersonBody } from "@ascent/contract";
import { LIMITS } from "@ascent/contract";
import { useId, useRef, useState, type FormEvent } from "react";
import {
  useCreatePerson,
  useKnownTeams,
  useLadderLevels,
  usePerson,
  useUpdatePerson,
} from "../../api/people-queries.ts";
import { describeError, fieldErrors } from "../../ui/describe-error.ts";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { PersonPicker, type PickedPerson } from "./person-picker.tsx";

interface FormValues {
  name: string;
  email: string;
  title: string;
  levelId: string;
  team: string;
  manager: PickedPerson | null;
  /** Asked for only when an edit moves the level; kept in the person's level history. */
  levelChangeReason: string;
}

const EMPTY: FormValues = {
  name: "",
  email: "",
  title: "",
  levelId: "",
  team: "",
  manager: null,
  levelChangeReason: "",
};

function valuesOf(person: TPerson): FormValues {
  return {
    name: person.name,
    email: person.email,
    title: person.title,
    levelId: person.level?.id ?? "",
    team: person.team,
    manager: person.manager,
    levelChangeReason: "",
  };
}

function validate(values: FormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = "Enter the person’s name.";
  if (!values.email.trim()) errors.email = "Enter a work email; it is how they will sign in.";
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
    errors.email = "Enter an email like name@company.com.";
  return errors;
}

/** Only what changed, so an edit touches (and audits) just those fields. */
function changesBetween(before: FormValues, after: FormValues): TUpdatePersonBody {
  const body: TUpdatePersonBody = {};
  if (after.name.trim() !== before.name) body.name = after.name.trim();
  if (after.email.trim() !== before.email) body.email = after.email.trim();
  if (after.title.trim() !== before.title) body.title = after.title.trim();
  if (after.team.trim() !== before.team) body.team = after.team.trim();
  if (after.levelId !== before.levelId) {
    body.levelId = after.levelId || null;
    if (after.levelChangeReason.trim()) body.levelChangeReason = after.levelChangeReason.trim();
  }
  if ((after.manager?.id ?? null) !== (before.manager?.id ?? null)) body.managerId = after.manager?.id ?? null;
  return body;
}

interface PersonFormProps {
  initial: FormValues;
  personId: string | null;
  submitLabel: string;
  busyLabel: string;
  isBusy: boolean;
  serverError: unknown;
  onSubmit: (values: FormValues) => void;
  onCancel: () => void;
}

function PersonForm({
  initial,
  personId,
  submitLabel,
  busyLabel,
  isBusy,
  serverError,
  onSubmit,
  onCancel,
}: PersonFormProps) {
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const teamsId = useId();
  const { levels } = useLadderLevels();
  const teams = useKnownTeams();
  const errors = { ...fieldErrors(serverError), ...clientErrors };
  const otherError = serverError && Object.keys(fieldErrors(serverError)).length === 0 ? serverError : null;
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validate(values);
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      // Move to the first field that needs fixing; its message is tied to it.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit(values);
  }

  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={handleSubmit}>
      <div className="form-row">
        <FormField label="Name" error={errors.name}>
          {(control) => (
            <input
              {...control}
              className="input"
              autoComplete="off"
              maxLength={LIMITS.shortText}
              value={values.name}
              onChange={(e) => set("name", e.target.value)}
              data-autofocus
            />
          )}
        </FormField>
        <FormField label="Work email" error={errors.email}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              autoComplete="off"
              maxLength={LIMITS.email}
              value={values.email}
              onChange={(e) => set("email", e.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="form-row">
        <FormField label="Company title" isOptional hint="As your company writes it." error={errors.title}>
          {(control) => (
            <input
              {...control}
              className="input"
              autoComplete="off"
              maxLength={LIMITS.shortText}
              value={values.title}
              onChange={(e) => set("title", e.target.value)}
            />
          )}
        </FormField>
        <FormField label="Ladder level" isOptional hint="Where the title sits on the ladder." error={errors.levelId}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={values.levelId}
              onChange={(e) => set("levelId", e.target.value)}
            >
              <option value="">Not placed yet</option>
              {(levels ?? []).map((level) => (
                <option key={level.id} value={level.id}>
                  {level.rank}. {level.name}
                </option>
              ))}
              {values.levelId && levels && !levels.some((l) => l.id === values.levelId) && (
                <option value={values.levelId}>{values.levelId}</option>
              )}
            </select>
          )}
        </FormField>
      </div>
      {personId !== null && values.levelId !== initial.levelId && (
        <FormField
          label="Why the level changes"
          isOptional
          hint="Kept in their level history, which they and their managers can read."
          error={errors.levelChangeReason}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={LIMITS.shortText}
              value={values.levelChangeReason}
              onChange={(e) => set("levelChangeReason", e.target.value)}
            />
          )}
        </FormField>
      )}
      <FormField label="Team" isOptional error={errors.team}>
        {(control) => (
          <>
            <input
              {...control}
              className="input"
              autoComplete="off"
              list={teamsId}
              maxLength={LIMITS.shortText}
              value={values.team}
              onChange={(e) => set("team", e.target.value)}
            />
            <datalist id={teamsId}>
              {(teams.data ?? []).map((team) => (
                <option key={team} value={team} />
              ))}
            </datalist>
          </>
        )}
      </FormField>
      <PersonPicker
        legend="Manager"
        value={values.manager}
        onChange={(manager) => set("manager", manager)}
        noneLabel="No manager (top of the organisation)"
        {...(personId ? { excludeId: personId } : {})}
        error={errors.managerId}
      />
      {otherError ? (
        <p role="alert" className="form-error">
          {describeError(otherError)}
        </p>
      ) : null}
      <div className="modal-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={isBusy}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={isBusy}>
          {isBusy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}

export function AddPersonDialog({
  isOpen,
  onClose,
  onAdded,
}: {
  isOpen: boolean;
  onClose: () => void;
  onAdded: (person: TPerson) => void;
}) {
  const create = useCreatePerson();
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <ModalDialog
      isOpen={isOpen}
      onClose={close}
      title="Add a person"
      description="They can sign in once you send them an invite link from their page."
      isBusy={create.isPending}
      size="wide"
    >
      <PersonForm
        initial={EMPTY}
        personId={null}
        submitLabel="Add person"
        busyLabel="Adding…"
        isBusy={create.isPending}
        serverError={create.error}
        onCancel={close}
        onSubmit={(values) =>
          create.mutate(
            {
              name: values.name.trim(),
              email: values.email.trim(),
              title: values.title.trim(),
              team: values.team.trim(),
              levelId: values.levelId || null,
              managerId: values.manager?.id ?? null,
            },
            { onSuccess: (person) => onAdded(person) },
          )
        }
      />
    </ModalDialog>
  );
}

function EditPersonForm({ person, onClose, onSaved }: { person: TPerson; onClose: () => void; onSaved: () => void }) {
  const update = useUpdatePerson(person.id);
  const initial = valuesOf(person);
  return (
    <PersonForm
      initial={initial}
      personId={person.id}
      submitLabel="Save changes"
      busyLabel="Saving…"
      isBusy={update.isPending}
      serverError={update.error}
      onCancel={onClose}
      onSubmit={(values) => {
        const body = changesBetween(initial, values);
        if (Object.keys(body).length === 0) return onClose();
        update.mutate(body, { onSuccess: onSaved });
      }}
    />
  );
}

function EditPersonContent({
  personId,
  onClose,
  onSaved,
}: {
  personId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const person = usePerson(personId);
  if (person.isPending) return <LoadingState label="Loading their details…" />;
  if (person.isError) {
    return (
      <p role="alert" className="form-error">
        {describeError(person.error)}
      </p>
    );
  }
  return <EditPersonForm person={person.data} onClose={onClose} onSaved={onSaved} />;
}

export function EditPersonDialog({
  personId,
  personName,
  onClose,
  onSaved,
}: {
  /** Open while set. */
  personId: string | null;
  personName: string;
  onClose: () => void;
  onSaved?: () => void;
}) {
  return (
    <ModalDialog isOpen={personId !== null} onClose={onClose} title={`Edit ${personName}`} size="wide">
      {personId && (
        <EditPersonContent
          personId={personId}
          onClose={onClose}
          onSaved={() => {
            onSaved?.();
            onClose();
          }}
        />
      )}
    </ModalDialog>
  );
}
