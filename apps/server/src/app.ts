import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { LIMITS } from "@ascent/contract";
import { FrameworkCatalog, FrameworkEditor } from "@ascent/core";
import { DrizzleFrameworkRepository, type DatabaseHandle } from "@ascent/db";
import { registerErrorHandling } from "./middleware/error-handler.ts";
import { registerOpenApi } from "./openapi.ts";
import { registerRoutes, type RouteSpec } from "./route-table.ts";
import { healthRoutes } from "./routes/health.routes.ts";
import { frameworkRoutes } from "./routes/frameworks.routes.ts";
import { frameworkAdminRoutes } from "./routes/framework-admin.routes.ts";
import { titleRoutes } from "./routes/titles.routes.ts";
import { registerWebApp } from "./web-app.ts";
import { APP_VERSION } from "./version.ts";

export interface AppOptions {
  database: DatabaseHandle;
  logLevel?: string;
  webDist?: string;
}

export interface AppServices {
  frameworks: FrameworkCatalog;
  frameworkEditor: FrameworkEditor;
}

export function buildServices(database: DatabaseHandle): AppServices {
  const frameworkRepository = new DrizzleFrameworkRepository(database.db);
  return {
    frameworks: new FrameworkCatalog(frameworkRepository),
    frameworkEditor: new FrameworkEditor(frameworkRepository),
  };
}

/** Every route of the API. Tests walk this table so that no route escapes them. */
export function buildRouteTable(database: DatabaseHandle, services: AppServices): RouteSpec[] {
  return [
    ...healthRoutes(database),
    ...frameworkRoutes(services.frameworks),
    ...frameworkAdminRoutes(services.frameworks, services.frameworkEditor),
    ...titleRoutes(services.frameworks),
  ];
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? "info",
      redact: ["req.headers.authorization", "req.headers.cookie", "body.password"],
    },
    bodyLimit: LIMITS.jsonBodyBytes,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  registerErrorHandling(app);
  await registerOpenApi(app, APP_VERSION);

  const services = buildServices(options.database);
  registerRoutes(app, buildRouteTable(options.database, services));
  await registerWebApp(app, options.webDist);
  return app;
}
