import { lazy } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { AppShell } from "./app-shell/app-shell.tsx";
import { RouteError } from "./app-shell/route-error.tsx";
import { FrameworksPage } from "./routes/frameworks/frameworks-page.tsx";

// Frameworks is the home page and ships in the entry chunk; every other page is its own chunk.
const FrameworkDetailPage = lazy(() =>
  import("./routes/framework-detail/framework-detail-page.tsx").then((m) => ({ default: m.FrameworkDetailPage })),
);
const LadderPage = lazy(() => import("./routes/ladder/ladder-page.tsx").then((m) => ({ default: m.LadderPage })));
const PeoplePage = lazy(() => import("./routes/people/people-page.tsx").then((m) => ({ default: m.PeoplePage })));
const GrowthPage = lazy(() => import("./routes/growth/growth-page.tsx").then((m) => ({ default: m.GrowthPage })));
const AboutPage = lazy(() => import("./routes/about/about-page.tsx").then((m) => ({ default: m.AboutPage })));
const NotFoundPage = lazy(() =>
  import("./routes/not-found/not-found-page.tsx").then((m) => ({ default: m.NotFoundPage })),
);

export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppShell />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <Navigate to="/frameworks" replace /> },
        { path: "frameworks", element: <FrameworksPage /> },
        { path: "frameworks/:slug", element: <FrameworkDetailPage /> },
        { path: "ladder", element: <LadderPage /> },
        { path: "people", element: <PeoplePage /> },
        { path: "growth", element: <GrowthPage /> },
        { path: "about", element: <AboutPage /> },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
