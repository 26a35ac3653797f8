export * from "./fit-rater-effects.ts";
export type * from "./ports.ts";
export * from "./rater-effects-service.ts";
