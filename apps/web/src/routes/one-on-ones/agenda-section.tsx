import type { TOneOnOne } from "@ascent/contract";
import { Link } from "react-router";
import { EmptyState } from "../../ui/empty-state.tsx";

export function AgendaSection({ meeting }: { meeting: TOneOnOne }) {
  const { agenda, lead, report } = meeting;
  const ownerName = (id: string) => (id === lead.id ? lead.name : id === report.id ? report.name : "someone");
  return (
    <section className="card agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" className="card__title">
        Agenda
      </h2>
      {agenda.playbook && (
        <p className="muted">
          From the{" "}
          <Link to={`/ladder/playbooks/${encodeURIComponent(agenda.playbook.id)}`}>
            {agenda.playbook.name} playbook
          </Link>
          {agenda.playbook.isNearestPair
            ? ": your levels are not adjacent on the ladder, so this is the nearest pair's playbook."
            : "."}
        </p>
      )}
      {agenda.carriedOver.length > 0 && (
        <div className="agenda__carried">
          <h3>Still open from last time</h3>
          <ul className="check-list">
            {agenda.carriedOver.map((item) => (
              <li key={item.id}>
                {item.text} <span className="muted">({ownerName(item.ownerId)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {agenda.aspects.length === 0 ? (
        <EmptyState title="No playbook for this pair">
          <p>
            One of you has a title that is not placed on the ladder, so no playbook applies. Ask an administrator to map
            the title; until then, use the shared notes for your own agenda.
          </p>
        </EmptyState>
      ) : (
        <ol className="aspect-list">
          {agenda.aspects.map((aspect) => (
            <li key={aspect.id} className="aspect">
              <h3 className="aspect__name">{aspect.name}</h3>
              <dl className="aspect__brings">
                <div>
                  <dt>{lead.name} brings</dt>
                  <dd>{aspect.leadBrings}</dd>
                </div>
                <div>
                  <dt>{report.name} brings</dt>
                  <dd>{aspect.reportBrings}</dd>
                </div>
              </dl>
              {aspect.prompts.length > 0 && (
                <>
                  <p className="aspect__prompts-title">To talk about</p>
                  <ul className="aspect__prompts">
                    {aspect.prompts.map((prompt) => (
                      <li key={prompt}>{prompt}</li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
