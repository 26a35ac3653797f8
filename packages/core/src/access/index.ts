export * from "./viewer.ts";
export * from "./policy.ts";
