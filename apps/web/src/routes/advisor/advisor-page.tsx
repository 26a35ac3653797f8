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
            Beyond Director, the next step depends less on the ladder and more on the shape of the organisation: how big
            the product function is, whom it reports to and how the company makes money. The advisor reads that shape
            and lists the paths it opens, each with the reason.
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
      <div className="callout advisor-callout">
        <h3 className="callout__title">The organisation has not been described yet</h3>
        <p>{advancement.explanation}</p>
        <p>
          <a href="#org-profile-heading">The organisation’s profile</a> is below.
        </p>
      </div>
    );
  }
  return (
    <>
      <div className="shape card">
        <p className="shape__eyebrow">
          You are at {advancement.level.name}, in a {advancement.profile.businessModel}{" "}
          {advancement.shape.name.toLowerCase()} where product reports to {advancement.profile.productReportsTo}.
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
