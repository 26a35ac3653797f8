export * from "./viewer.ts";
export * from "./policy.ts";
export * from "./access.ts";
