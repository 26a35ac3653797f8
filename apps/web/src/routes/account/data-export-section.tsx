import { endpoints } from "@ascent/contract";
import { Link } from "react-router";

/** "Download my data": every record the app holds of the person, as a zip of JSON and CSV files. */
export function DataExportSection() {
  return (
    <section className="section" aria-labelledby="data-export-heading">
      <div className="section__header">
        <h2 id="data-export-heading">Your data</h2>
        <a className="button button--secondary" href={endpoints.dataRights.exportMine.path} download>
          Download my data
        </a>
      </div>
      <p className="section__lead">
        A zip of JSON and CSV files: your profile, the assessments you gave and your manager&apos;s ratings of you, your
        evidence, plan, goals, 1:1s with the private notes you wrote, and your{" "}
        <Link to="/account/access-log">access log</Link>. What peers and your reports said about you comes only as the
        released aggregates you see on your readiness page, never as one person&apos;s answer.
      </p>
    </section>
  );
}
