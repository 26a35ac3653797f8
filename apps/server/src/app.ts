import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import fastifyCookie from "@fastify/cookie";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { LIMITS } from "@ascent/contract";
import {
  AssessmentMigration,
  AssessmentService,
  FeedbackRequestService,
  ReadinessService,
  AccountService,
  FrameworkCatalog,
  FrameworkEditor,
  PeopleService,
  publishedLevels,
} from "@ascent/core";
import {
  DrizzleAccountRepository,
  DrizzleAssessmentRepository,
  DrizzleEvidenceRepository,
  DrizzleFeedbackRequestRepository,
  DrizzleReadinessSnapshotRepository,
  DrizzleSettingsRepository,
  DrizzleApiTokenRepository,
  DrizzleAuditRepository,
  DrizzleFrameworkRepository,
  DrizzleOneTimeLinkRepository,
  DrizzlePeopleRepository,
  DrizzleRateLimitRepository,
  DrizzleSessionRepository,
  DrizzleTitleOverrideRepository,
  DrizzleCareerPlanRepository,
  DrizzleGoalRepository,
  DrizzleOneOnOneRepository,
  DrizzleMentorAvailabilityRepository,
  DrizzleVpFitCheckRepository,
  ChangeAwareMemo,
  type DatabaseHandle,
} from "@ascent/db";
import { argon2Hasher } from "./auth/password-hasher.ts";
import { sha256Hex } from "./auth/token-hash.ts";
import { registerAuthentication } from "./auth/authenticate.ts";
import { registerErrorHandling } from "./middleware/error-handler.ts";
import { registerOpenApi } from "./openapi.ts";
import { ReportingLines, relationshipResolver } from "./relationships.ts";
import { registerRoutes, type RouteSpec } from "./route-table.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { authRoutes } from "./routes/auth.routes.ts";
import { frameworkAdminRoutes } from "./routes/framework-admin.routes.ts";
import { frameworkRoutes } from "./routes/frameworks.routes.ts";
import { healthRoutes } from "./routes/health.routes.ts";
import { titleRoutes } from "./routes/titles.routes.ts";
import { peopleRoutes } from "./routes/people.routes.ts";
import { peopleImportRoutes } from "./routes/people-import.routes.ts";
import { auditRoutes } from "./routes/audit.routes.ts";
import { demoRoutes } from "./routes/demo.routes.ts";
import { assessmentsRoutes } from "./routes/assessments.routes.ts";
import { feedbackRoutes } from "./routes/feedback.routes.ts";
import { evidenceRoutes } from "./routes/evidence.routes.ts";
import { readinessRoutes } from "./routes/readiness.routes.ts";
import { plansRoutes } from "./routes/plans.routes.ts";
import { goalsRoutes } from "./routes/goals.routes.ts";
import { oneOnOnesRoutes } from "./routes/one-on-ones.routes.ts";
import { mentorsRoutes } from "./routes/mentors.routes.ts";
import { advisorRoutes } from "./routes/advisor.routes.ts";
import { insightsRoutes } from "./routes/insights.routes.ts";
import { registerWebApp } from "./web-app.ts";
import { startReadinessWarmer, type ReadinessWarmer } from "./readiness-warmer.ts";
import { ReadinessResponses } from "./readiness-responses.ts";
import { APP_VERSION } from "./version.ts";

export interface AppOptions {
  database: DatabaseHandle;
  logLevel?: string;
  webDist?: string;
  /** Behind a reverse proxy: trust X-Forwarded-* for the client IP and https. */
  trustProxy?: boolean;
  /** The clock every time-dependent rule reads (due dates, the readiness window, expiry); tests move it. */
  now?: () => Date;
}

export type AppServices = ReturnType<typeof buildServices>;

declare module "fastify" {
  interface FastifyInstance {
    /** Null until the app is ready. */
    readinessWarmer: ReadinessWarmer | null;
  }
}

/** Wires repositories into the core services: the one place that knows both. */
export function buildServices(database: DatabaseHandle, options: { now?: () => Date } = {}) {
  const { db } = database;
  const now = options.now ?? (() => new Date());
  const frameworkRepository = new DrizzleFrameworkRepository(db);
  const people = new DrizzlePeopleRepository(db);
  // One per process: who is behind a token, who manages whom, each person's readiness (DESIGN §7).
  const memo = new ChangeAwareMemo(database.changes, { now: () => now().getTime() });
  return {
    now,
    memo,
    reportingLines: new ReportingLines(people, memo),
    frameworks: new FrameworkCatalog(frameworkRepository),
    frameworkEditor: new FrameworkEditor(frameworkRepository),
    people,
    titleOverrides: new DrizzleTitleOverrideRepository(db),
    careerPlans: new DrizzleCareerPlanRepository(db),
    developmentGoals: new DrizzleGoalRepository(db),
    oneOnOnes: new DrizzleOneOnOneRepository(db),
    mentorAvailability: new DrizzleMentorAvailabilityRepository(db),
    mentorSnapshots: new DrizzleReadinessSnapshotRepository(db),
    vpFitChecks: new DrizzleVpFitCheckRepository(db),
    peopleService: new PeopleService({ people, levels: publishedLevels(new FrameworkCatalog(frameworkRepository)) }),
    audit: new DrizzleAuditRepository(db),
    accounts: new AccountService({
      people,
      accounts: new DrizzleAccountRepository(db),
      sessions: new DrizzleSessionRepository(db),
      links: new DrizzleOneTimeLinkRepository(db),
      tokens: new DrizzleApiTokenRepository(db),
      rateLimits: new DrizzleRateLimitRepository(db),
      hasher: argon2Hasher,
      hashToken: sha256Hex,
      memo,
      now,
    }),
    ...buildAssessmentServices(db, people, new FrameworkCatalog(frameworkRepository), memo, now),
  };
}

/** Assessments, feedback requests, evidence and readiness; submissions keep readiness snapshots fresh. */
function buildAssessmentServices(
  db: DatabaseHandle["db"],
  people: DrizzlePeopleRepository,
  frameworks: FrameworkCatalog,
  memo: ChangeAwareMemo,
  now: () => Date,
) {
  const assessmentRepository = new DrizzleAssessmentRepository(db);
  const requests = new DrizzleFeedbackRequestRepository(db);
  const evidence = new DrizzleEvidenceRepository(db);
  const settings = new DrizzleSettingsRepository(db);
  const readinessSnapshots = new DrizzleReadinessSnapshotRepository(db);
  const readiness = new ReadinessService({
    people,
    assessments: assessmentRepository,
    evidence,
    frameworks,
    settings,
    snapshots: readinessSnapshots,
    requests,
    memo,
    now,
  });
  const onReadinessInputsChanged = (personId: string) => readiness.refreshSnapshots([personId]);
  return {
    evidence,
    settings,
    readiness,
    readinessResponses: new ReadinessResponses(readiness),
    readinessSnapshots,
    assessmentMigration: new AssessmentMigration({
      assessments: assessmentRepository,
      frameworks,
      onMigrated: (personIds) => readiness.refreshSnapshots(personIds),
    }),
    feedbackRequests: new FeedbackRequestService({ people, requests, onReadinessInputsChanged, now }),
    assessments: new AssessmentService({
      people,
      assessments: assessmentRepository,
      requests,
      frameworks,
      onReadinessInputsChanged,
      now,
    }),
    feedbackRequestLookup: {
      openRequestsFor: (raterId: string) => requests.openRequestsForRater(raterId, now()),
    },
  };
}

/** Every route of the API. Tests walk this table so that no route escapes them. */
export function buildRouteTable(database: DatabaseHandle, services: AppServices): RouteSpec[] {
  return [
    ...healthRoutes(database),
    ...authRoutes(services.accounts, services.audit),
    ...frameworkRoutes(services.frameworks),
    ...frameworkAdminRoutes(services.frameworks, services.frameworkEditor, services.assessmentMigration),
    ...titleRoutes(services),
    ...peopleRoutes(services),
    ...peopleImportRoutes(services),
    ...auditRoutes(services),
    ...demoRoutes(services),
    ...assessmentsRoutes(services),
    ...feedbackRoutes(services),
    ...evidenceRoutes(services),
    ...readinessRoutes(services),
    ...plansRoutes(services),
    ...goalsRoutes(services),
    ...oneOnOnesRoutes(services),
    ...mentorsRoutes(services),
    ...advisorRoutes(services),
    ...insightsRoutes(services),
  ];
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? "info",
      redact: ["req.headers.authorization", "req.headers.cookie", "req.headers['x-csrf-token']"],
    },
    bodyLimit: LIMITS.jsonBodyBytes,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    trustProxy: options.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header("x-request-id", request.id);
    done(null, payload);
  });
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await registerOpenApi(app, APP_VERSION);

  const services = buildServices(options.database, { now: options.now });
  registerAuthentication(app, services.accounts);
  registerRoutes(
    app,
    buildRouteTable(options.database, services),
    relationshipResolver(services.reportingLines, services.feedbackRequestLookup, services.memo),
  );
  await registerWebApp(app, options.webDist);

  app.decorate("readinessWarmer", null);
  app.addHook("onReady", async () => {
    app.readinessWarmer = startReadinessWarmer({
      readiness: services.readinessResponses,
      reportingLines: services.reportingLines,
      people: services.people,
      changes: options.database.changes,
      // A reporting line and a readiness result per person, with room left for everything else.
      maxPeople: Math.floor(services.memo.maxEntries / 3),
      log: app.log,
    });
  });
  app.addHook("onClose", async () => {
    await app.readinessWarmer?.stop();
  });
  return app;
}
