export * from "./errors/index.ts";
export type * from "./framework/framework.ts";
export type * from "./framework/ports.ts";
export * from "./framework/validate-framework.ts";
export * from "./framework/diff-frameworks.ts";
export * from "./framework/summarize-diff.ts";
export * from "./framework/framework-catalog.ts";
export * from "./framework/framework-editor.ts";
export * from "./titles/index.ts";
