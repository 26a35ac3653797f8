import { z } from "zod";
import type { ChannelPostKind } from "@ascent/core";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";

/** Core's CHANNEL_POST_KINDS; the type check fails when the two lists part. */
const KINDS = [
  "cycle.opened",
  "cycle.phase-closed",
  "cycle.released",
  "promotions.decided",
] as const satisfies readonly ChannelPostKind[];
export const ZChannelPostKind = z.enum(KINDS);
type NoneMissing<T extends never> = T;
/** A kind core has and the contract does not is a type error here. */
export type ChannelPostKindsComplete = NoneMissing<Exclude<ChannelPostKind, (typeof KINDS)[number]>>;

export const ZChannelWebhook = z
  .object({
    /** The saved webhook, its address masked (scheme, host and the last characters); null when none is set. */
    webhook: z
      .object({
        maskedUrl: z.string(),
        updatedAt: z.iso.datetime().nullable(),
      })
      .nullable(),
    /** Each kind of organisation-level post and whether it goes to the channel. */
    kinds: z.array(z.object({ kind: ZChannelPostKind, label: z.string(), isEnabled: z.boolean() })),
    /** The server accepts http:// addresses (ASCENT_WEBHOOK_ALLOW_HTTP=1), for a receiver on a trusted network. */
    allowsHttp: z.boolean(),
  })
  .meta({ id: "ChannelWebhook" });

export const channelWebhookEndpoints = {
  get: defineEndpoint({
    operationId: "getChannelWebhook",
    method: "GET",
    path: "/api/admin/channel-webhook",
    summary: "Admin: the organisation's Slack webhook (masked) and which kinds of post it receives",
    tag: "notifications",
    response: ZChannelWebhook,
  }),
  save: defineEndpoint({
    operationId: "saveChannelWebhook",
    method: "PUT",
    path: "/api/admin/channel-webhook",
    summary:
      "Admin: tries the incoming webhook with a test message and saves it only when the receiver takes it; " +
      "the reply shows the address masked",
    tag: "notifications",
    body: z.strictObject({ url: z.string().trim().min(1).max(LIMITS.webhookUrl) }),
    response: ZChannelWebhook,
  }),
  remove: defineEndpoint({
    operationId: "removeChannelWebhook",
    method: "DELETE",
    path: "/api/admin/channel-webhook",
    summary: "Admin: removes the webhook; nothing more is posted to the channel",
    tag: "notifications",
    response: z.null(),
    successStatus: 204,
  }),
  test: defineEndpoint({
    operationId: "testChannelWebhook",
    method: "POST",
    path: "/api/admin/channel-webhook/test",
    summary: "Admin: sends the test message to the saved webhook again",
    tag: "notifications",
    response: z.null(),
    successStatus: 204,
  }),
  setKinds: defineEndpoint({
    operationId: "setChannelPostKinds",
    method: "PUT",
    path: "/api/admin/channel-webhook/kinds",
    summary: "Admin: switches kinds of channel post on or off; kinds not named keep their setting",
    tag: "notifications",
    body: z.strictObject({
      kinds: z
        .array(z.strictObject({ kind: ZChannelPostKind, isEnabled: z.boolean() }))
        .max(ZChannelPostKind.options.length),
    }),
    response: ZChannelWebhook,
  }),
};

export type TChannelWebhook = z.infer<typeof ZChannelWebhook>;
export type TChannelPostKind = z.infer<typeof ZChannelPostKind>;
