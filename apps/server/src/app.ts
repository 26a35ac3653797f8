import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import fastifyCookie from "@fastify/cookie";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { LIMITS } from "@ascent/contract";
import { AccountService, FrameworkCatalog, FrameworkEditor, PeopleService, publishedLevels } from "@ascent/core";
import {
  DrizzleAccountRepository,
  DrizzleApiTokenRepository,
  DrizzleAuditRepository,
  DrizzleFrameworkRepository,
  DrizzleOneTimeLinkRepository,
  DrizzlePeopleRepository,
  DrizzleRateLimitRepository,
  DrizzleSessionRepository,
  DrizzleTitleOverrideRepository,
  type DatabaseHandle,
} from "@ascent/db";
import { argon2Hasher } from "./auth/password-hasher.ts";
import { registerAuthentication } from "./auth/authenticate.ts";
import { registerErrorHandling } from "./middleware/error-handler.ts";
import { registerOpenApi } from "./openapi.ts";
import { relationshipResolver } from "./relationships.ts";
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
import { registerWebApp } from "./web-app.ts";
import { APP_VERSION } from "./version.ts";

export interface AppOptions {
  database: DatabaseHandle;
  logLevel?: string;
  webDist?: string;
  /** Behind a reverse proxy: trust X-Forwarded-* for the client IP and https. */
  trustProxy?: boolean;
}

export type AppServices = ReturnType<typeof buildServices>;

/** Wires repositories into the core services: the one place that knows both. */
export function buildServices(database: DatabaseHandle) {
  const { db } = database;
  const frameworkRepository = new DrizzleFrameworkRepository(db);
  const people = new DrizzlePeopleRepository(db);
  return {
    frameworks: new FrameworkCatalog(frameworkRepository),
    frameworkEditor: new FrameworkEditor(frameworkRepository),
    people,
    titleOverrides: new DrizzleTitleOverrideRepository(db),
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
    }),
  };
}

/** Every route of the API. Tests walk this table so that no route escapes them. */
export function buildRouteTable(database: DatabaseHandle, services: AppServices): RouteSpec[] {
  return [
    ...healthRoutes(database),
    ...authRoutes(services.accounts, services.audit),
    ...frameworkRoutes(services.frameworks),
    ...frameworkAdminRoutes(services.frameworks, services.frameworkEditor),
    ...titleRoutes(services.frameworks),
    ...peopleRoutes(services),
    ...peopleImportRoutes(services),
    ...auditRoutes(services),
    ...demoRoutes(services),
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
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await registerOpenApi(app, APP_VERSION);

  const services = buildServices(options.database);
  registerAuthentication(app, services.accounts);
  registerRoutes(app, buildRouteTable(options.database, services), relationshipResolver(services.people));
  await registerWebApp(app, options.webDist);
  return app;
}
