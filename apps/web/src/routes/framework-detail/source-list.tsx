import type { TFramework } from "@ascent/contract";

type Source = TFramework["sources"][number];

export function SourceList({ sources }: { sources: Source[] }) {
  return (
    <section className="section">
      <h2 id="sources-heading">Sources</h2>
      <ul className="source-list">
        {sources.map((source) => (
          <li key={source.id} className="card">
            <p className="source-list__citation">
              <cite>{source.title}</cite>
              <span className="muted">
                {" "}
                by {source.author}
                {source.publisher && `, ${source.publisher}`}
                {source.year !== undefined && `, ${source.year}`}
              </span>
            </p>
            <p>{source.usedFor}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
