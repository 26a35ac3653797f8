import type { ReactNode } from "react";
import { Badge } from "./badge.tsx";
import { PageHeading } from "./page-heading.tsx";
import { useDocumentTitle } from "./use-document-title.ts";

export interface PlaceholderPageProps {
  title: string;
  lead: ReactNode;
  /** What the page will let people do, one item per journey. */
  plans: string[];
  children?: ReactNode;
}

/** A page whose feature is not built yet: says what it will be for, so the route is still useful. */
export function PlaceholderPage({ title, lead, plans, children }: PlaceholderPageProps) {
  useDocumentTitle(title);
  return (
    <>
      <PageHeading meta={<Badge tone="neutral">Coming soon</Badge>} lead={lead}>
        {title}
      </PageHeading>
      <section className="card" aria-labelledby="plans-heading">
        <h2 id="plans-heading" className="card__title">
          What you will be able to do here
        </h2>
        <ul className="check-list">
          {plans.map((plan) => (
            <li key={plan}>{plan}</li>
          ))}
        </ul>
      </section>
      {children}
    </>
  );
}
