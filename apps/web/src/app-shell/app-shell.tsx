import { lazy, Suspense, type ReactNode } from "react";
import { Link, Outlet, ScrollRestoration } from "react-router";
import { useSession } from "../api/session.ts";
import { LoadingState } from "../ui/loading-state.tsx";
import { PRODUCT_NAME } from "../ui/use-document-title.ts";
import { AccountMenu } from "./account-menu.tsx";
import { NotificationBell } from "./notification-bell.tsx";
import { BrandMark } from "./brand-mark.tsx";
import { PrimaryNav } from "./primary-nav.tsx";
import { MAIN_ID, SkipLink } from "./skip-link.tsx";

// The banner needs the people API (to remove the demo); loading it on the side keeps that, and
// the contract behind it, out of the first chunk.
const DemoBanner = lazy(() => import("./demo-banner.tsx").then((module) => ({ default: module.DemoBanner })));

export function AppShell({ children }: { children?: ReactNode }) {
  const { data: session } = useSession();
  return (
    <div className="app">
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <BrandMark />
            <span className="brand__name">{PRODUCT_NAME}</span>
          </Link>
          {session && (
            <>
              <PrimaryNav />
              <NotificationBell />
              <AccountMenu session={session} />
            </>
          )}
        </div>
      </header>
      <Suspense fallback={null}>
        <DemoBanner />
      </Suspense>
      <main id={MAIN_ID} tabIndex={-1} className="site-main">
        <Suspense fallback={<LoadingState label="Loading page…" />}>{children ?? <Outlet />}</Suspense>
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{PRODUCT_NAME} is open-source, self-hosted career progression for product organisations.</p>
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
