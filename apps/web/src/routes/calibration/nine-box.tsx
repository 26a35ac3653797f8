import type { TCalibrationPerson } from "@ascent/contract";
import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { BANDS, boxLabel, isSameBox, neighbourBox, type Box } from "./calibration-labels.ts";

export interface MoveRequest {
  person: TCalibrationPerson;
  /** The box an arrow key or a drop chose; null when the person is to choose it. */
  target: Box | null;
}

/** A person just moved: focus follows them to their new box once the page shows it there. */
export interface FocusRequest {
  personId: string;
  box: Box;
}

interface NineBoxProps {
  people: TCalibrationPerson[];
  isFrozen: boolean;
  onMove: (request: MoveRequest) => void;
  focus: FocusRequest | null;
  onFocused: () => void;
  /** While a dialog is open the page behind it is inert and cannot take focus. */
  isDialogOpen: boolean;
}

const DRAG_TYPE = "application/x-ascent-person";
// Potential runs upward, so the grid's first row is high potential.
const ROWS = [...BANDS].reverse();

/**
 * Performance × potential. A person is a button: an arrow key asks to move them one box that way,
 * Enter asks where to; a pointer can drag them to another box. Every move goes through the reason dialog.
 */
export function NineBox({ people, isFrozen, onMove, focus, onFocused, isDialogOpen }: NineBoxProps) {
  const helpId = useId();
  const gridRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus || isDialogOpen) return;
    const moved = people.find((p) => p.personId === focus.personId);
    if (!moved || !isSameBox(moved.box, focus.box)) return;
    gridRef.current?.querySelector<HTMLElement>(`[data-person-id="${focus.personId}"]`)?.focus();
    onFocused();
  }, [people, focus, onFocused, isDialogOpen]);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const byId = new Map(people.map((p) => [p.personId, p]));

  function handleDrop(event: DragEvent, box: Box) {
    event.preventDefault();
    setDropTarget(null);
    const person = byId.get(event.dataTransfer.getData(DRAG_TYPE));
    if (person && !isSameBox(person.box, box)) onMove({ person, target: box });
  }

  return (
    <>
      <p id={helpId} className="muted">
        Performance grows to the right, potential upward.{" "}
        {isFrozen
          ? "The session is closed: the boxes are final."
          : "Focus a person and press an arrow key to move them one box, or press Enter to choose the box; you can also drag a person. Every move asks for a reason."}
      </p>
      <div className="nine-box">
        <p className="nine-box__axis nine-box__axis--y" aria-hidden="true">
          Potential →
        </p>
        <div className="nine-box__grid" ref={gridRef}>
          {ROWS.flatMap((potential) =>
            BANDS.map((performance) => {
              const box = { performance, potential };
              const key = `${performance}-${potential}`;
              const inBox = people.filter((p) => isSameBox(p.box, box));
              return (
                <section
                  key={key}
                  className={`nine-box__cell${dropTarget === key ? " nine-box__cell--target" : ""}`}
                  aria-label={`${boxLabel(box)}: ${inBox.length === 1 ? "1 person" : `${inBox.length} people`}`}
                  onDragOver={
                    isFrozen
                      ? undefined
                      : (event) => {
                          event.preventDefault();
                          setDropTarget(key);
                        }
                  }
                  onDragLeave={() => setDropTarget((current) => (current === key ? null : current))}
                  onDrop={isFrozen ? undefined : (event) => handleDrop(event, box)}
                >
                  <h3 className="nine-box__title">{boxLabel(box)}</h3>
                  <ul className="nine-box__people">
                    {inBox.map((person) => (
                      <li key={person.personId}>
                        <PersonChip person={person} isFrozen={isFrozen} helpId={helpId} onMove={onMove} />
                      </li>
                    ))}
                  </ul>
                </section>
              );
            }),
          )}
        </div>
        <p className="nine-box__axis nine-box__axis--x" aria-hidden="true">
          Performance →
        </p>
      </div>
    </>
  );
}

function PersonChip({
  person,
  isFrozen,
  helpId,
  onMove,
}: {
  person: TCalibrationPerson;
  isFrozen: boolean;
  helpId: string;
  onMove: (request: MoveRequest) => void;
}) {
  const isMoved = !isSameBox(person.box, person.proposedBox);
  const movedNote = isMoved ? <span className="nine-box__moved"> (moved)</span> : null;
  if (isFrozen) {
    return (
      <span className="nine-box__person nine-box__person--static">
        {person.name}
        {movedNote}
      </span>
    );
  }
  function handleKeyDown(event: KeyboardEvent) {
    const target = neighbourBox(person.box, event.key);
    if (!event.key.startsWith("Arrow")) return;
    event.preventDefault();
    if (target) onMove({ person, target });
  }
  return (
    <button
      type="button"
      className="nine-box__person"
      data-person-id={person.personId}
      draggable
      aria-describedby={helpId}
      aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight"
      onKeyDown={handleKeyDown}
      onClick={() => onMove({ person, target: null })}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, person.personId);
        event.dataTransfer.effectAllowed = "move";
      }}
    >
      {person.name}
      {movedNote}
    </button>
  );
}
