/** The promise every feedback page makes, with the organisation's k. */
export function AnonymityNote({ k, audience }: { k: number | null; audience: "asker" | "rater" }) {
  const threshold = k ?? 3;
  return (
    <aside className="callout anonymity-note" aria-label="How answers are kept anonymous">
      <h2 className="callout__title">Answers are anonymous</h2>
      <p>
        {audience === "asker"
          ? "Nobody sees who answered or how: not you, not managers, not admins. "
          : "Nobody sees your answers on their own or with your name: not the person, their managers or admins. "}
        Peer and upward answers are shown only as an average over at least {threshold} people, and only once the request
        closes, all together.
      </p>
    </aside>
  );
}
