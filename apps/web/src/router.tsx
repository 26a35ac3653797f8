import { lazy, type ComponentType } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { AppShell } from "./app-shell/app-shell.tsx";
import { RequireAdmin, RequireSession } from "./app-shell/require-session.tsx";
import { RouteError } from "./app-shell/route-error.tsx";
import { FrameworksPage } from "./routes/frameworks/frameworks-page.tsx";

/** A page in its own chunk, loaded on first visit. */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

// Frameworks is the home page and ships in the entry chunk; every other page is its own chunk.
const LoginPage = lazyPage(() => import("./routes/login/login-page.tsx"), "LoginPage");
const WelcomePage = lazyPage(() => import("./routes/welcome/welcome-page.tsx"), "WelcomePage");
const AccountPage = lazyPage(() => import("./routes/account/account-page.tsx"), "AccountPage");
const FrameworkDetailPage = lazyPage(
  () => import("./routes/framework-detail/framework-detail-page.tsx"),
  "FrameworkDetailPage",
);
const FrameworkImportPage = lazyPage(
  () => import("./routes/framework-import/framework-import-page.tsx"),
  "FrameworkImportPage",
);
const DraftEditorPage = lazyPage(() => import("./routes/draft-editor/draft-editor-page.tsx"), "DraftEditorPage");
const VersionComparePage = lazyPage(
  () => import("./routes/version-compare/version-compare-page.tsx"),
  "VersionComparePage",
);
const LadderPage = lazyPage(() => import("./routes/ladder/ladder-page.tsx"), "LadderPage");
const LevelPage = lazyPage(() => import("./routes/level/level-page.tsx"), "LevelPage");
const LevelComparePage = lazyPage(() => import("./routes/level-compare/level-compare-page.tsx"), "LevelComparePage");
const TitlesPage = lazyPage(() => import("./routes/titles/titles-page.tsx"), "TitlesPage");
const AboutPage = lazyPage(() => import("./routes/about/about-page.tsx"), "AboutPage");
const PeoplePage = lazyPage(() => import("./routes/people/people-page.tsx"), "PeoplePage");
const GrowthPage = lazyPage(() => import("./routes/growth/growth-page.tsx"), "GrowthPage");
const NotFoundPage = lazyPage(() => import("./routes/not-found/not-found-page.tsx"), "NotFoundPage");

export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppShell />,
      errorElement: <RouteError />,
      children: [
        { path: "login", element: <LoginPage /> },
        { path: "welcome/:token", element: <WelcomePage /> },
        {
          element: <RequireSession />,
          children: [
            { index: true, element: <Navigate to="/frameworks" replace /> },
            { path: "frameworks", element: <FrameworksPage /> },
            { path: "frameworks/:slug", element: <FrameworkDetailPage /> },
            {
              element: <RequireAdmin />,
              children: [
                { path: "frameworks/import", element: <FrameworkImportPage /> },
                { path: "frameworks/:slug/draft", element: <DraftEditorPage /> },
                { path: "frameworks/:slug/compare", element: <VersionComparePage /> },
              ],
            },
            { path: "ladder", element: <LadderPage /> },
            { path: "ladder/levels/:levelId", element: <LevelPage /> },
            { path: "ladder/compare", element: <LevelComparePage /> },
            { path: "titles", element: <TitlesPage /> },
            { path: "about", element: <AboutPage /> },
            { path: "account", element: <AccountPage /> },
            { path: "people", element: <PeoplePage /> },
            { path: "growth", element: <GrowthPage /> },
            { path: "*", element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
