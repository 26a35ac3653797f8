import { Link } from "react-router";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "../people/people.css";
import { SessionsTable } from "./sessions-table.tsx";

/** The sessions the viewer facilitates or takes part in (all of them for an admin). */
export function CalibrationPage() {
  useDocumentTitle("Calibration");
  return (
    <>
      <PageHeading
        lead={
          <p>
            In a calibration session, managers compare the ratings of the people in its scope, agree on changes and give
            a reason for each. <Link to="/calibration/my-reports">Adjustments to your reports’ ratings</Link> lists
            every change made to the people below you.
          </p>
        }
      >
        Calibration
      </PageHeading>
      <SessionsTable emptyText="You facilitate or take part in no calibration session." />
    </>
  );
}
