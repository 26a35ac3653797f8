export * from "./due-reminders.ts";
export * from "./reminder-service.ts";
export type * from "./ports.ts";
