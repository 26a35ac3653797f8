export * from "./remove-demo.ts";
