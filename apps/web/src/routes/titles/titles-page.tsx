import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { TitleLookup } from "./title-lookup.tsx";

export function TitlesPage() {
  useDocumentTitle("Title lookup");
  return (
    <>
      <PageHeading
        lead={
          <p>
            The same job title means different things at different companies: a “Senior PM” at one owns what a “PM” owns
            at another. Look past the words to the level whose scope matches.
          </p>
        }
      >
        Title lookup
      </PageHeading>
      <TitleLookup />
    </>
  );
}
