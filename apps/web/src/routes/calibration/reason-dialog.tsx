import { LIMITS } from "@ascent/contract";
import { useState, type FormEvent, type ReactNode } from "react";
import { describeError, fieldErrors } from "../../ui/describe-error.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { TextField } from "../../ui/text-field.tsx";

export interface ReasonDialogProps {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Fields above the reason, such as the new rating or the target box. */
  children?: ReactNode;
  onSubmit: (reason: string) => void;
  isBusy: boolean;
  error: unknown;
}

/**
 * Every calibration change asks why. The reason is sent as typed: the server refuses a missing one,
 * and its message is shown here, so the rule lives in one place.
 */
export function ReasonDialog({
  isOpen,
  onClose,
  title,
  description,
  confirmLabel,
  children,
  onSubmit,
  isBusy,
  error,
}: ReasonDialogProps) {
  return (
    <ModalDialog isOpen={isOpen} onClose={onClose} title={title} description={description} isBusy={isBusy}>
      <ReasonForm onClose={onClose} confirmLabel={confirmLabel} onSubmit={onSubmit} isBusy={isBusy} error={error}>
        {children}
      </ReasonForm>
    </ModalDialog>
  );
}

function ReasonForm({
  onClose,
  confirmLabel,
  children,
  onSubmit,
  isBusy,
  error,
}: Pick<ReasonDialogProps, "onClose" | "confirmLabel" | "children" | "onSubmit" | "isBusy" | "error">) {
  const [reason, setReason] = useState("");
  const errors = fieldErrors(error);
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onSubmit(reason);
  }
  return (
    <form onSubmit={handleSubmit} noValidate>
      {children}
      <TextField
        label="Reason"
        hint="Recorded with your name and the time in the audit log; the manager sees it."
        multiline
        rows={3}
        value={reason}
        onChange={setReason}
        maxLength={LIMITS.calibrationReason}
        error={errors.reason}
      />
      {error && !errors.reason ? (
        <p role="alert" className="form-error">
          {describeError(error)}
        </p>
      ) : null}
      <div className="modal-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={isBusy}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={isBusy}>
          {isBusy ? "Saving…" : confirmLabel}
        </button>
      </div>
    </form>
  );
}
