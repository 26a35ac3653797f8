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
import type { ReminderLog, ReminderSource } from "./ports.ts";

export interface ReminderPorts {
  log: ReminderLog;
  source: ReminderSource;
  cycles: Pick<CycleRepository, "list" | "participants">;
  /** Everyone with work left in a cycle's open phases (the progress list's "to remind"), checking nobody. */
  toRemind: (cycleId: string) => Promise<Reminder[]>;
  /** The cycle's progress as the viewer may see it (CycleService.progress); refuses whoever may not. */
  progress: (viewer: Viewer, cycleId: string) => Promise<{ cycle: ReviewCycle; progress: { toRemind: Reminder[] } }>;
  notify: (recipientId: string, input: NotifyInput) => Promise<unknown>;
  audit: AuditRepository;
  now: () => Date;
}

/** What one scheduled run sent, by kind, and what failed (kept for the next run). */
export interface ReminderRun {
  sent: Record<string, number>;
  failed: number;
}

export interface LateReminderResult {
  /** People reminded now. */
  reminded: number;
  /** People on the list who were reminded of this cycle earlier today, and not again. */
  alreadyReminded: number;
}

/**
 * Reminders (issue 16): the scheduled run finds what is due from the injected clock and the data, and
 * sends each reminder once per recipient, thing and period, however often it runs and on however
 * many servers: the log is claimed before anyone is notified.
 */
export class ReminderService {
  constructor(private readonly ports: ReminderPorts) {}

  /** The scheduled run (a job, no viewer): every kind of due reminder, each sent at most once. */
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
    const run: ReminderRun = { sent: {}, failed: 0 };
    for (const reminder of planned) {
      const outcome = await this.sendOnce(reminder, now);
      if (outcome === "sent") run.sent[reminder.key.kind] = (run.sent[reminder.key.kind] ?? 0) + 1;
      if (outcome === "failed") run.failed++;
    }
    return run;
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
    const result: LateReminderResult = { reminded: 0, alreadyReminded: 0 };
    for (const reminder of lateReminders(cycle, progress.toRemind, now)) {
      const outcome = await this.sendOnce(reminder, now);
      if (outcome === "sent") result.reminded++;
      if (outcome === "skipped") result.alreadyReminded++;
    }
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

  /** Claims, then notifies; a failed notification gives the claim back, so the next run tries again. */
  private async sendOnce(reminder: PlannedReminder, now: Date): Promise<"sent" | "skipped" | "failed"> {
    if (!(await this.ports.log.claim(reminder.key, now))) return "skipped";
    try {
      await this.ports.notify(reminder.key.recipientId, reminder.notification);
      return "sent";
    } catch {
      await this.ports.log.release(reminder.key);
      return "failed";
    }
  }
}
