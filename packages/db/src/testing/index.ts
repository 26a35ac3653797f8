export * from "./scratch-database.ts";
export * from "./test-databases.ts";
