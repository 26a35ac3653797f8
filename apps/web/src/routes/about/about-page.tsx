import { Link } from "react-router";
import { BUILTIN_FRAMEWORK, useFrameworkAbout } from "../../api/queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { TitleLookup } from "../titles/title-lookup.tsx";
import { TRACK_LABELS } from "../ladder/ladder-model.ts";
import "../ladder/ladder.css";
import "./about.css";

const TITLE = "About this ladder";

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function sourceName(sources: { id: string; author: string; title: string }[], id: string): string {
  const source = sources.find((s) => s.id === id);
  if (!source) return id;
  return source.title.includes(source.author) ? source.title : `${source.author}, “${source.title}”`;
}

export function AboutPage() {
  useDocumentTitle(TITLE);
  const about = useFrameworkAbout(BUILTIN_FRAMEWORK);

  if (about.isPending) {
    return (
      <>
        <PageHeading>{TITLE}</PageHeading>
        <LoadingState label="Loading where the ladder comes from…" />
      </>
    );
  }
  if (about.isError) {
    return (
      <>
        <PageHeading>{TITLE}</PageHeading>
        <ErrorState
          title="The ladder’s background could not be loaded"
          error={about.error}
          onRetry={() => void about.refetch()}
          isRetrying={about.isFetching}
        />
      </>
    );
  }

  const { name, description, version, sources, levels, competencyCount, descriptors, guidance } = about.data;
  const sourced = descriptors.total - descriptors.interpolated;
  // Levels that share a rank with a level on another track: the parallel steps (Principal PM beside Director).
  const parallel = levels.filter((level) => levels.some((o) => o.rank === level.rank && o.track !== level.track));
  const addedLevels = parallel
    .filter((level) => level.track === "ic" && descriptors.interpolatedLevels.includes(level.name))
    .map((level) => level.name);
  const betweenLevels = descriptors.interpolatedLevels.filter((name) => !addedLevels.includes(name));
  return (
    <>
      <PageHeading
        meta={
          <>
            <Badge tone="accent">{name}</Badge>
            <Badge tone="success">v{version}</Badge>
          </>
        }
        lead={<p>{description}</p>}
      >
        {TITLE}
      </PageHeading>

      <dl className="fact-list">
        <div>
          <dt>Levels</dt>
          <dd>{levels.length}</dd>
        </div>
        <div>
          <dt>Competencies</dt>
          <dd>{competencyCount}</dd>
        </div>
        <div>
          <dt>Descriptors from the sources</dt>
          <dd>{sourced}</dd>
        </div>
        <div>
          <dt>Descriptors interpolated</dt>
          <dd>{descriptors.interpolated}</dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        <p className="section__lead">
          The ladder’s facts come from these published works; every sentence in Ascent is the project’s own wording.
        </p>
        {sources.length === 0 ? (
          <p className="empty-note">This ladder cites no sources.</p>
        ) : (
          <ul className="source-list">
            {sources.map((source) => (
              <li key={source.id} className="card">
                <p className="source-list__citation">
                  <cite>{source.title}</cite>
                </p>
                <p className="muted">
                  {source.author}
                  {source.publisher && `, ${source.publisher}`}
                  {source.year !== undefined && `, ${source.year}`}
                </p>
                <p>
                  <strong>What the ladder takes from it: </strong>
                  {source.usedFor}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="levels-heading">
        <h2 id="levels-heading">The levels and their scope</h2>
        <p className="section__lead">
          A level is defined by the scope it owns, from one product to the company’s product vision.
        </p>
        <ol className="scope-ladder">
          {levels.map((level) => (
            <li key={level.id} className="scope-ladder__step">
              <span className="rank" aria-hidden="true">
                {level.rank}
              </span>
              <div>
                <p className="scope-ladder__name">
                  <Link to={`/ladder/levels/${encodeURIComponent(level.id)}`} className="strong-link">
                    {level.name}
                  </Link>{" "}
                  <span className={`track track--${level.track}`}>{TRACK_LABELS[level.track]}</span>
                </p>
                <p>{level.scope}</p>
                {level.aliases.length > 0 && <p className="cell-note">Also titled {level.aliases.join(", ")}</p>}
              </div>
            </li>
          ))}
        </ol>
      </section>

      {parallel.length > 0 && (
        <section className="section" aria-labelledby="tracks-heading">
          <h2 id="tracks-heading">Parallel tracks</h2>
          <ul>
            {[...new Set(parallel.map((level) => level.rank))].map((rank) => (
              <li key={rank}>
                At rank {rank}:{" "}
                {listInWords(
                  parallel
                    .filter((level) => level.rank === rank)
                    .map((level) => `${level.name} (${TRACK_LABELS[level.track].toLowerCase()})`),
                )}
                . The level below can move on to either.
              </li>
            ))}
          </ul>
          {addedLevels.length > 0 && (
            <p>
              The sources describe one ladder, from Product Manager to Chief Product Officer.{" "}
              <strong>{listInWords(addedLevels)}</strong> is the project’s own addition, for people who grow in scope
              without managing a team: its scope and every descriptor are interpolated. The project stops at one rung;
              an organisation with Staff or Distinguished roles can add them on the same track.
            </p>
          )}
          <p>
            <Link to="/ladder">See the tracks and the moves between them</Link>, or{" "}
            <Link to="/growth/compare-targets">compare your readiness for two levels</Link>.
          </p>
        </section>
      )}

      <section className="section" aria-labelledby="interpolated-heading">
        <h2 id="interpolated-heading">Which descriptors are interpolated</h2>
        <div className="card">
          {descriptors.interpolated === 0 ? (
            <p>Every one of the {descriptors.total} descriptors comes straight from the sources.</p>
          ) : (
            <>
              <p>
                <strong>
                  {descriptors.interpolated} of {descriptors.total}
                </strong>{" "}
                descriptors were written by the project and are marked “interpolated” wherever they appear.
              </p>
              {betweenLevels.length > 0 && (
                <p>
                  All of <strong>{listInWords(betweenLevels)}</strong>: the sources describe the levels on either side,
                  and these sit between them.
                </p>
              )}
              {addedLevels.length > 0 && (
                <p>
                  All of <strong>{listInWords(addedLevels)}</strong>: the project’s own individual-contributor step,
                  which the sources do not describe at all.
                </p>
              )}
              {descriptors.interpolatedAtSourcedLevels.length > 0 && (
                <p>
                  At levels the sources do describe, they leave out{" "}
                  <strong>
                    {listInWords(
                      descriptors.interpolatedAtSourcedLevels.map(
                        (d) => `${d.competency.toLowerCase()} for ${d.level}`,
                      ),
                    )}
                  </strong>
                  , so the project wrote those too.
                </p>
              )}
              <p className="muted">
                Treat them as a reasoned starting point: adjust them to your organisation by editing a draft of the
                ladder.
              </p>
            </>
          )}
        </div>
      </section>

      {guidance && guidance.careerPlanning.length > 0 && (
        <section className="section" aria-labelledby="planning-heading">
          <h2 id="planning-heading">Planning a career in {guidance.careerPlanning.length} steps</h2>
          <p className="section__lead">Long-term progression is planned, not waited for. The ladder suggests:</p>
          <ol className="planning-steps">
            {guidance.careerPlanning.map((step) => (
              <li key={step.id} className="card planning-step">
                <h3 className="planning-step__name">{step.name}</h3>
                <p>{step.summary}</p>
                {step.themes.length > 0 && (
                  <ul className="tag-list" aria-label={`Themes of ${step.name}`}>
                    {step.themes.map((theme) => (
                      <li key={theme} className="tag">
                        {theme}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      {guidance?.vpRole.notes && guidance.vpRole.notes.length > 0 && (
        <section className="section" aria-labelledby="vp-notes-heading">
          <h2 id="vp-notes-heading">Reaching and holding the VP role</h2>
          <p className="section__lead">
            Four points the advancement advisor also makes, each from{" "}
            {listInWords([...new Set(guidance.vpRole.notes.map((note) => sourceName(sources, note.sourceId)))])}:
          </p>
          <ul className="planning-steps">
            {guidance.vpRole.notes.map((note) => (
              <li key={note.id} className="card planning-step">
                <h3 className="planning-step__name">{note.name}</h3>
                <p>{note.text}</p>
                <p className="cell-note">Source: {sourceName(sources, note.sourceId)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="section" aria-labelledby="fluid-heading">
        <h2 id="fluid-heading">Titles are fluid</h2>
        <p className="section__lead">
          The same title means different things at different companies: one company’s Senior PM owns what another’s PM
          owns, and a Head of Product may run one team or the whole function. Ascent places people by the scope and
          skills the ladder describes, and maps each company title onto a level, with a confidence and the reason.
        </p>
        <TitleLookup headingLevel={3} />
      </section>
    </>
  );
}
