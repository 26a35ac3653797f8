export * from "./evidence.ts";
