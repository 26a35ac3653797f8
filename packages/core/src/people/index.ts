export * from "./person.ts";
export * from "./ports.ts";
export * from "./org-chart.ts";
export * from "./people-service.ts";
export * from "./hris-import.ts";
export * from "./people-import-service.ts";
