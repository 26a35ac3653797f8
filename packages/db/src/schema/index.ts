export * from "./frameworks.ts";
export * from "./people.ts";
export * from "./accounts.ts";
export * from "./audit.ts";
export * from "./settings.ts";
export * from "./assessments.ts";
export * from "./growth.ts";
export * from "./calibration.ts";
