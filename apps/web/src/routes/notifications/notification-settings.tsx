import { useEffect, useState } from "react";
import type { TNotificationPreference } from "@ascent/contract";
import { useNotificationPreferences, useSaveNotificationPreferences } from "../../api/notification-queries.ts";
import { describeError } from "../../ui/describe-error.ts";

type Channel = "inApp" | "email";

/** Per kind of notification: in the app, by mail, both or neither (off). */
export function NotificationSettings() {
  const saved = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const [rows, setRows] = useState<TNotificationPreference[]>([]);
  useEffect(() => {
    if (saved.data) setRows(saved.data);
  }, [saved.data]);

  const toggle = (kind: string, channel: Channel) =>
    setRows((current) => current.map((row) => (row.kind === kind ? { ...row, [channel]: !row[channel] } : row)));

  if (!saved.data) return null;
  return (
    <section className="notification-settings" aria-labelledby="notification-settings-heading">
      <h2 id="notification-settings-heading">How you are told</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(rows.map(({ kind, inApp, email }) => ({ kind, inApp, email })));
        }}
      >
        <div className="table-card table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Channels for each kind of notification</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">In Ascent</th>
                <th scope="col">By email</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.kind}>
                  <th scope="row">{row.label}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${row.label}: in Ascent`}
                      checked={row.inApp}
                      onChange={() => toggle(row.kind, "inApp")}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${row.label}: by email`}
                      checked={row.email}
                      onChange={() => toggle(row.kind, "email")}
                    />
                  </td>
                </tr>
              ))}
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
