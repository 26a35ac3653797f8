export * from "./frameworks.ts";
