import { useState } from "react";
import { useMoveInNineBox } from "../../api/calibration-queries.ts";
import { FormField } from "../../ui/form-field.tsx";
import { BANDS, boxLabel, isSameBox, type Box } from "./calibration-labels.ts";
import type { MoveRequest } from "./nine-box.tsx";
import { ReasonDialog } from "./reason-dialog.tsx";

const ALL_BOXES: Box[] = [...BANDS]
  .reverse()
  .flatMap((potential) => BANDS.map((performance) => ({ performance, potential })));
const keyOf = (box: Box) => `${box.performance}:${box.potential}`;

/**
 * Asks where to (prefilled by an arrow key or a drop) and why, then moves the person. The caller gives
 * each request its own key, so the target and any earlier refusal start fresh.
 */
export function MoveDialog({
  sessionId,
  request,
  onClose,
  onMoved,
}: {
  sessionId: string;
  request: MoveRequest | null;
  onClose: () => void;
  onMoved: (message: string, to: Box) => void;
}) {
  const move = useMoveInNineBox(sessionId);
  const person = request?.person;
  const [target, setTarget] = useState<Box | null>(() =>
    request ? (request.target ?? ALL_BOXES.find((b) => !isSameBox(b, request.person.box)) ?? null) : null,
  );

  return (
    <ReasonDialog
      isOpen={request !== null}
      onClose={onClose}
      title={person ? `Move ${person.name}` : "Move"}
      description={person ? <p>Now in: {boxLabel(person.box)}.</p> : null}
      confirmLabel="Move"
      isBusy={move.isPending}
      error={move.error}
      onSubmit={(reason) => {
        if (!person || !target) return;
        move.mutate(
          { subjectId: person.personId, to: target, reason },
          {
            onSuccess: () => {
              onMoved(`Moved ${person.name} to ${boxLabel(target)}.`, target);
              onClose();
            },
          },
        );
      }}
    >
      <FormField label="Move to">
        {(control) => (
          <select
            {...control}
            className="select"
            value={target ? keyOf(target) : ""}
            onChange={(event) => setTarget(ALL_BOXES.find((b) => keyOf(b) === event.target.value) ?? null)}
          >
            {ALL_BOXES.map((box) => (
              <option key={keyOf(box)} value={keyOf(box)} disabled={person ? isSameBox(box, person.box) : false}>
                {boxLabel(box)}
                {person && isSameBox(box, person.box) ? " (now)" : ""}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </ReasonDialog>
  );
}
