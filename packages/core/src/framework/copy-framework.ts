import type { Framework } from "./framework.ts";

/** A deep copy that shares nothing with the original, so a draft can be edited without touching a published version. */
export function copyFramework(framework: Framework): Framework {
  return structuredClone(framework);
}
