export * from "./person.ts";
export * from "./ports.ts";
