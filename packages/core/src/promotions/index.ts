export * from "./promotion-case.ts";
export * from "./ports.ts";
export * from "./packet.ts";
export * from "./promotion-service.ts";
