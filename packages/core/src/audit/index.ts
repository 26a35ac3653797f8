export * from "./audit.ts";
export * from "./read-log.ts";
export * from "./audit-log-service.ts";
