import type { FastifyInstance } from "fastify";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

export const OPENAPI_PATH = "/api/openapi.json";

/** OpenAPI 3.1 generated from the contract's zod schemas, plus a docs UI at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Ascent API",
        version,
        description: "Career frameworks, people, assessments and readiness for product organisations.",
        license: { name: "AGPL-3.0-only", identifier: "AGPL-3.0-only" },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
}
