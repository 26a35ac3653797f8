export * from "./cycle.ts";
export * from "./cycle-progress.ts";
export * from "./cycle-service.ts";
export type * from "./ports.ts";
