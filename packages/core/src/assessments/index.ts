export * from "./assessment.ts";
export * from "./ports.ts";
