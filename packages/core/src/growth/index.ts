export * from "./career-plan.ts";
export * from "./development-goal.ts";
export * from "./ports.ts";
export * from "./career-plan-service.ts";
export * from "./goal-service.ts";
