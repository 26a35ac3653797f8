import type { FastifyServerOptions } from "fastify";

/** One-time link secrets travel in the path; they never reach the log. */
const SECRET_PATHS = [/^(\/api\/auth\/links\/)[^/?]+/, /^(\/welcome\/)[^/?]+/];

/** A request URL fit for the log: no query string (it may hold anything) and no secret in the path. */
export function urlForLog(url: string): string {
  const path = url.split("?")[0] ?? "";
  return SECRET_PATHS.reduce((kept, pattern) => kept.replace(pattern, "$1[redacted]"), path);
}

/** Database errors carry the query's parameters (e-mail addresses, token hashes) in their message. */
function messageForLog(message: string): string {
  const cut = message.search(/\bparams:/);
  return cut === -1 ? message : `${message.slice(0, cut)}params: [redacted]`;
}

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/** An error as logged: its message without parameters, its stack frames, and its cause likewise. */
export function errorForLog(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: "(not an Error)", stack: "" };
  const code = (error as { code?: unknown }).code;
  const frames = error.stack
    ?.split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .join("\n");
  return {
    type: error.name,
    message: messageForLog(error.message),
    ...(typeof code === "string" ? { code } : {}),
    stack: frames ?? "",
    ...(error.cause !== undefined && depth < 3 ? { cause: errorForLog(error.cause, depth + 1) } : {}),
  };
}

/**
 * The server's logger: secrets in headers are censored, request bodies are never logged, URLs lose
 * their query strings and link secrets, and errors go through errorForLog.
 */
export function loggerOptions(level: string): FastifyServerOptions["logger"] {
  return {
    level,
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        "req.headers['x-csrf-token']",
        "req.body",
        "body",
        "*.password",
        "*.currentPassword",
        "*.newPassword",
        "*.tokenHash",
        "err.params",
      ],
      censor: "[redacted]",
    },
    serializers: {
      req: (request: { method: string; url: string; hostname?: string; ip?: string; id?: string }) => ({
        method: request.method,
        url: urlForLog(request.url),
        hostname: request.hostname,
        remoteAddress: request.ip,
      }),
      err: (error: unknown) => errorForLog(error),
    },
  };
}
