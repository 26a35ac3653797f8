export * from "./personal-data-export.ts";
