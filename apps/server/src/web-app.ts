import { existsSync } from "node:fs";
import { sep } from "node:path";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";
import { routeNotFound, sendError } from "./middleware/error-handler.ts";

/** Vite names every built asset under assets/ with a content hash, so a given URL never changes content. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/** Hashed files may be cached forever; index.html and unhashed files are revalidated so a new release shows. */
export function cacheControlFor(filePath: string): string {
  return filePath.includes(`${sep}assets${sep}`) ? IMMUTABLE : "no-cache";
}

/**
 * Serves the built single-page app, falling back to index.html for client-side routes.
 * The build writes a .br and a .gz beside each text file; those are sent when the browser accepts them.
 * Unknown /api paths stay JSON 404s.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string | undefined): Promise<boolean> {
  const hasBuild = webDist !== undefined && existsSync(`${webDist}/index.html`);
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header("cache-control", cacheControlFor(filePath));
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith("/api/") || request.url === "/api";
    if (!isApi && hasBuild && request.method === "GET") {
      return reply.sendFile("index.html");
    }
    return sendError(reply, routeNotFound(request));
  });
  return hasBuild;
}
