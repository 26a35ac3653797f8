import type { WebhookView } from "@ascent/core";

/** The webhook as admins see it: the address only ever masked (the view carries no other form). */
export function presentChannelWebhook(view: WebhookView) {
  return {
    webhook: view.webhook
      ? { maskedUrl: view.webhook.maskedUrl, updatedAt: view.webhook.updatedAt?.toISOString() ?? null }
      : null,
    kinds: view.kinds,
    allowsHttp: view.allowsHttp,
  };
}
