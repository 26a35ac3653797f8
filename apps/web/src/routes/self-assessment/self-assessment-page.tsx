import { useSignedIn } from "../../api/session.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { AssessmentWizard } from "./assessment-wizard.tsx";

export function SelfAssessmentPage() {
  useDocumentTitle("Self-assessment");
  const session = useSignedIn();
  return (
    <>
      <PageHeading
        eyebrow={<Breadcrumb trail={[{ to: "/growth", label: "My growth" }]} current="Self-assessment" />}
        lead={
          <p>
            Rate yourself on each competency that applies at your level, next to what your level and the next one
            expect, and back each rating with evidence. Your answers save as you go; nothing counts until you submit.
          </p>
        }
      >
        Self-assessment
      </PageHeading>
      <AssessmentWizard
        subjectId={session.person.id}
        relation="self"
        done={{ to: "/growth", label: "See My growth" }}
      />
    </>
  );
}
