import type { Logger } from "pino";
import { deliverNotification } from "../../core/notifications/deliver-notification.ts";
import type { Notifier } from "../../core/notifications/notification-message.ts";
import type { Clock } from "../../core/platform/clock.ts";
import type { DbClient } from "../../core/platform/db-client.ts";
import type { JobProcessor, NotifyJobName } from "../../core/platform/jobs.ts";

/** Delivers the notification jobs of the notifier's transport. */
export function sendNotificationProcessor(deps: {
  db: DbClient;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
}): JobProcessor<NotifyJobName> {
  return async (data, ctx) => {
    const logger = deps.logger.child({ jobId: ctx.jobId, notificationId: data.notificationId });
    await deliverNotification(data, { ...deps, logger });
  };
}
