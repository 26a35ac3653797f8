import type { TFramework } from "@ascent/contract";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

type Competency = TFramework["competencies"][number];

const UNGROUPED = "Other";

/** Groups competencies by area, keeping the order in which the framework first mentions each area. */
function groupByArea(competencies: Competency[]): [string, Competency[]][] {
  const groups = new Map<string, Competency[]>();
  for (const competency of competencies) {
    const area = competency.area.trim() || UNGROUPED;
    groups.set(area, [...(groups.get(area) ?? []), competency]);
  }
  return [...groups];
}

export function CompetencyAreas({ competencies }: { competencies: Competency[] }) {
  const areas = groupByArea(competencies);
  return (
    <section className="section">
      <h2 id="competencies-heading">Competencies</h2>
      <p className="section__lead">
        {competencies.length} competencies in {areas.length} {areas.length === 1 ? "area" : "areas"}. Every level sets
        an expected rating for each of them.
      </p>
      <div className="area-grid">
        {areas.map(([area, members]) => (
          <div key={area} className="card area">
            <h3 className="card__title">
              {area}{" "}
              <span className="count">
                {members.length}
                <VisuallyHidden> competencies</VisuallyHidden>
              </span>
            </h3>
            <dl className="competency-list">
              {members.map((competency) => (
                <div key={competency.id}>
                  <dt>{competency.name}</dt>
                  <dd>{competency.description}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
    </section>
  );
}
