import { ADMIN } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentChannelWebhook } from "../presenters/channel-webhook.ts";

export function channelWebhookRoutes(services: Pick<AppServices, "channelPosts">): RouteSpec[] {
  const api = endpoints.channelWebhook;
  const { channelPosts } = services;
  return [
    route({
      endpoint: api.get,
      policy: ADMIN,
      handler: async ({ viewer }) => presentChannelWebhook(await channelPosts.view(viewer)),
    }),
    route({
      endpoint: api.save,
      policy: ADMIN,
      handler: async ({ viewer, body }) => presentChannelWebhook(await channelPosts.saveWebhook(viewer, body.url)),
    }),
    route({
      endpoint: api.remove,
      policy: ADMIN,
      handler: async ({ viewer }) => {
        await channelPosts.removeWebhook(viewer);
        return null;
      },
    }),
    route({
      endpoint: api.test,
      policy: ADMIN,
      handler: async ({ viewer }) => {
        await channelPosts.testWebhook(viewer);
        return null;
      },
    }),
    route({
      endpoint: api.setKinds,
      policy: ADMIN,
      handler: async ({ viewer, body }) => presentChannelWebhook(await channelPosts.setKinds(viewer, body.kinds)),
    }),
  ];
}
