import type { TFramework } from "@ascent/contract";
import { Link } from "react-router";
import { levelsByRank, movesFrom, TRACK_LABELS, type Level } from "./ladder-model.ts";
import { PositionMark, type LadderPosition } from "./you-are-here.tsx";

const TRACK_ORDER: Level["track"][] = ["ic", "manager", "executive"];

/** The framework as tracks side by side, one row per rank, with where each level leads. */
export function TracksGrid({
  framework,
  position = null,
}: {
  framework: TFramework;
  position?: LadderPosition | null;
}) {
  const tracks = TRACK_ORDER.filter((track) => framework.levels.some((l) => l.track === track));
  const ranks = [...new Set(levelsByRank(framework).map((l) => l.rank))];
  return (
    <section className="section" aria-labelledby="tracks-heading">
      <h2 id="tracks-heading">Tracks</h2>
      <p className="muted">
        Each column is a track; levels on one row carry the same seniority. Under each level: where it leads.
      </p>
      <div className="matrix-scroll">
        <table className="tracks-grid">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              {tracks.map((track) => (
                <th key={track} scope="col">
                  {TRACK_LABELS[track]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ranks.map((rank) => (
              <tr key={rank}>
                <th scope="row" className="numeric">
                  {rank}
                </th>
                {tracks.map((track) => {
                  const level = framework.levels.find((l) => l.rank === rank && l.track === track);
                  return (
                    <td key={track} data-label={TRACK_LABELS[track]}>
                      {level && <TrackCell framework={framework} level={level} position={position} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TrackCell({
  framework,
  level,
  position,
}: {
  framework: TFramework;
  level: Level;
  position: LadderPosition | null;
}) {
  const moves = movesFrom(framework, level);
  return (
    <div className="tracks-grid__level">
      <Link to={`/ladder/levels/${encodeURIComponent(level.id)}`}>{level.name}</Link>
      <PositionMark levelId={level.id} position={position} />
      {moves.length > 0 && (
        <span className="cell-note">
          → {moves.map((m) => m.name).join(" or ")}
          {moves.length > 1 && (
            <>
              {" "}
              <Link
                to={`/growth/compare-targets?a=${encodeURIComponent(moves[0]?.id ?? "")}&b=${encodeURIComponent(moves[1]?.id ?? "")}`}
              >
                (compare my readiness)
              </Link>
            </>
          )}
        </span>
      )}
    </div>
  );
}
