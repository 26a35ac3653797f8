import { ApiError } from "@ascent/contract";
import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { useFramework, useFrameworkVersion } from "../../api/queries.ts";
import { useSession } from "../../api/session.ts";
import { Badge } from "../../ui/badge.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { CompetencyAreas } from "./competency-areas.tsx";
import { DraftPanel } from "./draft-panel.tsx";
import "./admin.css";
import { LevelsTable } from "./levels-table.tsx";
import { SourceList } from "./source-list.tsx";
import { VersionHistory } from "./version-history.tsx";

function Breadcrumb({ current }: { current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to="/frameworks">Frameworks</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

function NotFound({ slug }: { slug: string }) {
  return (
    <>
      <PageHeading
        eyebrow={<Breadcrumb current="Not found" />}
        lead={
          <p>
            There is no framework called “{slug}” in this organisation. It may have been renamed, or the link may be
            mistyped.
          </p>
        }
      >
        Framework not found
      </PageHeading>
      <p>
        <Link to="/frameworks" className="button button--secondary">
          See all frameworks
        </Link>
      </p>
    </>
  );
}

export function FrameworkDetailPage() {
  const slug = useParams().slug ?? "";
  const framework = useFramework(slug);
  const version = useFrameworkVersion(slug, "latest");
  const isAdmin = useSession().data?.isAdmin === true;
  const location = useLocation();
  // A notice handed over by the page that sent us here (e.g. "Imported … as draft v1"), or set here.
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  useDocumentTitle(framework.data?.name ?? (framework.isError ? "Framework not available" : "Framework"));

  const notFound = [framework.error, version.error].some((e) => e instanceof ApiError && e.status === 404);
  if (framework.isError && notFound) return <NotFound slug={slug} />;
  if (framework.isPending || version.isPending) return <LoadingState label="Loading framework…" />;
  if (framework.isError || version.isError) {
    return (
      <>
        <PageHeading eyebrow={<Breadcrumb current={framework.data?.name ?? slug} />}>
          {framework.data?.name ?? "Framework not available"}
        </PageHeading>
        <ErrorState
          title="This framework could not be loaded"
          error={framework.error ?? version.error}
          onRetry={() => {
            if (framework.isError) void framework.refetch();
            if (version.isError) void version.refetch();
          }}
          isRetrying={framework.isFetching || version.isFetching}
        />
      </>
    );
  }

  const summary = framework.data;
  const shown = version.data;
  const content = shown.document;
  return (
    <>
      <PageHeading
        eyebrow={<Breadcrumb current={summary.name} />}
        meta={
          <>
            {summary.isBuiltin && <Badge tone="accent">Built-in</Badge>}
            {shown.status === "published" ? (
              <Badge tone="success">v{shown.version} published</Badge>
            ) : (
              <Badge tone="warning">v{shown.version} draft</Badge>
            )}
          </>
        }
        lead={content.description ? <p>{content.description}</p> : undefined}
      >
        {summary.name}
      </PageHeading>

      {notice && (
        <p role="status" className="callout callout--success notice">
          {notice}
        </p>
      )}

      {isAdmin && <DraftPanel summary={summary} onNotice={setNotice} />}

      <dl className="fact-list">
        <div>
          <dt>Levels</dt>
          <dd>{content.levels.length}</dd>
        </div>
        <div>
          <dt>Competencies</dt>
          <dd>{content.competencies.length}</dd>
        </div>
        <div>
          <dt>Rating scale</dt>
          <dd>
            {content.scale.min}–{content.scale.max}
          </dd>
        </div>
        <div>
          <dt>{shown.status === "published" ? "Published" : "Created"}</dt>
          <dd>
            <FormattedDate iso={shown.publishedAt ?? shown.createdAt} />
          </dd>
        </div>
      </dl>

      {shown.status === "draft" && (
        <p className="callout callout--warning">
          This framework has no published version yet; you are looking at draft v{shown.version}, which can still
          change.
        </p>
      )}

      <LevelsTable levels={content.levels} />
      <CompetencyAreas competencies={content.competencies} />
      <VersionHistory
        versions={summary.versions}
        shownVersion={shown.version}
        {...(isAdmin ? { adminSlug: summary.slug } : {})}
      />
      {content.sources.length > 0 && <SourceList sources={content.sources} />}
    </>
  );
}
