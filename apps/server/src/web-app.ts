import { existsSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";
import { routeNotFound, sendError } from "./middleware/error-handler.ts";

/**
 * Serves the built single-page app, falling back to index.html for client-side routes.
 * Unknown /api paths stay JSON 404s.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string | undefined): Promise<boolean> {
  const hasBuild = webDist !== undefined && existsSync(`${webDist}/index.html`);
  if (hasBuild) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: "1h" });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith("/api/") || request.url === "/api";
    if (!isApi && hasBuild && request.method === "GET") {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return sendError(reply, routeNotFound(request));
  });
  return hasBuild;
}
