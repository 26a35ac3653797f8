export * from "./synthetic-organisation.ts";
