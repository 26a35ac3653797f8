export * from "./database.ts";
export * from "./open-database.ts";
export { openPglite } from "./drivers/pglite.ts";
export { openPostgres, redactDatabaseUrl } from "./drivers/postgres.ts";
export { migrate } from "./migrate.ts";
export * from "./repositories/frameworks.repository.ts";
export * from "./repositories/people.repository.ts";
export * from "./repositories/accounts.repository.ts";
export * from "./repositories/audit.repository.ts";
