export * from "./errors/index.ts";
export type * from "./framework/framework.ts";
export type * from "./framework/ports.ts";
export * from "./framework/framework-catalog.ts";
