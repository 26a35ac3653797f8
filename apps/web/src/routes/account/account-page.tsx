import { useSignedIn } from "../../api/session.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { ApiTokensSection } from "./api-tokens-section.tsx";
import { DataExportSection } from "./data-export-section.tsx";
import { PasswordSection } from "./password-section.tsx";
import "./account.css";
import { SessionsSection } from "./sessions-section.tsx";

export function AccountPage() {
  useDocumentTitle("Account");
  const session = useSignedIn();
  return (
    <>
      <PageHeading
        lead={
          <p>
            Signed in as <strong>{session.person.name}</strong> ({session.person.email})
            {session.isAdmin ? ", with administrator rights" : ""}. Manage your password, where you are signed in and
            the API tokens your scripts use, and download everything the app holds about you.
          </p>
        }
      >
        Account
      </PageHeading>
      <PasswordSection />
      <SessionsSection />
      <ApiTokensSection />
      <DataExportSection />
    </>
  );
}
