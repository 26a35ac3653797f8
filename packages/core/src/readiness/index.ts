export * from "./readiness.ts";
export * from "./compute-readiness.ts";
export * from "./ports.ts";
export * from "./readiness-service.ts";
export * from "./team-views.ts";
export * from "./team-readiness.ts";
export * from "./manager-correction.ts";
