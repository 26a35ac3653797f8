export * from "./app.ts";
export * from "./main.ts";
export * from "./config.ts";
export { APP_VERSION } from "./version.ts";
