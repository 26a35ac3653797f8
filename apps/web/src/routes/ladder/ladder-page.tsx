import { useState } from "react";
import { Link } from "react-router";
import { BUILTIN_FRAMEWORK, useFrameworkVersion } from "../../api/queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { TitleLookup } from "../titles/title-lookup.tsx";
import { DescriptorDialog } from "./descriptor-dialog.tsx";
import { LadderMatrix, type MatrixCell } from "./ladder-matrix.tsx";
import { TracksGrid } from "./tracks-grid.tsx";
import { useLadderPosition, YouAreHere } from "./you-are-here.tsx";
import "./ladder.css";

export function LadderPage() {
  useDocumentTitle("Ladder");
  const version = useFrameworkVersion(BUILTIN_FRAMEWORK, "latest");
  const [openCell, setOpenCell] = useState<MatrixCell | null>(null);
  const position = useLadderPosition(version.data?.document);

  const lead = (
    <p>
      What each level demands, competency by competency, so that people can look past job titles to the scope and skills
      behind them. Choose a number to read its descriptor, or a level to see everything it expects.
    </p>
  );

  if (version.isPending) {
    return (
      <>
        <PageHeading lead={lead}>Ladder</PageHeading>
        <LoadingState label="Loading the ladder…" />
      </>
    );
  }
  if (version.isError) {
    return (
      <>
        <PageHeading lead={lead}>Ladder</PageHeading>
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
  const interpolatedCount = Object.values(framework.expectations)
    .flatMap((row) => Object.values(row))
    .filter((e) => e.interpolated).length;
  const [first, second] = [...framework.levels].sort((a, b) => a.rank - b.rank);

  return (
    <>
      <PageHeading
        lead={lead}
        meta={
          <>
            <Badge tone="accent">{framework.name}</Badge>
            <Badge tone={version.data.status === "published" ? "success" : "warning"}>
              v{version.data.version} {version.data.status}
            </Badge>
          </>
        }
      >
        Ladder
      </PageHeading>

      <div className="ladder-toolbar">
        <ul className="legend" aria-label="Proficiency scale">
          {framework.scale.points.map((point) => (
            <li key={point.value} className="legend__item">
              <span className={`legend__swatch matrix-cell--${point.value}`}>{point.value}</span>
              {point.label}
            </li>
          ))}
          {interpolatedCount > 0 && (
            <li className="legend__item">
              <span className="legend__mark" aria-hidden="true">
                ◆
              </span>
              Interpolated descriptor
            </li>
          )}
        </ul>
        <p className="actions">
          {first && second && (
            <Link
              to={`/ladder/compare?from=${encodeURIComponent(first.id)}&to=${encodeURIComponent(second.id)}`}
              className="button button--secondary"
            >
              Compare two levels
            </Link>
          )}
          <Link to="/about" className="button button--secondary">
            About this ladder
          </Link>
        </p>
      </div>

      {framework.levels.length === 0 || framework.competencies.length === 0 ? (
        <div className="empty-state">
          <h2 className="empty-state__title">This ladder is empty</h2>
          <p>It has no levels or no competencies yet. An administrator can add them by editing a draft.</p>
        </div>
      ) : (
        <>
          {position && <YouAreHere position={position} />}
          <LadderMatrix framework={framework} onOpen={setOpenCell} position={position} />
          <TracksGrid framework={framework} position={position} />
        </>
      )}

      <div className="section">
        <TitleLookup />
      </div>

      <DescriptorDialog framework={framework} cell={openCell} onClose={() => setOpenCell(null)} />
    </>
  );
}
