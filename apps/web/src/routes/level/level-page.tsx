import { Link, useParams } from "react-router";
import { BUILTIN_FRAMEWORK, useFrameworkVersion } from "../../api/queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { LadderBreadcrumb } from "../ladder/ladder-breadcrumb.tsx";
import "../ladder/ladder.css";
import "./level.css";
import {
  applies,
  competenciesByArea,
  expectationOf,
  levelsByRank,
  scaleLabel,
  TRACK_LABELS,
} from "../ladder/ladder-model.ts";

export function LevelPage() {
  const levelId = useParams().levelId ?? "";
  const version = useFrameworkVersion(BUILTIN_FRAMEWORK, "latest");
  const level = version.data?.document.levels.find((l) => l.id === levelId);
  useDocumentTitle(level?.name ?? (version.isPending ? "Level" : "Level not found"));

  if (version.isPending) return <LoadingState label="Loading the level…" />;
  if (version.isError) {
    return (
      <>
        <PageHeading eyebrow={<LadderBreadcrumb current="Level" />}>Level</PageHeading>
        <ErrorState
          title="The ladder could not be loaded"
          error={version.error}
          onRetry={() => void version.refetch()}
          isRetrying={version.isFetching}
        />
      </>
    );
  }
  const framework = version.data.document;
  if (!level) {
    return (
      <>
        <PageHeading
          eyebrow={<LadderBreadcrumb current="Not found" />}
          lead={<p>The ladder has no level “{levelId}”. Pick one of its levels instead:</p>}
        >
          Level not found
        </PageHeading>
        <ul className="link-list">
          {levelsByRank(framework).map((l) => (
            <li key={l.id}>
              <Link to={`/ladder/levels/${encodeURIComponent(l.id)}`}>{l.name}</Link>
            </li>
          ))}
        </ul>
      </>
    );
  }

  const levels = levelsByRank(framework);
  const index = levels.findIndex((l) => l.id === level.id);
  const previous = levels[index - 1];
  const next = levels[index + 1];
  const compareLink = (from: string, to: string) =>
    `/ladder/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

  return (
    <>
      <PageHeading
        eyebrow={<LadderBreadcrumb current={level.name} />}
        meta={
          <>
            <Badge tone="accent">
              Level {level.rank} of {levels.length}
            </Badge>
            <span className={`track track--${level.track}`}>{TRACK_LABELS[level.track]}</span>
          </>
        }
        lead={<p>{level.summary}</p>}
      >
        {level.name}
      </PageHeading>

      <dl className="level-facts">
        <div>
          <dt>Scope</dt>
          <dd>{level.scope}</dd>
        </div>
        <div>
          <dt>Also titled</dt>
          <dd>
            {level.aliases.length > 0 ? (
              <ul className="tag-list">
                {level.aliases.map((alias) => (
                  <li key={alias} className="tag">
                    {alias}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">No other titles recorded.</span>
            )}
          </dd>
        </div>
      </dl>

      <p className="actions level-nav">
        {previous && (
          <Link to={compareLink(previous.id, level.id)} className="button button--secondary">
            What changes from {previous.name}
          </Link>
        )}
        {next && (
          <Link to={compareLink(level.id, next.id)} className="button button--secondary">
            What changes at {next.name}
          </Link>
        )}
      </p>

      <section className="section" aria-labelledby="expectations-heading">
        <h2 id="expectations-heading">What {level.name} expects</h2>
        <p className="section__lead">
          Every competency with the proficiency expected at this level on the {framework.scale.min}–
          {framework.scale.max} scale, its weight in readiness, and what it looks like in practice.
        </p>
        {competenciesByArea(framework).map(({ area, competencies }) => (
          <div key={area} className="expectation-group">
            <h3 className="expectation-group__title">{area}</h3>
            <ul className="expectation-list">
              {competencies.map((competency) => {
                const expectation = expectationOf(framework, level.id, competency.id);
                return (
                  <li key={competency.id} className="card expectation">
                    <div className="expectation__header">
                      <h4 className="expectation__name">{competency.name}</h4>
                      {expectation && (
                        <div className="expectation__numbers">
                          <span className={`score-pill matrix-cell--${Math.round(expectation.expected)}`}>
                            {scaleLabel(framework, expectation.expected)}
                          </span>
                          <span className="muted">
                            {applies(expectation) ? `Weight ${expectation.weight}` : "Does not apply (weight 0)"}
                          </span>
                          {expectation.interpolated && <Badge tone="neutral">Interpolated</Badge>}
                        </div>
                      )}
                    </div>
                    <p className="descriptor">{expectation?.descriptor ?? "No expectation set for this level."}</p>
                    {expectation?.interpolated && (
                      <p className="muted expectation__note">
                        Written by the project: the sources give no descriptor for it at this level.
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}
