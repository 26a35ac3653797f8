export * from "./find-mentors.ts";
export * from "./ports.ts";
export * from "./mentor-service.ts";
