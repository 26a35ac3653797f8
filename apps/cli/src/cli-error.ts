import { isAppError } from "@ascent/core";

/** An error meant for the person at the terminal: printed as one line, no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export function describeError(error: unknown): string {
  if (error instanceof CliError || isAppError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Prints the error as one line (with the stack only under --debug) and returns the exit code. */
export function reportError(error: unknown, isDebug: boolean): number {
  process.stderr.write(`ascent: error: ${describeError(error)}\n`);
  if (isDebug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write("(run with --debug for details)\n");
  return error instanceof CliError ? error.exitCode : 1;
}
