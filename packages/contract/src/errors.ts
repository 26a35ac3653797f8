import { z } from "zod";
import type { ErrorCode, ErrorDetail } from "@ascent/core";

export const ZErrorDetail = z.object({
  path: z.string().optional(),
  row: z.number().int().optional(),
  column: z.union([z.string(), z.number()]).optional(),
  line: z.number().int().optional(),
  message: z.string(),
}) satisfies z.ZodType<ErrorDetail>;

export const ZErrorBody = z
  .object({
    error: z.string().describe("Stable machine-readable code, e.g. validation_failed"),
    message: z.string(),
    details: z.array(ZErrorDetail).optional(),
  })
  .meta({ id: "ErrorBody" });

export type TErrorBody = z.infer<typeof ZErrorBody>;

/** An error answered by the API, parsed back on the client side. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}
