import type { FastifyInstance } from "fastify";

const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// The API reference page (Swagger UI) styles itself inline; it gets that and nothing more.
const DOCS_CSP = APP_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

export function registerSecurityHeaders(app: FastifyInstance): void {
  // A callback hook rather than an async one: it runs on every response, and a promise each time shows.
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header("content-security-policy", request.url.startsWith("/api/docs") ? DOCS_CSP : APP_CSP);
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "same-origin");
    reply.header("cross-origin-opener-policy", "same-origin");
    if (request.protocol === "https") reply.header("strict-transport-security", "max-age=31536000");
    done(null, payload);
  });
}
