import { LIMITS, type TOneOnOne, type TOneOnOneActionItem } from "@ascent/contract";
import { useId, useRef, useState, type FormEvent } from "react";
import { useUpdateOneOnOne } from "../../api/one-on-one-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { FormField } from "../../ui/form-field.tsx";

/** Agreed follow-ups, each owned by one of the two; open ones carry over to the next 1:1. */
export function ActionItemsSection({ meeting }: { meeting: TOneOnOne }) {
  const update = useUpdateOneOnOne(meeting.id);
  const idPrefix = useId();
  const me = meeting.viewerSide === "lead" ? meeting.lead : meeting.report;
  const other = meeting.viewerSide === "lead" ? meeting.report : meeting.lead;
  const participants = [me, other];
  const [text, setText] = useState("");
  const [ownerId, setOwnerId] = useState(me.id);
  const [announcement, setAnnouncement] = useState("");
  const textRef = useRef<HTMLInputElement>(null);
  const errors = fieldErrorsOf(update.error);

  function saveItems(items: TOneOnOneActionItem[], message: string, onDone?: () => void) {
    update.mutate(
      {
        actionItems: items.map(({ id, text: itemText, ownerId: owner, isDone }) => ({
          id,
          text: itemText,
          ownerId: owner,
          isDone,
        })),
      },
      {
        onSuccess: () => {
          setAnnouncement(message);
          onDone?.();
        },
      },
    );
  }

  function add(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      {
        actionItems: [
          ...meeting.actionItems.map(({ id, text: t, ownerId: o, isDone }) => ({ id, text: t, ownerId: o, isDone })),
          { text, ownerId, isDone: false },
        ],
      },
      {
        onSuccess: () => {
          setAnnouncement(`Added “${text.trim()}” for ${ownerId === me.id ? "you" : other.name}.`);
          setText("");
          textRef.current?.focus();
        },
      },
    );
  }

  const newItemError = Object.entries(errors).find(([path]) => path.startsWith("actionItems"))?.[1];

  return (
    <section className="card" aria-labelledby="action-items-heading">
      <h2 id="action-items-heading" className="card__title">
        Action items
      </h2>
      {meeting.actionItems.length === 0 ? (
        <p className="muted">No action items yet. Add what each of you agreed to do before the next 1:1.</p>
      ) : (
        <ul className="action-items">
          {meeting.actionItems.map((item) => (
            <li key={item.id} className="action-item">
              <span className="checkbox">
                <input
                  id={`${idPrefix}-${item.id}`}
                  type="checkbox"
                  checked={item.isDone}
                  disabled={update.isPending}
                  onChange={(event) =>
                    saveItems(
                      meeting.actionItems.map((i) => (i.id === item.id ? { ...i, isDone: event.target.checked } : i)),
                      `“${item.text}” marked ${event.target.checked ? "done" : "not done"}.`,
                    )
                  }
                />
                <label htmlFor={`${idPrefix}-${item.id}`} className={item.isDone ? "is-done" : undefined}>
                  {item.text}
                </label>
              </span>
              <span className="action-item__controls">
                <label htmlFor={`${idPrefix}-${item.id}-owner`} className="visually-hidden">
                  Who does “{item.text}”
                </label>
                <select
                  id={`${idPrefix}-${item.id}-owner`}
                  className="select select--compact"
                  value={item.ownerId}
                  disabled={update.isPending}
                  onChange={(event) =>
                    saveItems(
                      meeting.actionItems.map((i) => (i.id === item.id ? { ...i, ownerId: event.target.value } : i)),
                      `“${item.text}” is now for ${event.target.value === me.id ? "you" : other.name}.`,
                    )
                  }
                >
                  {participants.map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.id === me.id ? "You" : person.name}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  disabled={update.isPending}
                  onClick={() =>
                    saveItems(
                      meeting.actionItems.filter((i) => i.id !== item.id),
                      `Removed “${item.text}”.`,
                      () => textRef.current?.focus(),
                    )
                  }
                >
                  Remove<span className="visually-hidden"> “{item.text}”</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <form className="action-item-form" onSubmit={add} noValidate aria-label="Add an action item">
        <FormField label="New action item" error={newItemError}>
          {(control) => (
            <input
              {...control}
              ref={textRef}
              className="input"
              value={text}
              maxLength={LIMITS.shortText}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </FormField>
        <FormField label="Who">
          {(control) => (
            <select
              {...control}
              className="select"
              value={ownerId}
              onChange={(event) => setOwnerId(event.target.value)}
            >
              {participants.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.id === me.id ? "You" : person.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="action-item-form__submit">
          <button type="submit" className="button button--secondary" disabled={update.isPending || !text.trim()}>
            Add
          </button>
        </div>
      </form>
      {update.isError && !newItemError && (
        <p role="alert" className="form-error">
          {describeError(update.error)}
        </p>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </section>
  );
}
