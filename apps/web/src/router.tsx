import { lazy, type ComponentType } from "react";
import { createBrowserRouter } from "react-router";
import { AppShell } from "./app-shell/app-shell.tsx";
import { RequireAdmin, RequireSession } from "./app-shell/require-session.tsx";
import { RouteError } from "./app-shell/route-error.tsx";
import { RoleHome } from "./routes/home/role-home.tsx";

/** A page in its own chunk, loaded on first visit. */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

// Every page is its own chunk, so sign-in loads the shell and the sign-in form only.
const FrameworksPage = lazyPage(() => import("./routes/frameworks/frameworks-page.tsx"), "FrameworksPage");
const LoginPage = lazyPage(() => import("./routes/login/login-page.tsx"), "LoginPage");
const ForgotPasswordPage = lazyPage(
  () => import("./routes/forgot-password/forgot-password-page.tsx"),
  "ForgotPasswordPage",
);
const WelcomePage = lazyPage(() => import("./routes/welcome/welcome-page.tsx"), "WelcomePage");
const NotificationsPage = lazyPage(() => import("./routes/notifications/notifications-page.tsx"), "NotificationsPage");
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
const PlaybookPage = lazyPage(() => import("./routes/playbook/playbook-page.tsx"), "PlaybookPage");
const TitlesPage = lazyPage(() => import("./routes/titles/titles-page.tsx"), "TitlesPage");
const AboutPage = lazyPage(() => import("./routes/about/about-page.tsx"), "AboutPage");
const PeoplePage = lazyPage(() => import("./routes/people/people-page.tsx"), "PeoplePage");
const PersonPage = lazyPage(() => import("./routes/person/person-page.tsx"), "PersonPage");
const PeopleImportPage = lazyPage(() => import("./routes/people-import/people-import-page.tsx"), "PeopleImportPage");
const OrgChartPage = lazyPage(() => import("./routes/org-chart/org-chart-page.tsx"), "OrgChartPage");
const TitleMappingPage = lazyPage(() => import("./routes/title-mapping/title-mapping-page.tsx"), "TitleMappingPage");
const AuditPage = lazyPage(() => import("./routes/audit/audit-page.tsx"), "AuditPage");
const AccessLogPage = lazyPage(() => import("./routes/access-log/access-log-page.tsx"), "AccessLogPage");
const GrowthPage = lazyPage(() => import("./routes/growth/growth-page.tsx"), "GrowthPage");
const SelfAssessmentPage = lazyPage(
  () => import("./routes/self-assessment/self-assessment-page.tsx"),
  "SelfAssessmentPage",
);
const SideBySidePage = lazyPage(() => import("./routes/growth/side-by-side-page.tsx"), "SideBySidePage");
const CompareTargetsPage = lazyPage(() => import("./routes/growth/compare-targets-page.tsx"), "CompareTargetsPage");
const RequestFeedbackPage = lazyPage(
  () => import("./routes/feedback/request-feedback-page.tsx"),
  "RequestFeedbackPage",
);
const PeerFeedbackPage = lazyPage(() => import("./routes/feedback/peer-feedback-page.tsx"), "PeerFeedbackPage");
const EvidencePage = lazyPage(() => import("./routes/evidence/evidence-page.tsx"), "EvidencePage");
const TeamPage = lazyPage(() => import("./routes/team/team-page.tsx"), "TeamPage");
const ReportPage = lazyPage(() => import("./routes/team/report-page.tsx"), "ReportPage");
const ManagerAssessmentPage = lazyPage(
  () => import("./routes/manager-assessment/manager-assessment-page.tsx"),
  "ManagerAssessmentPage",
);
const OrgReadinessPage = lazyPage(() => import("./routes/org-readiness/org-readiness-page.tsx"), "OrgReadinessPage");
const CareerPage = lazyPage(() => import("./routes/career/career-page.tsx"), "CareerPage");
const PlanPage = lazyPage(() => import("./routes/plan/plan-page.tsx"), "PlanPage");
const GoalsPage = lazyPage(() => import("./routes/goals/goals-page.tsx"), "GoalsPage");
const OneOnOnesPage = lazyPage(() => import("./routes/one-on-ones/one-on-ones-page.tsx"), "OneOnOnesPage");
const OneOnOnePage = lazyPage(() => import("./routes/one-on-ones/one-on-one-page.tsx"), "OneOnOnePage");
const MentorsPage = lazyPage(() => import("./routes/mentors/mentors-page.tsx"), "MentorsPage");
const AdvisorPage = lazyPage(() => import("./routes/advisor/advisor-page.tsx"), "AdvisorPage");
const InsightsPage = lazyPage(() => import("./routes/insights/insights-page.tsx"), "InsightsPage");
const PromotionsPage = lazyPage(() => import("./routes/promotions/promotions-page.tsx"), "PromotionsPage");
const PromotionCasePage = lazyPage(() => import("./routes/promotions/promotion-case-page.tsx"), "PromotionCasePage");
const SetupPage = lazyPage(() => import("./routes/setup/setup-page.tsx"), "SetupPage");
const ReadinessSettingsPage = lazyPage(
  () => import("./routes/readiness-settings/readiness-settings-page.tsx"),
  "ReadinessSettingsPage",
);
const ChannelWebhookPage = lazyPage(
  () => import("./routes/channel-webhook/channel-webhook-page.tsx"),
  "ChannelWebhookPage",
);
const CyclesPage = lazyPage(() => import("./routes/cycles/cycles-page.tsx"), "CyclesPage");
const CycleProgressPage = lazyPage(() => import("./routes/cycles/cycle-progress-page.tsx"), "CycleProgressPage");
const MyTasksPage = lazyPage(() => import("./routes/cycles/my-tasks-page.tsx"), "MyTasksPage");
const NominatePage = lazyPage(() => import("./routes/cycles/nominate-page.tsx"), "NominatePage");
const ApproveNominationsPage = lazyPage(
  () => import("./routes/cycles/approve-nominations-page.tsx"),
  "ApproveNominationsPage",
);
const AcknowledgePage = lazyPage(() => import("./routes/cycles/acknowledge-page.tsx"), "AcknowledgePage");
const CalibrationPage = lazyPage(() => import("./routes/calibration/calibration-page.tsx"), "CalibrationPage");
const CalibrationSessionPage = lazyPage(
  () => import("./routes/calibration/calibration-session-page.tsx"),
  "CalibrationSessionPage",
);
const MyReportsAdjustmentsPage = lazyPage(
  () => import("./routes/calibration/my-reports-adjustments-page.tsx"),
  "MyReportsAdjustmentsPage",
);
const NotFoundPage = lazyPage(() => import("./routes/not-found/not-found-page.tsx"), "NotFoundPage");

export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppShell />,
      errorElement: <RouteError />,
      children: [
        { path: "login", element: <LoginPage /> },
        { path: "forgot-password", element: <ForgotPasswordPage /> },
        { path: "welcome/:token", element: <WelcomePage /> },
        {
          element: <RequireSession />,
          children: [
            { index: true, element: <RoleHome /> },
            { path: "frameworks", element: <FrameworksPage /> },
            { path: "frameworks/:slug", element: <FrameworkDetailPage /> },
            {
              element: <RequireAdmin />,
              children: [
                { path: "frameworks/import", element: <FrameworkImportPage /> },
                { path: "frameworks/:slug/draft", element: <DraftEditorPage /> },
                { path: "frameworks/:slug/compare", element: <VersionComparePage /> },
                { path: "setup", element: <SetupPage /> },
                { path: "setup/readiness", element: <ReadinessSettingsPage /> },
                { path: "setup/slack", element: <ChannelWebhookPage /> },
              ],
            },
            { path: "ladder", element: <LadderPage /> },
            { path: "ladder/levels/:levelId", element: <LevelPage /> },
            { path: "ladder/compare", element: <LevelComparePage /> },
            { path: "ladder/playbooks/:playbookId", element: <PlaybookPage /> },
            { path: "titles", element: <TitlesPage /> },
            { path: "about", element: <AboutPage /> },
            { path: "account", element: <AccountPage /> },
            { path: "people", element: <PeoplePage /> },
            { path: "people/import", element: <PeopleImportPage /> },
            { path: "people/:id", element: <PersonPage /> },
            { path: "org", element: <OrgChartPage /> },
            { path: "titles/mapping", element: <TitleMappingPage /> },
            { path: "audit", element: <AuditPage /> },
            { path: "account/access-log", element: <AccessLogPage /> },
            { path: "notifications", element: <NotificationsPage /> },
            { path: "growth", element: <GrowthPage /> },
            { path: "growth/self-assessment", element: <SelfAssessmentPage /> },
            { path: "growth/side-by-side", element: <SideBySidePage /> },
            { path: "growth/compare-targets", element: <CompareTargetsPage /> },
            { path: "growth/feedback", element: <RequestFeedbackPage /> },
            { path: "growth/evidence", element: <EvidencePage /> },
            { path: "feedback/:requestId", element: <PeerFeedbackPage /> },
            { path: "team", element: <TeamPage /> },
            { path: "team/:personId", element: <ReportPage /> },
            { path: "team/:personId/assess", element: <ManagerAssessmentPage /> },
            { path: "team/:personId/feedback", element: <RequestFeedbackPage /> },
            { path: "org/readiness", element: <OrgReadinessPage /> },
            { path: "career", element: <CareerPage /> },
            { path: "plan", element: <PlanPage /> },
            { path: "goals", element: <GoalsPage /> },
            { path: "one-on-ones", element: <OneOnOnesPage /> },
            { path: "one-on-ones/:id", element: <OneOnOnePage /> },
            { path: "mentors", element: <MentorsPage /> },
            { path: "advisor", element: <AdvisorPage /> },
            { path: "insights", element: <InsightsPage /> },
            { path: "promotions", element: <PromotionsPage /> },
            { path: "promotions/:id", element: <PromotionCasePage /> },
            { path: "cycles", element: <CyclesPage /> },
            { path: "cycles/:cycleId", element: <CycleProgressPage /> },
            { path: "tasks", element: <MyTasksPage /> },
            { path: "tasks/:cycleId/nominate", element: <NominatePage /> },
            { path: "tasks/:cycleId/approve", element: <ApproveNominationsPage /> },
            { path: "tasks/:cycleId/acknowledge", element: <AcknowledgePage /> },
            { path: "calibration", element: <CalibrationPage /> },
            { path: "calibration/my-reports", element: <MyReportsAdjustmentsPage /> },
            { path: "calibration/:id", element: <CalibrationSessionPage /> },
            { path: "*", element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
