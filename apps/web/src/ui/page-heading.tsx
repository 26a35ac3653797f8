import { useEffect, useRef, type ReactNode, type RefObject } from "react";
import { useLocation, useNavigationType } from "react-router";

// Module state: there is one router per page, and the heading that mounts first for a
// navigation is the one that takes focus.
let lastFocusedKey: string | null = null;

/**
 * Moves focus to the page's heading after an in-app navigation, so screen readers announce
 * the new page. The first page of a visit keeps focus at the top so the skip link stays the
 * first Tab stop, and REPLACE navigations (redirects) do not move focus either.
 */
function useFocusOnNavigation(ref: RefObject<HTMLElement | null>): void {
  const { key } = useLocation();
  const navigationType = useNavigationType();
  useEffect(() => {
    if (lastFocusedKey === key) return;
    const isFirstPage = lastFocusedKey === null;
    lastFocusedKey = key;
    if (isFirstPage || navigationType === "REPLACE") return;
    ref.current?.focus();
  }, [key, navigationType, ref]);
}

export interface PageHeadingProps {
  children: ReactNode;
  /** Short text above the heading, e.g. the section a detail page belongs to. */
  eyebrow?: ReactNode;
  /** Badges or facts shown next to the heading. */
  meta?: ReactNode;
  /** The page's introductory paragraph(s). */
  lead?: ReactNode;
}

export function PageHeading({ children, eyebrow, meta, lead }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigation(ref);
  return (
    <header className="page-heading">
      {eyebrow && <div className="page-heading__eyebrow">{eyebrow}</div>}
      <div className="page-heading__title-row">
        <h1 ref={ref} tabIndex={-1} className="page-heading__title">
          {children}
        </h1>
        {meta && <div className="page-heading__meta">{meta}</div>}
      </div>
      {lead && <div className="page-heading__lead">{lead}</div>}
    </header>
  );
}
