/** Move up, move down and remove buttons for one row of an editor table. */
export function RowOrderActions({
  name,
  index,
  count,
  onMove,
  onRemove,
}: {
  /** What the buttons act on, read by screen readers: "level 3 (Director)". */
  name: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <td className="row-actions">
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        ↑<span className="visually-hidden"> Move {name} up</span>
      </button>
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        ↓<span className="visually-hidden"> Move {name} down</span>
      </button>
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={count === 1}
        onClick={onRemove}
      >
        Remove<span className="visually-hidden"> {name}</span>
      </button>
    </td>
  );
}
