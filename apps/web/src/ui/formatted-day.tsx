// A calendar day (yyyy-mm-dd) has no time zone: read and shown as UTC it is the same day everywhere.
const dayFormat = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

/** A date-only value such as an evidence entry's day, without the shift a local time zone would add. */
export function FormattedDay({ day }: { day: string }) {
  return <time dateTime={day}>{dayFormat.format(new Date(`${day.slice(0, 10)}T00:00:00Z`))}</time>;
}
