export * from "./memo.ts";
