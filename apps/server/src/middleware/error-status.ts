import type { ErrorCode } from "@ascent/core";

/** The one table from error code to HTTP status. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  payload_too_large: 413,
  unsupported_format: 415,
  not_found: 404,
  route_not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  conflict: 409,
  already_published: 409,
  already_submitted: 409,
  rate_limited: 429,
  database_unreachable: 503,
  not_ready: 503,
  internal: 500,
};
