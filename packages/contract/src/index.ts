export * from "./endpoint.ts";
export * from "./errors.ts";
export * from "./limits.ts";
export * from "./client.ts";
export * from "./health.ts";
export * from "./framework-document.ts";
export * from "./frameworks.ts";

import { healthEndpoints } from "./health.ts";
import { frameworkEndpoints } from "./frameworks.ts";

/** Every endpoint of the API, by feature. The server's route table is checked against this. */
export const endpoints = {
  health: healthEndpoints,
  frameworks: frameworkEndpoints,
};
