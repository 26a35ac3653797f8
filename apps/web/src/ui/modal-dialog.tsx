import { useEffect, useId, useRef, type ReactNode } from "react";
import "./controls.css";
import "./modal-dialog.css";

export interface ModalDialogProps {
  isOpen: boolean;
  /** Called when the dialog closes by Escape, the close button or a caller's own button. */
  onClose: () => void;
  title: string;
  /** A sentence under the title that says what the dialog is for; read out when it opens. */
  description?: ReactNode;
  children: ReactNode;
  /** While true (a save is running) Escape and the close button do nothing. */
  isBusy?: boolean;
  size?: "normal" | "wide";
}

/**
 * A modal on the native <dialog>: showModal() makes the page behind it inert, so focus stays
 * inside, and Escape closes it. Focus starts on the element marked `data-autofocus` (else the
 * first control) and goes back to whatever opened it. The content is mounted only while open,
 * so forms inside start fresh each time.
 */
export function ModalDialog({
  isOpen,
  onClose,
  title,
  description,
  children,
  isBusy = false,
  size = "normal",
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<Element | null>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  const isBusyRef = useRef(isBusy);
  useEffect(() => {
    onCloseRef.current = onClose;
    isBusyRef.current = isBusy;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      openerRef.current = document.activeElement;
      dialog.showModal();
      // React does not render `autoFocus` as an attribute, so the dialog cannot honour it itself.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!isOpen && dialog.open) {
      dialog.close();
    }
  }, [isOpen]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    function handleCancel(event: Event) {
      if (isBusyRef.current) event.preventDefault();
    }
    function handleClose() {
      const opener = openerRef.current;
      // The opener may have gone (a row that was removed): then the browser's own choice stands.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      onCloseRef.current();
    }
    dialog.addEventListener("cancel", handleCancel);
    dialog.addEventListener("close", handleClose);
    return () => {
      dialog.removeEventListener("cancel", handleCancel);
      dialog.removeEventListener("close", handleClose);
    };
  }, []);

  // Closing while unmounting (the page navigated away) must not leave the page inert.
  useEffect(() => () => ref.current?.close(), []);

  return (
    <dialog
      ref={ref}
      className={`modal-dialog modal-dialog--${size}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
    >
      {isOpen && (
        <div className="modal-dialog__inner">
          <div className="modal-dialog__header">
            <h2 id={titleId} className="modal-dialog__title">
              {title}
            </h2>
            <button
              type="button"
              className="modal-dialog__close"
              aria-label="Close"
              disabled={isBusy}
              onClick={() => ref.current?.close()}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
          {description && (
            <div id={descriptionId} className="modal-dialog__description">
              {description}
            </div>
          )}
          <div className="modal-dialog__body">{children}</div>
        </div>
      )}
    </dialog>
  );
}
