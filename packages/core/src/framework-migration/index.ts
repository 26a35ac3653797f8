export * from "./migration-plan.ts";
export * from "./migrate-framework.ts";
export type * from "./ports.ts";
