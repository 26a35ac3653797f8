import type { ReactNode } from "react";
import { describeError } from "./describe-error.ts";
import { ModalDialog } from "./modal-dialog.tsx";

export interface ConfirmDialogProps {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Label while the action runs, e.g. "Removing…". */
  busyLabel: string;
  onConfirm: () => void;
  isBusy: boolean;
  /** The last attempt's failure, shown in the dialog so the person can retry or cancel. */
  error?: unknown;
  tone?: "danger" | "normal";
}

/** Asks before an action that cannot simply be undone; Cancel is focused first, so Enter does no harm. */
export function ConfirmDialog({
  isOpen,
  onClose,
  title,
  children,
  confirmLabel,
  busyLabel,
  onConfirm,
  isBusy,
  error,
  tone = "danger",
}: ConfirmDialogProps) {
  return (
    <ModalDialog isOpen={isOpen} onClose={onClose} title={title} description={children} isBusy={isBusy}>
      {error ? (
        <p role="alert" className="form-error">
          {describeError(error)}
        </p>
      ) : null}
      <div className="modal-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={isBusy} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className={`button${tone === "danger" ? " button--danger" : ""}`}
          onClick={onConfirm}
          disabled={isBusy}
        >
          {isBusy ? busyLabel : confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
