import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";
import type { AuditRepository } from "../audit/audit.ts";
import type { ReviewCycle } from "../cycles/cycle.ts";
import type { Reminder } from "../cycles/cycle-progress.ts";
import type { CycleRepository } from "../cycles/ports.ts";
import { dayOf } from "../growth/career-plan.ts";
import type { NotifyInput } from "../notifications/notification-service.ts";
import {
  SOON_DAYS,
  addDays,
  cyclePhaseReminders,
  feedbackDueReminders,
  goalReminders,
  lateReminders,
  oneOnOneReminders,
  planReviewReminders,
  releasedReminders,
  type PlannedReminder,
} from "./due-reminders.ts";
import type { ReminderKey, ReminderLog, ReminderSource } from "./ports.ts";

export interface ReminderPorts {
  log: ReminderLog;
  source: ReminderSource;
  cycles: Pick<CycleRepository, "list" | "participants">;
  /** Everyone with work left in a cycle's open phases (the progress list's "to remind"), checking nobody. */
  toRemind: (cycleId: string) => Promise<Reminder[]>;
  /** The cycle's progress as the viewer may see it (CycleService.progress); refuses whoever may not. */
  progress: (viewer: Viewer, cycleId: string) => Promise<{ cycle: ReviewCycle; progress: { toRemind: Reminder[] } }>;
  /** Puts claimed reminders on the job queue ("reminders.deliver"), whose handler calls deliver(). */
  deliverLater: (reminders: PlannedReminder[]) => Promise<void>;
  notify: (recipientId: string, input: NotifyInput) => Promise<unknown>;
  audit: AuditRepository;
  now: () => Date;
}

/** What one scheduled run claimed and queued, by kind. */
export interface ReminderRun {
  queued: Record<string, number>;
}

export interface DeliveryResult {
  sent: number;
  /** Already notified by an earlier attempt of the same job. */
  skipped: number;
}

export interface LateReminderResult {
  /** People reminded now (their notification and mail are on the queue). */
  reminded: number;
  /** People on the list who were reminded of this cycle earlier today, and not again. */
  alreadyReminded: number;
}

/** Reminders per delivery job: a 10,000-person fan-out is fifty jobs, which several workers share. */
export const REMINDERS_PER_JOB = 200;

/**
 * Reminders (issue 16): the scheduled run finds what is due from the injected clock and the data,
 * claims each reminder once per recipient, thing and period in the log (so a rerun or a second server
 * claims nothing twice), and queues the claimed ones in batches; the delivery job notifies each person
 * and marks the reminder notified, so a retried job skips whoever it already told. Neither a request nor
 * the scheduled run waits on ten thousand notifications.
 */
export class ReminderService {
  constructor(private readonly ports: ReminderPorts) {}

  /** The scheduled run (a job, no viewer): every kind of due reminder, each claimed at most once. */
  async sendDue(): Promise<ReminderRun> {
    const now = this.ports.now();
    const soon = addDays(now, SOON_DAYS);
    const [requests, meetings, goals, plans] = await Promise.all([
      this.ports.source.requestsDueBetween(now, soon),
      this.ports.source.oneOnOnesBetween(now, addDays(now, 1)),
      // A goal whose day passed yesterday still gets its "due" notice if no run saw that day.
      this.ports.source.goalsDueBetween(dayOf(addDays(now, -1)), dayOf(soon)),
      this.ports.source.planSchedules(),
    ]);
    const planned: PlannedReminder[] = [
      ...feedbackDueReminders(requests),
      ...oneOnOneReminders(meetings),
      ...goalReminders(goals, now),
      ...planReviewReminders(plans, now),
      ...(await this.cycleReminders(now)),
    ];
    const queued: Record<string, number> = {};
    for (const reminder of await this.claimAndQueue(planned, now)) {
      queued[reminder.key.kind] = (queued[reminder.key.kind] ?? 0) + 1;
    }
    return { queued };
  }

  private async cycleReminders(now: Date): Promise<PlannedReminder[]> {
    const planned: PlannedReminder[] = [];
    for (const cycle of await this.ports.cycles.list()) {
      if (cycle.status === "active") {
        planned.push(...cyclePhaseReminders(cycle, await this.ports.toRemind(cycle.id), now));
      } else if (cycle.status === "released") {
        const participants = (await this.ports.cycles.participants(cycle.id)).filter((p) => !p.leftAt);
        planned.push(
          ...releasedReminders(
            cycle,
            participants.map((p) => p.personId),
            now,
          ),
        );
      }
    }
    return planned;
  }

  /**
   * An admin reminds everyone on the cycle's progress list who still has work in an open phase: one
   * notification (in the app and by mail) per person, at most once a day per cycle. Audited.
   */
  async remindLatePeople(viewer: Viewer | null, cycleId: string): Promise<LateReminderResult> {
    assertAdmin(viewer);
    const { cycle, progress } = await this.ports.progress(viewer, cycleId);
    const now = this.ports.now();
    const planned = lateReminders(cycle, progress.toRemind, now);
    const reminded = (await this.claimAndQueue(planned, now)).length;
    const result: LateReminderResult = { reminded, alreadyReminded: planned.length - reminded };
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "cycle.remind",
      targetType: "review_cycle",
      targetId: cycle.id,
      details: { ...result, day: dayOf(now) },
    });
    return result;
  }

  /**
   * The delivery job: notifies each reminder's recipient unless an earlier attempt did. A failure gives
   * the mark back and fails the job after the others are done, so its retry tells only whoever is left.
   */
  async deliver(reminders: PlannedReminder[]): Promise<DeliveryResult> {
    const result: DeliveryResult = { sent: 0, skipped: 0 };
    const failures: string[] = [];
    for (const reminder of reminders) {
      if (!(await this.ports.log.markNotified(reminder.key, this.ports.now()))) {
        result.skipped++;
        continue;
      }
      try {
        await this.ports.notify(reminder.key.recipientId, reminder.notification);
        result.sent++;
      } catch (error) {
        await this.ports.log.unmarkNotified(reminder.key);
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (failures.length) {
      throw new Error(`${failures.length} of ${reminders.length} reminders failed, first: ${failures[0]}`);
    }
    return result;
  }

  /** Claims what was never claimed, and queues it in batches; returns the claimed reminders. */
  private async claimAndQueue(planned: PlannedReminder[], now: Date): Promise<PlannedReminder[]> {
    const claimed: PlannedReminder[] = [];
    for (let start = 0; start < planned.length; start += REMINDERS_PER_JOB) {
      const chunk = planned.slice(start, start + REMINDERS_PER_JOB);
      const won = new Set(
        (
          await this.ports.log.claimMany(
            chunk.map((r) => r.key),
            now,
          )
        ).map(keyId),
      );
      const batch = chunk.filter((r) => won.has(keyId(r.key)));
      if (batch.length) await this.ports.deliverLater(batch);
      claimed.push(...batch);
    }
    return claimed;
  }
}

function keyId(key: ReminderKey): string {
  return JSON.stringify([key.recipientId, key.kind, key.subjectKey, key.period]);
}
