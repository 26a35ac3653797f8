import { useDeactivatePerson } from "../../api/people-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";

export interface DeactivateTarget {
  id: string;
  name: string;
}

type Deactivation = ReturnType<typeof useDeactivatePerson>;

function DeactivateContent({
  target,
  deactivate,
  onClose,
}: {
  target: DeactivateTarget;
  deactivate: Deactivation;
  onClose: () => void;
}) {
  if (deactivate.isSuccess) {
    const { warnings } = deactivate.data;
    return (
      <>
        <div role="status">
          <p>They can no longer sign in, and have been signed out everywhere.</p>
          {warnings.length > 0 && (
            <div className="callout callout--warning">
              <h3 className="callout__title">Check before you move on</h3>
              <ul className="warning-list">
                {warnings.map((warning) => (
                  <li key={warning}>{warning}.</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="modal-dialog__actions">
          <button type="button" className="button" onClick={onClose} data-autofocus>
            Done
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      {deactivate.isError && (
        <p role="alert" className="form-error">
          {describeError(deactivate.error)}
        </p>
      )}
      <div className="modal-dialog__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={onClose}
          disabled={deactivate.isPending}
          data-autofocus
        >
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => deactivate.mutate()}
          disabled={deactivate.isPending}
        >
          {deactivate.isPending ? "Deactivating…" : `Deactivate ${target.name}`}
        </button>
      </div>
    </>
  );
}

/**
 * Deactivation keeps the person and their history but stops them signing in. What the server
 * warns about (reports still pointing at them) is shown in the dialog once it is done.
 */
export function DeactivatePersonDialog({ target, onClose }: { target: DeactivateTarget | null; onClose: () => void }) {
  const deactivate = useDeactivatePerson(target?.id ?? "");
  const close = () => {
    deactivate.reset();
    onClose();
  };
  const name = target?.name ?? "";
  return (
    <ModalDialog
      isOpen={target !== null}
      onClose={close}
      title={deactivate.isSuccess ? `${name} is now inactive` : `Deactivate ${name}?`}
      isBusy={deactivate.isPending}
      {...(deactivate.isSuccess
        ? {}
        : {
            description: (
              <p>
                They will no longer be able to sign in, and any open sessions end now. Their assessments, evidence and
                place in the reporting chain stay; you can reactivate them later.
              </p>
            ),
          })}
    >
      {target && <DeactivateContent target={target} deactivate={deactivate} onClose={close} />}
    </ModalDialog>
  );
}
