import { isAppError, type ErrorDetail } from "@ascent/core";

export interface CliErrorOptions {
  exitCode?: number;
  /** Located problems, printed one per line under the message. */
  details?: readonly ErrorDetail[];
  /** The file the details point into; prefixes their locations ("ladder.yaml:12"). */
  fileName?: string;
  cause?: unknown;
}

/** An error meant for the person at the terminal: printed as one line (plus its details), no stack. */
export class CliError extends Error {
  readonly exitCode: number;
  readonly details: readonly ErrorDetail[];
  readonly fileName: string | undefined;

  constructor(message: string, options: CliErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CliError";
    this.exitCode = options.exitCode ?? 1;
    this.details = options.details ?? [];
    this.fileName = options.fileName;
  }
}

/** More than this many details are summarised; `ascent framework lint` prints them all. */
const MAX_PRINTED_DETAILS = 50;

/**
 * The formats package's FormatError, recognised by shape: importing @ascent/formats here would load
 * exceljs on every start and slow down `ascent --help`.
 */
function isFormatErrorLike(error: unknown): error is Error & { details: ErrorDetail[] } {
  return (
    error instanceof Error && error.name === "FormatError" && Array.isArray((error as { details?: unknown }).details)
  );
}

function detailsOf(error: unknown): { details: readonly ErrorDetail[]; fileName?: string } {
  if (error instanceof CliError)
    return { details: error.details, ...(error.fileName ? { fileName: error.fileName } : {}) };
  if (isAppError(error)) return { details: error.details ?? [] };
  if (isFormatErrorLike(error)) return { details: error.details };
  return { details: [] };
}

/**
 * One problem as one line: `ladder.yaml:12 levels[3].id: duplicate id "pm"`,
 * `ladder.csv: row 4, column C: …`, or `levels[3].id: …` when there is no file position.
 */
export function formatDetail(detail: ErrorDetail, fileName?: string): string {
  let location = fileName ?? "";
  if (detail.line !== undefined) location = fileName ? `${fileName}:${detail.line}` : `line ${detail.line}`;
  else if (detail.row !== undefined) {
    const cell = `row ${detail.row}${detail.column === undefined ? "" : `, column ${detail.column}`}`;
    location = fileName ? `${fileName}: ${cell}` : cell;
  }
  const prefix = [location, detail.path].filter(Boolean).join(" ");
  return prefix === "" ? detail.message : `${prefix}: ${detail.message}`;
}

export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const { details, fileName } = detailsOf(error);
  const lines = details.slice(0, MAX_PRINTED_DETAILS).map((detail) => `  ${formatDetail(detail, fileName)}`);
  if (details.length > MAX_PRINTED_DETAILS) lines.push(`  … and ${details.length - MAX_PRINTED_DETAILS} more`);
  return [message, ...lines].join("\n");
}

/** Prints the error as one line plus its located details (the stack only under --debug); returns the exit code. */
export function reportError(error: unknown, isDebug: boolean): number {
  process.stderr.write(`ascent: error: ${describeError(error)}\n`);
  if (isDebug && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
    if (error.cause instanceof Error && error.cause.stack) process.stderr.write(`Caused by: ${error.cause.stack}\n`);
  } else {
    process.stderr.write("(run with --debug for details)\n");
  }
  return error instanceof CliError ? error.exitCode : 1;
}
