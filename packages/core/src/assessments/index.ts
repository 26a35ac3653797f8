export * from "./assessment.ts";
export * from "./ports.ts";
export * from "./rating-rules.ts";
export * from "./assessment-service.ts";
export * from "./feedback-request-service.ts";
export * from "./migrate-assessments.ts";
export * from "./rater-relation.ts";
