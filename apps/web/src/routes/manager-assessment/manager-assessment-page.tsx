import { useParams } from "react-router";
import { usePerson } from "../../api/people-queries.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { AssessmentWizard } from "../self-assessment/assessment-wizard.tsx";

export function ManagerAssessmentPage() {
  const personId = useParams().personId ?? "";
  const person = usePerson(personId);
  const name = person.data?.name;
  const title = name ? `Assess ${name}` : "Manager assessment";
  useDocumentTitle(title);
  return (
    <>
      <PageHeading
        eyebrow={
          <Breadcrumb
            trail={[{ to: "/team", label: "My team" }, ...(name ? [{ to: `/team/${personId}`, label: name }] : [])]}
            current="Assessment"
          />
        }
        lead={
          <p>
            Rate {name ?? "your report"} on each competency that applies at their level, next to what their level and
            the next one expect. Only a direct manager gives a manager assessment. Answers save as you go; nothing
            counts until you submit.
          </p>
        }
      >
        {title}
      </PageHeading>
      <AssessmentWizard subjectId={personId} relation="manager" done={{ to: "/team", label: "Back to My team" }} />
    </>
  );
}
