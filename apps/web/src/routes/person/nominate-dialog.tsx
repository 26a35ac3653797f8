import type { TPerson } from "@ascent/contract";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useLadderLevels } from "../../api/people-queries.ts";
import { useNominate, useRequestNomination } from "../../api/promotion-queries.ts";
import { TextField } from "../../ui/text-field.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { FormField } from "../../ui/form-field.tsx";
import { ModalDialog } from "../../ui/modal-dialog.tsx";

/** The ladder's levels above the person's own, by rank; none while they have no level. */
function useLevelsAbove(person: TPerson) {
  const { levels } = useLadderLevels();
  const currentRank = levels?.find((level) => level.id === person.level?.id)?.rank ?? null;
  return (levels ?? []).filter((level) => currentRank !== null && level.rank > currentRank);
}

/** A manager nominates a direct report for a higher level on any track; the case opens as a draft. */
export function NominateButton({ person }: { person: TPerson }) {
  const [isOpen, setIsOpen] = useState(false);
  const nominate = useNominate();
  const navigate = useNavigate();
  const above = useLevelsAbove(person);
  const [target, setTarget] = useState("");
  const chosen = target || above[0]?.id || "";
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setIsOpen(true)}>
        Nominate for promotion
      </button>
      <ModalDialog
        isOpen={isOpen}
        onClose={() => setIsOpen(false)}
        title={`Nominate ${person.name}`}
        description="The case opens as a draft for you to write; nothing is sent until you submit it to a committee."
        isBusy={nominate.isPending}
      >
        {above.length === 0 ? (
          <p>{person.name} has no level above theirs on the ladder, or has no level yet.</p>
        ) : (
          <FormField label="Target level">
            {(control) => (
              <select
                {...control}
                className="select"
                value={chosen}
                onChange={(event) => setTarget(event.target.value)}
              >
                {above.map((level) => (
                  <option key={level.id} value={level.id}>
                    {level.rank}. {level.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {nominate.error ? (
          <p role="alert" className="form-error">
            {describeError(nominate.error)}
          </p>
        ) : null}
        <div className="modal-dialog__actions">
          <button type="button" className="button button--secondary" onClick={() => setIsOpen(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="button"
            disabled={chosen === "" || nominate.isPending}
            onClick={() =>
              nominate.mutate(
                { personId: person.id, toLevelId: chosen },
                { onSuccess: (view) => void navigate(`/promotions/${view.case.id}`) },
              )
            }
          >
            {nominate.isPending ? "Opening…" : "Open the case"}
          </button>
        </div>
      </ModalDialog>
    </>
  );
}

/** A person asks their manager to nominate them; the manager is told, and decides. */
export function AskForNominationButton({ person }: { person: TPerson }) {
  const [isOpen, setIsOpen] = useState(false);
  const request = useRequestNomination();
  const above = useLevelsAbove(person);
  const [target, setTarget] = useState("");
  const [note, setNote] = useState("");
  const chosen = target || above[0]?.id || "";
  if (request.isSuccess) {
    return <p role="status">Your manager has been asked. They decide whether to open a case.</p>;
  }
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setIsOpen(true)}>
        Ask my manager to nominate me
      </button>
      <ModalDialog
        isOpen={isOpen}
        onClose={() => setIsOpen(false)}
        title="Ask to be nominated"
        description="Your manager is told in Ascent and by mail. Nothing opens until they nominate you."
        isBusy={request.isPending}
      >
        <FormField label="Target level">
          {(control) => (
            <select {...control} className="select" value={chosen} onChange={(event) => setTarget(event.target.value)}>
              {above.map((level) => (
                <option key={level.id} value={level.id}>
                  {level.rank}. {level.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <TextField label="A note for your manager" isOptional multiline value={note} onChange={setNote} />
        {request.error ? (
          <p role="alert" className="form-error">
            {describeError(request.error)}
          </p>
        ) : null}
        <div className="modal-dialog__actions">
          <button type="button" className="button button--secondary" onClick={() => setIsOpen(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="button"
            disabled={chosen === "" || request.isPending}
            onClick={() => request.mutate({ toLevelId: chosen, note }, { onSuccess: () => setIsOpen(false) })}
          >
            Ask
          </button>
        </div>
      </ModalDialog>
    </>
  );
}
