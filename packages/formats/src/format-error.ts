/** Why a framework file could not be read. The server maps these to HTTP statuses. */
export type FormatErrorCode = "file_too_large" | "unsupported_format" | "malformed_file" | "invalid_framework";

/** One located problem: a row and column in a spreadsheet, a line in YAML/JSON. */
export interface FormatErrorDetail {
  message: string;
  /** 1-based row, as a spreadsheet program shows it. */
  row?: number;
  /** Column letter ("C") in spreadsheets; a 1-based number in YAML/JSON. */
  column?: string | number;
  /** 1-based line in a text document. */
  line?: number;
  /** Path into the framework, e.g. "levels[3].id". */
  path?: string;
}

export class FormatError extends Error {
  readonly code: FormatErrorCode;
  readonly details: FormatErrorDetail[];

  constructor(code: FormatErrorCode, message: string, details: FormatErrorDetail[] = []) {
    super(message);
    this.name = "FormatError";
    this.code = code;
    this.details = details;
  }
}

export function isFormatError(value: unknown): value is FormatError {
  return value instanceof FormatError;
}

/** Uploads larger than this are refused before any parsing (5 MiB). */
export const MAX_FRAMEWORK_FILE_BYTES = 5 * 1024 * 1024;

export function assertWithinSizeLimit(byteLength: number, fileName?: string): void {
  if (byteLength > MAX_FRAMEWORK_FILE_BYTES) {
    const megabytes = (byteLength / (1024 * 1024)).toFixed(1);
    throw new FormatError("file_too_large", `${fileName ?? "The file"} is ${megabytes} MB; the limit is 5 MB`, [
      { message: `File size ${byteLength} bytes exceeds ${MAX_FRAMEWORK_FILE_BYTES} bytes` },
    ]);
  }
}
