export * from "./app.ts";
export * from "./composition-root.ts";
export * from "./main.ts";
export * from "./config.ts";
export { APP_VERSION } from "./version.ts";
export { seedDemo, removeDemo, demoStatus, DEMO_PASSWORD, type DemoLogin, type DemoLogins } from "./demo/seed-demo.ts";
export { SCHEDULES, type Schedule } from "./jobs/job-queue.ts";
export { jobHandlers } from "./jobs/job-handlers.ts";
