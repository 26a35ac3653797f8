import type { Framework } from "./framework.ts";

/** A problem found in a framework, located by its path, e.g. ["levels", 3, "id"]. */
export interface FrameworkIssue {
  path: (string | number)[];
  message: string;
}

/** Checks structure and cross-references; returns every issue found (empty when valid). */
export function validateFramework(input: unknown): FrameworkIssue[] {
  void input;
  throw new Error("not implemented yet");
}

export function isValidFramework(input: unknown): input is Framework {
  return validateFramework(input).length === 0;
}
