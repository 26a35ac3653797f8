import type { TAdvancement, TAdvisedPath } from "@ascent/contract";
import { Link } from "react-router";
import { useAdvancement, useVpProfile } from "../../api/advisor-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Badge } from "../../ui/badge.tsx";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { OrgProfileSection } from "./org-profile-section.tsx";
import { VpFitSection } from "./vp-fit-section.tsx";
import "../../ui/growth-controls.css";
import "./advisor.css";

const PATH_KINDS: Record<TAdvisedPath["kind"], string> = {
  up: "Up the ladder",
  lateral: "Lateral move",
  "startup-trade": "Start-up trade",
  "power-role": "Wider role where the power is",
};

export function AdvisorPage() {
  useDocumentTitle("Advancement advisor");
  const session = useSignedIn();
  return (
    <>
      <PageHeading
        eyebrow={<Breadcrumb trail={[{ to: "/career", label: "Career" }]} current="Advancement advisor" />}
        lead={
          <p>
            From Director up, the advisor starts from your level and the steps above it on the ladder. Below VP, the way
            to a VP title depends on the shape of the organisation: how big the product function is, whom it reports to
            and how the company makes money. The org chart shows the first two; an admin adds the rest.
          </p>
        }
      >
        Advancement advisor
      </PageHeading>
      <PathsSection personId={session.person.id} />
      <OrgProfileSection isAdmin={session.isAdmin} />
      <VpRoleSection />
      <VpFitSection />
    </>
  );
}

function PathsSection({ personId }: { personId: string }) {
  const advancement = useAdvancement(personId);
  return (
    <section className="section advisor-section" aria-labelledby="paths-heading">
      <h2 id="paths-heading">Your paths</h2>
      {advancement.isPending ? (
        <LoadingState label="Reading your organisation’s shape…" />
      ) : advancement.isError ? (
        <ErrorState
          title="Your paths could not be worked out"
          error={advancement.error}
          onRetry={() => void advancement.refetch()}
          isRetrying={advancement.isFetching}
        />
      ) : (
        <Paths advancement={advancement.data} />
      )}
    </section>
  );
}

function Paths({ advancement }: { advancement: TAdvancement }) {
  if (advancement.status === "below-director") {
    return (
      <div className="callout advisor-callout">
        <h3 className="callout__title">For Director and above</h3>
        <p>{advancement.explanation}</p>
        <p>
          {advancement.level ? <>You are at {advancement.level.name}. </> : null}
          {advancement.nextLevel ? (
            <>
              Your next step is <strong>{advancement.nextLevel.name}</strong>: see what it asks for on the{" "}
              <Link to={`/ladder/levels/${advancement.nextLevel.id}`}>ladder</Link> and your readiness on{" "}
              <Link to="/growth">My growth</Link>.
            </>
          ) : (
            <>
              See the <Link to="/ladder">ladder</Link> for what each level asks, up to {advancement.directorLevel.name}.
            </>
          )}
        </p>
      </div>
    );
  }
  if (advancement.status === "no-profile") {
    return (
      <>
        <NextSteps advancement={advancement} />
        <div className="callout advisor-callout">
          <h3 className="callout__title">The organisation has not been described yet</h3>
          <p>{advancement.explanation}</p>
          <p>
            <a href="#org-profile-heading">The organisation’s profile</a> is below.
          </p>
        </div>
        <Notes advancement={advancement} />
      </>
    );
  }
  return (
    <>
      <NextSteps advancement={advancement} />
      {advancement.disagreements.length > 0 && (
        <div className="callout advisor-callout" role="note">
          <h3 className="callout__title">The org chart and the profile disagree</h3>
          <ul>
            {advancement.disagreements.map((d) => (
              <li key={d.field}>
                {DISAGREEMENT_LABELS[d.field]}: the profile says <strong>{d.profile}</strong>, the org chart shows{" "}
                <strong>{d.chart}</strong>. The advice uses the org chart.
              </li>
            ))}
          </ul>
        </div>
      )}
      {advancement.paths.length > 0 && <PathCards advancement={advancement} />}
      <Notes advancement={advancement} />
    </>
  );
}

const DISAGREEMENT_LABELS = { pmCount: "Product managers", productReportsTo: "Product reports to" } as const;

type LevelAdvice = Extract<TAdvancement, { status: "advised" | "no-profile" }>;

function NextSteps({ advancement }: { advancement: LevelAdvice }) {
  const { level, nextSteps } = advancement;
  return (
    <div className="next-steps">
      <h3 className="next-steps__title">Your next steps from {level.name}</h3>
      <ol className="next-steps__list" aria-label="Your next steps">
        {nextSteps.map((step) => (
          <li key={step.level?.id ?? "beyond"} className="card next-step">
            <h4 className="next-step__name">{step.name}</h4>
            <p>{step.description}</p>
            {step.level && (
              <p className="cell-note">
                <Link
                  to={`/ladder/compare?from=${encodeURIComponent(level.id)}&to=${encodeURIComponent(step.level.id)}`}
                >
                  What changes from {level.name} to {step.level.name}
                </Link>
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Notes({ advancement }: { advancement: LevelAdvice }) {
  if (advancement.notes.length === 0) return null;
  return (
    <div className="advisor-notes">
      <h3 className="next-steps__title">Worth knowing</h3>
      <ul className="next-steps__list" aria-label="Worth knowing">
        {advancement.notes.map((note) => (
          <li key={note.id} className="card next-step">
            <h4 className="next-step__name">{note.name}</h4>
            <p>{note.text}</p>
            <p className="cell-note">Source: {note.citation}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PathCards({ advancement }: { advancement: Extract<TAdvancement, { status: "advised" }> }) {
  return (
    <>
      <h3 className="next-steps__title">Paths to a VP title here</h3>
      <div className="shape card">
        <p className="shape__eyebrow">
          You are at {advancement.level.name}, in a {advancement.profile.businessModel}{" "}
          {advancement.shape.name.toLowerCase()} of {advancement.profile.pmCount} product managers where product reports
          to {advancement.profile.productReportsTo}.
        </p>
        <h3 className="card__title">{advancement.shape.name}</h3>
        <p>{advancement.shape.description}</p>
        <p className="shape__advice">{advancement.shape.advice}</p>
      </div>
      <ul className="path-list" aria-label="Paths open to you">
        {advancement.paths.map((path) => (
          <li key={path.id} className={`path-card path-card--${path.outlook}`}>
            <p className="path-card__kind">{PATH_KINDS[path.kind]}</p>
            <h3 className="path-card__name">{path.name}</h3>
            <p className="path-card__badges">
              <Badge tone={path.outlook === "open" ? "success" : "warning"}>
                {path.outlook === "open" ? "Open" : "Limited"}
              </Badge>{" "}
              <Badge tone="neutral">{path.setting === "here" ? "Here" : "At another company"}</Badge>
            </p>
            <p className="path-card__reason">
              <span className="visually-hidden">Why: </span>
              {path.reason}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

function VpRoleSection() {
  const profile = useVpProfile();
  return (
    <section className="section advisor-section" aria-labelledby="vp-role-heading">
      <h2 id="vp-role-heading">The VP of Product role</h2>
      {profile.isPending ? (
        <LoadingState label="Loading the role profile…" />
      ) : profile.isError ? (
        <ErrorState
          title="The role profile could not be loaded"
          error={profile.error}
          onRetry={() => void profile.refetch()}
          isRetrying={profile.isFetching}
        />
      ) : (
        <div className="card">
          <p className="vp-summary">{profile.data.summary}</p>
          <dl className="trait-list">
            {profile.data.traits.map((trait) => (
              <div key={trait.id}>
                <dt>{trait.name}</dt>
                <dd>{trait.description}</dd>
              </div>
            ))}
          </dl>
          <p className="vp-beyond">{profile.data.beyond}</p>
        </div>
      )}
    </section>
  );
}
