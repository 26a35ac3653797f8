export * from "./cycle.ts";
export type * from "./ports.ts";
