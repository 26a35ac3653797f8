export * from "./fit-rater-effects.ts";
