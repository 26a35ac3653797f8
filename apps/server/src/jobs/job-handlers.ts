import type { AppServices } from "../composition-root.ts";
import type { JobHandlers } from "./job-queue.ts";

/** What each job does: it calls a use case through the composition root, like a route or a command. */
export function jobHandlers(
  services: Pick<AppServices, "mailDelivery" | "passwordReset" | "channelPosts">,
): JobHandlers {
  return {
    "mail.send": (message) => services.mailDelivery.deliver(message),
    "password-reset.send": ({ email }) => services.passwordReset.sendLink(email),
    "slack.post": (post) => services.channelPosts.deliver(post),
  };
}
