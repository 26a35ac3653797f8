export * from "./org-profile.ts";
export * from "./advancement-paths.ts";
export * from "./vp-fit.ts";
export * from "./insights.ts";
export * from "./advisor-service.ts";
export * from "./org-chart-shape.ts";
