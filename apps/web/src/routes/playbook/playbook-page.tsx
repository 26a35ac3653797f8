import type { TFramework } from "@ascent/contract";
import { Link, useParams } from "react-router";
import { BUILTIN_FRAMEWORK, useFrameworkVersion } from "../../api/queries.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { LadderBreadcrumb } from "../ladder/ladder-breadcrumb.tsx";
import "./playbook.css";

type Playbook = TFramework["playbooks"][number];

/** Every playbook of the ladder, the current one marked: the way from one pair to the next. */
export function PlaybookLinks({ framework, currentId }: { framework: TFramework; currentId?: string }) {
  const levelName = (id: string) => framework.levels.find((level) => level.id === id)?.name ?? id;
  return (
    <ul className="playbook-links" aria-label="Collaboration playbooks">
      {framework.playbooks.map((playbook) => (
        <li key={playbook.id}>
          <Link
            to={`/ladder/playbooks/${encodeURIComponent(playbook.id)}`}
            aria-current={playbook.id === currentId ? "page" : undefined}
            className="playbook-links__link"
          >
            {levelName(playbook.lowerLevelId)} <span aria-hidden="true">↔</span>
            <span className="visually-hidden"> and </span> {levelName(playbook.upperLevelId)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function PlaybookPage() {
  const { playbookId = "" } = useParams();
  const version = useFrameworkVersion(BUILTIN_FRAMEWORK, "latest");
  const framework = version.data?.document;
  const playbook = framework?.playbooks.find((p) => p.id === playbookId);
  useDocumentTitle(playbook ? `${playbook.name} playbook` : "Collaboration playbook");

  if (version.isPending) return <LoadingState label="Loading the playbook…" />;
  if (version.isError || !framework) {
    return (
      <>
        <PageHeading eyebrow={<LadderBreadcrumb current="Playbook" />}>Collaboration playbook</PageHeading>
        <ErrorState
          title="The playbook could not be loaded"
          error={version.error}
          onRetry={() => void version.refetch()}
          isRetrying={version.isFetching}
        />
      </>
    );
  }
  if (!playbook) {
    return (
      <>
        <PageHeading eyebrow={<LadderBreadcrumb current="Playbook" />}>No such playbook</PageHeading>
        <div className="empty-state">
          <h2 className="empty-state__title">This ladder has no playbook “{playbookId}”</h2>
          <p>These are the playbooks it has:</p>
          <PlaybookLinks framework={framework} />
        </div>
      </>
    );
  }
  return <PlaybookView framework={framework} playbook={playbook} />;
}

function PlaybookView({ framework, playbook }: { framework: TFramework; playbook: Playbook }) {
  const levelName = (id: string) => framework.levels.find((level) => level.id === id)?.name ?? id;
  const lower = levelName(playbook.lowerLevelId);
  const upper = levelName(playbook.upperLevelId);
  return (
    <>
      <PageHeading
        eyebrow={<LadderBreadcrumb current="Playbook" />}
        lead={
          <p>
            How a {lower} and a {upper} work together, in {playbook.aspects.length} aspects: what each side brings, and
            questions to take into your 1:1s.
          </p>
        }
      >
        {lower} and {upper}
      </PageHeading>
      <nav className="playbook-nav" aria-label="Other playbooks">
        <PlaybookLinks framework={framework} currentId={playbook.id} />
        <p className="cell-note">
          <Link
            to={`/ladder/compare?from=${encodeURIComponent(playbook.lowerLevelId)}&to=${encodeURIComponent(playbook.upperLevelId)}`}
          >
            What changes from {lower} to {upper}
          </Link>{" "}
          · <Link to="/one-on-ones">Your 1:1s</Link>
        </p>
      </nav>
      <ol className="playbook-aspects">
        {playbook.aspects.map((aspect, index) => (
          <li key={aspect.id} className="card playbook-aspect">
            <h2 className="playbook-aspect__name">
              <span className="rank" aria-hidden="true">
                {index + 1}
              </span>{" "}
              {aspect.name}
            </h2>
            <dl className="playbook-aspect__sides">
              <div>
                <dt>The {lower} brings</dt>
                <dd>{aspect.lowerBrings}</dd>
              </div>
              <div>
                <dt>The {upper} brings</dt>
                <dd>{aspect.upperBrings}</dd>
              </div>
            </dl>
            {aspect.prompts.length > 0 && (
              <>
                <h3 className="playbook-aspect__prompts-title">Questions for the 1:1</h3>
                <ul className="playbook-aspect__prompts">
                  {aspect.prompts.map((prompt) => (
                    <li key={prompt}>{prompt}</li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
