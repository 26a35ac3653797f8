import type { AppServices } from "../composition-root.ts";
import type { JobHandlers } from "./job-queue.ts";

/** What each job does: it calls a use case through the composition root, like a route or a command. */
export function jobHandlers(
  services: Pick<
    AppServices,
    "mailDelivery" | "passwordReset" | "channelPosts" | "backups" | "promotions" | "reminders" | "digests"
  >,
): JobHandlers {
  return {
    "mail.send": (message) => services.mailDelivery.deliver(message),
    "password-reset.send": ({ email }) => services.passwordReset.sendLink(email),
    "slack.post": (post) => services.channelPosts.deliver(post),
    "scheduled.backup": () => services.backups.runScheduled(),
    "scheduled.level-changes": () => services.promotions.applyDueLevelChanges(),
    "scheduled.reminders": () => services.reminders.sendDue(),
    "reminders.deliver": ({ reminders }) => services.reminders.deliver(reminders),
    "scheduled.digests": () => services.digests.sendDueDigests(),
  };
}
