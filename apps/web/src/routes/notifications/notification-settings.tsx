import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import type { TMailChoice, TNotificationPreference } from "@ascent/contract";
import { useNotificationPreferences, useSaveNotificationPreferences } from "../../api/notification-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { isSwitchedOff, MAIL_CHOICES } from "./mail-choice.ts";

const SOURCE_NOTE: Record<TNotificationPreference["source"], string> = {
  person: "",
  organisation: "Your organisation's default",
  app: "The app's default",
};

/** Per kind of notification: in the app or not, and mail each time, by digest or not at all. */
export function NotificationSettings() {
  const saved = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const [rows, setRows] = useState<TNotificationPreference[]>([]);
  const [params] = useSearchParams();
  const focusKind = params.get("kind");
  const hasFocused = useRef(false);
  useEffect(() => {
    if (saved.data) setRows(saved.data.preferences);
  }, [saved.data]);
  // A mail's "choose how you are told" link names its kind: take the reader straight to that choice.
  useEffect(() => {
    if (!focusKind || hasFocused.current || rows.length === 0) return;
    const control = document.getElementById(`mail-${focusKind}`);
    if (control) {
      hasFocused.current = true;
      control.scrollIntoView({ block: "center" });
      control.focus();
    }
  }, [focusKind, rows]);

  const change = (kind: string, patch: Partial<Pick<TNotificationPreference, "inApp" | "mail">>) =>
    setRows((current) => current.map((row) => (row.kind === kind ? { ...row, ...patch } : row)));

  if (!saved.data) return null;
  const { switches } = saved.data;
  return (
    <section id="settings" className="notification-settings" aria-labelledby="notification-settings-heading">
      <h2 id="notification-settings-heading">How you are told</h2>
      {(!switches.isEmailEnabled || !switches.isDigestEnabled) && (
        <p className="callout callout--note">
          {!switches.isEmailEnabled && "Your organisation has turned off a mail for each notification. "}
          {!switches.isDigestEnabled && "Your organisation has turned off digest mail. "}
          Choices that need it send no mail until it is back on.
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // Only the person's own choices are saved: an untouched kind keeps following the defaults.
          const before = new Map(saved.data?.preferences.map((row) => [row.kind, row]));
          const chosen = rows.filter((row) => {
            const was = before.get(row.kind);
            return !was || was.source === "person" || was.inApp !== row.inApp || was.mail !== row.mail;
          });
          save.mutate(chosen.map(({ kind, inApp, mail }) => ({ kind, inApp, mail })));
        }}
      >
        <div className="table-card table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Channels for each kind of notification</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">In Ascent</th>
                <th scope="col">By mail</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const reasonId = `mail-${row.kind}-reason`;
                const isOff = isSwitchedOff(row.mail, switches);
                return (
                  <tr key={row.kind}>
                    <th scope="row">
                      {row.label}
                      {SOURCE_NOTE[row.source] && (
                        <span className="notification-settings__source">{SOURCE_NOTE[row.source]}</span>
                      )}
                    </th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${row.label}: in Ascent`}
                        checked={row.inApp}
                        onChange={() => change(row.kind, { inApp: !row.inApp })}
                      />
                    </td>
                    <td>
                      <select
                        id={`mail-${row.kind}`}
                        className="select"
                        aria-label={`${row.label}: by mail`}
                        aria-describedby={isOff ? reasonId : undefined}
                        value={row.mail}
                        onChange={(event) => change(row.kind, { mail: event.target.value as TMailChoice })}
                      >
                        {MAIL_CHOICES.map((choice) => {
                          const isDisabled = isSwitchedOff(choice.value, switches);
                          return (
                            // The saved choice stays selectable so that the form shows it as it is.
                            <option
                              key={choice.value}
                              value={choice.value}
                              disabled={isDisabled && choice.value !== row.mail}
                            >
                              {isDisabled ? `${choice.label} (turned off)` : choice.label}
                            </option>
                          );
                        })}
                      </select>
                      {isOff && (
                        <p id={reasonId} className="form-field__hint">
                          {row.mailDisabledReason ?? "Your organisation has turned this channel off."}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="inbox__actions">
          <button type="submit" className="button button--secondary" disabled={save.isPending}>
            Save settings
          </button>
        </p>
        {save.isSuccess && (
          <p role="status" className="callout callout--success">
            Saved.
          </p>
        )}
        {save.isError && (
          <p role="alert" className="callout callout--error">
            {describeError(save.error)}
          </p>
        )}
      </form>
    </section>
  );
}
