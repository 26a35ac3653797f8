export * from "./channel-post.ts";
export * from "./ports.ts";
export * from "./channel-post-service.ts";
