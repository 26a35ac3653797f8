export * from "./setup-checklist.ts";
