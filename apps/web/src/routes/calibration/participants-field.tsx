import { LIMITS } from "@ascent/contract";
import { useState } from "react";
import { PersonPicker, type PickedPerson } from "../people/person-picker.tsx";

/** Participants chosen one by one; none chosen means the managers of the people in scope. */
export function ParticipantsField({
  value,
  onChange,
}: {
  value: PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
}) {
  const [picked, setPicked] = useState<PickedPerson | null>(null);
  const isFull = value.length >= LIMITS.calibrationScopeEntries;
  function add(person: PickedPerson | null) {
    setPicked(null);
    if (person && !value.some((p) => p.id === person.id) && !isFull) onChange([...value, person]);
  }
  return (
    <>
      <PersonPicker
        legend="Add a participant"
        hint="Leave the list empty to invite the managers of the people in scope. Type two or more letters of a name, then choose."
        value={picked}
        onChange={add}
        noneLabel="Choose someone to add"
      />
      {value.length > 0 && (
        <ul className="participant-list" aria-label="Participants">
          {value.map((person) => (
            <li key={person.id}>
              {person.name}{" "}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onChange(value.filter((p) => p.id !== person.id))}
              >
                Remove<span className="visually-hidden"> {person.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
