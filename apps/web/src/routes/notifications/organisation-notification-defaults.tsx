import { useEffect, useState } from "react";
import type { TChannelSwitches, TMailChoice, TOrganisationNotificationDefault } from "@ascent/contract";
import {
  useOrganisationNotificationDefaults,
  useSaveOrganisationNotificationDefaults,
} from "../../api/notification-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { MAIL_CHOICES } from "./mail-choice.ts";

/** Admins: the defaults for everyone who has not chosen, and the switches that turn a mail channel off for all. */
export function OrganisationNotificationDefaults() {
  const saved = useOrganisationNotificationDefaults(true);
  const save = useSaveOrganisationNotificationDefaults();
  const [rows, setRows] = useState<TOrganisationNotificationDefault[]>([]);
  const [switches, setSwitches] = useState<TChannelSwitches>({ isEmailEnabled: true, isDigestEnabled: true });
  useEffect(() => {
    if (!saved.data) return;
    setRows(saved.data.defaults);
    setSwitches(saved.data.switches);
  }, [saved.data]);

  const change = (kind: string, patch: Partial<Pick<TOrganisationNotificationDefault, "inApp" | "mail">>) =>
    setRows((current) => current.map((row) => (row.kind === kind ? { ...row, ...patch } : row)));

  if (!saved.data) return null;
  return (
    <section className="notification-settings" aria-labelledby="organisation-defaults-heading">
      <h2 id="organisation-defaults-heading">For the whole organisation</h2>
      <p>
        As an admin you set what people get until they choose for themselves, and you can turn a mail channel off for
        everyone. Changes are recorded in the write log.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // A kind left as the app has it stays on the app's default, which may change with a release.
          const before = new Map(saved.data?.defaults.map((row) => [row.kind, row]));
          const chosen = rows.filter((row) => {
            const was = before.get(row.kind);
            return !was || !was.isAppDefault || was.inApp !== row.inApp || was.mail !== row.mail;
          });
          save.mutate({ defaults: chosen.map(({ kind, inApp, mail }) => ({ kind, inApp, mail })), switches });
        }}
      >
        <fieldset className="notification-settings__switches">
          <legend>Mail channels</legend>
          <label>
            <input
              type="checkbox"
              checked={switches.isEmailEnabled}
              onChange={() => setSwitches({ ...switches, isEmailEnabled: !switches.isEmailEnabled })}
            />{" "}
            Send a mail for each notification
          </label>
          <label>
            <input
              type="checkbox"
              checked={switches.isDigestEnabled}
              onChange={() => setSwitches({ ...switches, isDigestEnabled: !switches.isDigestEnabled })}
            />{" "}
            Send daily and weekly digests
          </label>
        </fieldset>
        <div className="table-card table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">The organisation's default channels for each kind</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">In Ascent</th>
                <th scope="col">By mail</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.kind}>
                  <th scope="row">
                    {row.label}
                    {row.isAppDefault && <span className="notification-settings__source">The app's default</span>}
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Default for ${row.label}: in Ascent`}
                      checked={row.inApp}
                      onChange={() => change(row.kind, { inApp: !row.inApp })}
                    />
                  </td>
                  <td>
                    <select
                      className="select"
                      aria-label={`Default for ${row.label}: by mail`}
                      value={row.mail}
                      onChange={(event) => change(row.kind, { mail: event.target.value as TMailChoice })}
                    >
                      {MAIL_CHOICES.map((choice) => (
                        <option key={choice.value} value={choice.value}>
                          {choice.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="inbox__actions">
          <button type="submit" className="button button--secondary" disabled={save.isPending}>
            Save organisation defaults
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
