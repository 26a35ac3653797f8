import { Link, useLocation } from "react-router";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";

export function NotFoundPage() {
  useDocumentTitle("Page not found");
  const { pathname } = useLocation();
  return (
    <>
      <PageHeading
        eyebrow={<span className="error-code">Error 404</span>}
        lead={
          <p>
            There is no page at <code>{pathname}</code>. The link may be mistyped, or the page may have moved.
          </p>
        }
      >
        Page not found
      </PageHeading>
      <p className="actions">
        <Link to="/frameworks" className="button">
          Go to Frameworks
        </Link>
      </p>
    </>
  );
}
