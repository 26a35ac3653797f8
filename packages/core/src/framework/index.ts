export * from "./framework.ts";
export * from "./validate-framework.ts";
export * from "./diff-frameworks.ts";
export * from "./summarize-diff.ts";
export * from "./migration-map.ts";
export * from "./validate-migration-map.ts";
export * from "./infer-migration-map.ts";
export * from "./copy-framework.ts";
