import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import fastifyCookie from "@fastify/cookie";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { LIMITS } from "@ascent/contract";
import type { DatabaseHandle } from "@ascent/db";
import { registerAuthentication } from "./auth/authenticate.ts";
import { registerCompression } from "./compression.ts";
import { registerErrorHandling } from "./middleware/error-handler.ts";
import { registerOpenApi } from "./openapi.ts";
import { loggerOptions } from "./logging.ts";
import { registerMetrics, ServerMetrics } from "./metrics.ts";
import { buildDemoOrganisation, buildServices, databaseProbe, type AppServices } from "./composition-root.ts";
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
import { backupRoutes } from "./routes/backups.routes.ts";
import { dataRightsRoutes } from "./routes/data-rights.routes.ts";
import { promotionsRoutes } from "./routes/promotions.routes.ts";
import { setupRoutes } from "./routes/setup.routes.ts";
import { raterEffectsRoutes } from "./routes/rater-effects.routes.ts";
import { notificationsRoutes } from "./routes/notifications.routes.ts";
import { channelWebhookRoutes } from "./routes/channel-webhook.routes.ts";
import { notificationSettingsRoutes } from "./routes/notification-settings.routes.ts";
import { cyclesRoutes } from "./routes/cycles.routes.ts";
import { remindersRoutes } from "./routes/reminders.routes.ts";
import { calibrationRoutes } from "./routes/calibration.routes.ts";
import { invitationsRoutes } from "./routes/invitations.routes.ts";
import { registerWebApp } from "./web-app.ts";
import {
  createWarmupStatus,
  startReadinessWarmer,
  type ReadinessWarmer,
  type WarmupStatus,
} from "./readiness-warmer.ts";
import { APP_VERSION } from "./version.ts";

export interface AppOptions {
  database: DatabaseHandle;
  /** Built from the database by the composition root unless given. */
  services?: AppServices;
  logLevel?: string;
  webDist?: string;
  /** Behind a reverse proxy: trust X-Forwarded-* for the client IP and https. */
  trustProxy?: boolean;
  /** The bearer token /metrics asks for; without one it answers requests from this machine only. */
  metricsToken?: string;
  /** The clock every time-dependent rule reads (due dates, the readiness window, expiry); tests move it. */
  now?: () => Date;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Null until the app is ready. */
    readinessWarmer: ReadinessWarmer | null;
  }
}

/** Every route of the API. Tests walk this table so that no route escapes them. */
export function buildRouteTable(
  database: DatabaseHandle,
  services: AppServices,
  warmup: WarmupStatus = createWarmupStatus(),
): RouteSpec[] {
  return [
    ...healthRoutes(databaseProbe(database), warmup),
    ...authRoutes(services.accounts),
    ...frameworkRoutes(services.frameworks),
    ...frameworkAdminRoutes(services.frameworks, services.frameworkEditor, services.frameworkMigration),
    ...titleRoutes(services),
    ...peopleRoutes(services),
    ...peopleImportRoutes(services),
    ...auditRoutes(services),
    ...demoRoutes(buildDemoOrganisation(services, database)),
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
    ...backupRoutes(services),
    ...dataRightsRoutes(services),
    ...promotionsRoutes(services),
    ...setupRoutes(services),
    ...raterEffectsRoutes(services),
    ...notificationsRoutes(services),
    ...channelWebhookRoutes(services),
    ...notificationSettingsRoutes(services),
    ...cyclesRoutes(services),
    ...remindersRoutes(services),
    ...calibrationRoutes(services),
    ...invitationsRoutes(services),
  ];
}

/** Memo entries kept per person of the organisation: a reporting line, a readiness result, and room for the rest. */
const MEMO_ENTRIES_PER_PERSON = 3;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? "info"),
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
  await registerCompression(app);
  await registerOpenApi(app, APP_VERSION);

  const services =
    options.services ?? buildServices(options.database, { now: options.now, trustProxy: options.trustProxy });
  const metrics = new ServerMetrics({ memo: services.memo, poolUse: options.database.poolUse?.bind(options.database) });
  registerMetrics(app, metrics, options.metricsToken);
  registerAuthentication(app, services.accounts);
  const warmup = createWarmupStatus();
  registerRoutes(app, buildRouteTable(options.database, services, warmup), services.access);
  await registerWebApp(app, options.webDist);

  app.decorate("readinessWarmer", null);
  app.addHook("onReady", async () => {
    // Sized to the organisation: a reporting line and a readiness result per person, and as much
    // again for everything else, so that warming a large organisation does not evict itself.
    const people = await services.people.countAll();
    services.memo.growTo(people * MEMO_ENTRIES_PER_PERSON);
    app.readinessWarmer = startReadinessWarmer({
      readiness: services.readinessResponses,
      reportingLines: services.reportingLines,
      people: services.people,
      changes: options.database.changes,
      maxPeople: Math.floor(services.memo.maxEntries / MEMO_ENTRIES_PER_PERSON),
      log: app.log,
      status: warmup,
    });
  });
  app.addHook("onClose", async () => {
    await app.readinessWarmer?.stop();
  });
  return app;
}
