import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, isAppError, type ErrorCode, type ErrorDetail } from "@ascent/core";
import { isDatabaseUnreachable } from "@ascent/db";
import { ERROR_STATUS } from "./error-status.ts";

/** Fastify's own client errors, by their code, translated to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "malformed_json",
  FST_ERR_CTP_EMPTY_JSON_BODY: "malformed_json",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_format",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "validation_failed",
};

function toAppError(error: FastifyError): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? "request";
    const details: ErrorDetail[] = error.validation.map((issue) => {
      const path = issue.instancePath.split("/").filter(Boolean).join(".");
      return { path: `${where}${path ? `.${path}` : ""}`, message: issue.message ?? "is invalid" };
    });
    const first = details[0];
    return new AppError(
      "validation_failed",
      first ? `Invalid ${first.path}: ${first.message}` : `Invalid ${where}`,
      details,
    );
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) {
    const message = mapped === "malformed_json" ? `Request body is not valid JSON: ${error.message}` : error.message;
    return new AppError(mapped, message);
  }
  if (isDatabaseUnreachable(error)) {
    return new AppError("database_unreachable", "The database cannot be reached right now. Try again shortly.");
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError("validation_failed", error.message);
  }
  return new AppError("internal", "Something went wrong on the server. The error has been logged.");
}

/** The error code each failed request was answered with, for the metrics. */
export const answeredErrorCodes = new WeakMap<FastifyRequest, ErrorCode>();

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  const status = ERROR_STATUS[error.code];
  answeredErrorCodes.set(reply.request, error.code);
  if (error.code === "rate_limited" && error.details?.[0]?.message) {
    reply.header("retry-after", error.details[0].message);
  }
  if (error.code === "database_unreachable") reply.header("retry-after", "5");
  return reply
    .status(status)
    .type("application/json")
    .send({ error: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.code === "internal") request.log.error({ err: error }, "unhandled error");
    else if (appError.code === "database_unreachable") request.log.warn({ code: appError.code }, error.message);
    else request.log.info({ code: appError.code }, appError.message);
    return sendError(reply, appError);
  });
}

export function routeNotFound(request: FastifyRequest): AppError {
  return new AppError("route_not_found", `No API route ${request.method} ${request.url.split("?")[0]}`);
}
