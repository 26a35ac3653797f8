export * from "./errors/index.ts";
export * from "./framework/index.ts";
export type * from "./framework/ports.ts";
export * from "./framework/framework-catalog.ts";
export * from "./framework/framework-editor.ts";
export * from "./titles/index.ts";
