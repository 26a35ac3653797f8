/**
 * Stable error codes. The HTTP edge maps each to a status in one table
 * (apps/server/src/middleware/error-status.ts); the client parses them back.
 */
export const ERROR_CODES = [
  "validation_failed",
  "malformed_json",
  "payload_too_large",
  "unsupported_format",
  "not_found",
  "route_not_found",
  "unauthenticated",
  "forbidden",
  "csrf_failed",
  "conflict",
  "already_published",
  "already_submitted",
  "rate_limited",
  "database_unreachable",
  "not_ready",
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  /** Where the problem is: a field path ("levels[2].id"), or a row/column in a file. */
  path?: string;
  row?: number;
  column?: string | number;
  line?: number;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  /** For rate_limited: when the caller may try again. */
  retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function notFound(what: string, id: string): AppError {
  return new AppError("not_found", `No ${what} with id "${id}"`);
}
