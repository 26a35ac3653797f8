import type { TFramework } from "@ascent/contract";

type Level = TFramework["levels"][number];

const TRACK_LABELS: Record<Level["track"], string> = {
  ic: "Individual contributor",
  manager: "Manager",
  executive: "Executive",
};

export function LevelsTable({ levels }: { levels: Level[] }) {
  const ordered = [...levels].sort((a, b) => a.rank - b.rank);
  return (
    <section className="section">
      <h2 id="levels-heading">Levels</h2>
      <p className="section__lead">
        Ordered from first step to most senior. Scope is what a level owns; titles vary between companies, so each level
        lists the titles it is also known by.
      </p>
      <div className="table-card">
        <table className="data-table" aria-labelledby="levels-heading">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Rank
              </th>
              <th scope="col">Level</th>
              <th scope="col">Track</th>
              <th scope="col">Scope</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((level) => (
              <tr key={level.id}>
                <td data-label="Rank" className="numeric level-rank">
                  <span className="rank">{level.rank}</span>
                </td>
                <th scope="row" data-label="Level">
                  <span className="cell-title">{level.name}</span>
                  {level.aliases.length > 0 && (
                    <span className="cell-note">Also titled {level.aliases.join(", ")}</span>
                  )}
                </th>
                <td data-label="Track">
                  <span className={`track track--${level.track}`}>{TRACK_LABELS[level.track]}</span>
                </td>
                <td data-label="Scope">{level.scope}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
