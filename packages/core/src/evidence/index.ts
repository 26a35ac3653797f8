export * from "./evidence.ts";
export * from "./suggest-tags.ts";
export * from "./evidence-service.ts";
