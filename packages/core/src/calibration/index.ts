export * from "./calibration.ts";
export type * from "./ports.ts";
export * from "./calibration-service.ts";
export * from "./calibrated-ratings.ts";
