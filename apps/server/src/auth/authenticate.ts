import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError, type AccountService, type SessionRecord, type Viewer } from "@ascent/core";
import { CSRF_HEADER, SESSION_COOKIE } from "./session-cookie.ts";

declare module "fastify" {
  interface FastifyRequest {
    viewer: Viewer | null;
    session: SessionRecord | null;
    sessionToken: string | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(" ");
  return scheme?.toLowerCase() === "bearer" && token ? token : undefined;
}

/**
 * Works out who is calling: an API token in Authorization, or the session cookie. Cookie-authenticated
 * writes must echo the session's CSRF token in a header, which another site cannot read or send.
 */
export function registerAuthentication(app: FastifyInstance, accounts: AccountService): void {
  app.decorateRequest("viewer", null);
  app.decorateRequest("session", null);
  app.decorateRequest("sessionToken", null);
  // Before validation, so that a route can refuse an anonymous caller before telling them its schema.
  app.addHook("preValidation", async (request) => {
    // Routes outside the API with their own credentials (the metrics scraper's token).
    if ((request.routeOptions.config as { ownCredentials?: boolean } | undefined)?.ownCredentials) return;
    const bearer = bearerToken(request);
    if (bearer) {
      const viewer = await accounts.authenticateApiToken(bearer);
      if (!viewer) throw new AppError("unauthenticated", "The API token is unknown or revoked");
      request.viewer = viewer;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const found = await accounts.authenticateSession(cookie);
    if (!found) return;
    request.viewer = found.viewer;
    request.session = found.session;
    request.sessionToken = cookie;
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== found.session.csrfToken) {
      throw new AppError("csrf_failed", `Missing or wrong ${CSRF_HEADER} header for a signed-in change`);
    }
  });
}
