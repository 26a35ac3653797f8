import { useEffect, useMemo, useState } from "react";
import { useDeliverySchedule, useSaveDeliverySchedule } from "../../api/notification-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { FormField } from "../../ui/form-field.tsx";

/** Every zone the browser knows, with the saved one kept even if this browser does not list it. */
function zoneOptions(saved: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", saved, ...zones])].sort();
}

/** The person's time zone and the hours in which mail waits. */
export function QuietHoursSettings() {
  const saved = useDeliverySchedule();
  const save = useSaveDeliverySchedule();
  const [timeZone, setTimeZone] = useState("UTC");
  const [hasQuietHours, setHasQuietHours] = useState(false);
  const [start, setStart] = useState("22:00");
  const [end, setEnd] = useState("07:00");
  useEffect(() => {
    if (!saved.data) return;
    setTimeZone(saved.data.timeZone);
    setHasQuietHours(saved.data.quietHours !== null);
    if (saved.data.quietHours) {
      setStart(saved.data.quietHours.start);
      setEnd(saved.data.quietHours.end);
    }
  }, [saved.data]);
  const zones = useMemo(() => zoneOptions(saved.data?.timeZone ?? "UTC"), [saved.data?.timeZone]);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const errors = save.isError ? fieldErrorsOf(save.error) : {};

  if (!saved.data) return null;
  return (
    <section className="notification-settings" aria-labelledby="quiet-hours-heading">
      <h2 id="quiet-hours-heading">Quiet hours</h2>
      <p>
        Mail that would reach you in your quiet hours waits until they end. Notifications in Ascent are never held back.
        Digests come at 08:00 in your time zone.
      </p>
      <form
        className="quiet-hours"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ timeZone, quietHours: hasQuietHours ? { start, end } : null });
        }}
      >
        <FormField
          label="Your time zone"
          hint={browserZone && browserZone !== timeZone ? `This browser is in ${browserZone}.` : undefined}
          error={errors.timeZone}
        >
          {(control) => (
            <select {...control} className="select" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <p className="quiet-hours__toggle">
          <label>
            <input type="checkbox" checked={hasQuietHours} onChange={() => setHasQuietHours(!hasQuietHours)} /> Hold
            mail during quiet hours
          </label>
        </p>
        {hasQuietHours && (
          <div className="quiet-hours__window">
            <FormField label="From" error={errors["quietHours.start"]}>
              {(control) => (
                <input
                  {...control}
                  type="time"
                  className="input"
                  required
                  value={start}
                  onChange={(e) => setStart(e.target.value)}
                />
              )}
            </FormField>
            <FormField label="Until" error={errors["quietHours.end"]}>
              {(control) => (
                <input
                  {...control}
                  type="time"
                  className="input"
                  required
                  value={end}
                  onChange={(e) => setEnd(e.target.value)}
                />
              )}
            </FormField>
          </div>
        )}
        <p className="inbox__actions">
          <button type="submit" className="button button--secondary" disabled={save.isPending}>
            Save quiet hours
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
