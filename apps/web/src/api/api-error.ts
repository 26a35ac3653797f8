import type { ApiError } from "@ascent/contract";

/**
 * `error instanceof ApiError` without importing the class: the class lives in the contract,
 * whose zod schemas stay out of the first chunk (see client.ts). The contract names its errors.
 */
export function isApiError(error: unknown): error is ApiError {
  return (
    error instanceof Error && error.name === "ApiError" && typeof (error as { status?: unknown }).status === "number"
  );
}
