export * from "./ports.ts";
export * from "./invitation.ts";
export * from "./invitation-service.ts";
