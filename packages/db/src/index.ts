export * from "./database.ts";
export * from "./open-database.ts";
export { openPglite } from "./drivers/pglite.ts";
export { openPostgres, redactDatabaseUrl } from "./drivers/postgres.ts";
export { migrate } from "./migrate.ts";
export * from "./repositories/frameworks.repository.ts";
