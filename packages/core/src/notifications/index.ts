export * from "./ports.ts";
export * from "./compose-mail.ts";
export * from "./notification-service.ts";
export * from "./mail-delivery.ts";
export * from "./mail-admin-service.ts";
export * from "./notification-kinds.ts";
