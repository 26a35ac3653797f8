export * from "./backups.ts";
export * from "./backup-service.ts";
