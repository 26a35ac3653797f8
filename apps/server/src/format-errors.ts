import { AppError, type ErrorCode } from "@ascent/core";
import { isFormatError, type FormatErrorCode } from "@ascent/formats";

const FORMAT_TO_APP: Record<FormatErrorCode, ErrorCode> = {
  file_too_large: "payload_too_large",
  unsupported_format: "unsupported_format",
  malformed_file: "validation_failed",
  invalid_framework: "validation_failed",
};

/** Runs a file-reading step, turning the formats package's errors into AppErrors with their locations. */
export async function withFormatErrors<T>(read: () => Promise<T> | T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isFormatError(error)) throw new AppError(FORMAT_TO_APP[error.code], error.message, error.details);
    throw error;
  }
}
