export * from "./one-on-one.ts";
export * from "./agenda.ts";
export * from "./health-check.ts";
export * from "./ics.ts";
export * from "./ports.ts";
export * from "./one-on-one-service.ts";
