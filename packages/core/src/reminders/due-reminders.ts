import type { CyclePhase, ReviewCycle } from "../cycles/cycle.ts";
import type { Reminder } from "../cycles/cycle-progress.ts";
import { dayOf, nextReviewAt } from "../growth/career-plan.ts";
import type { NotifyInput } from "../notifications/notification-service.ts";
import type { DueGoal, DueRequest, PlanSchedule, ReminderKey, UpcomingOneOnOne } from "./ports.ts";

/** A reminder decided on: the key that keeps it to one send, and what it says. */
export interface PlannedReminder {
  key: ReminderKey;
  notification: NotifyInput & { email: { body: string } };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead "due soon" looks, and how long after its start an opening is still news. */
export const SOON_DAYS = 2;

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** "9 December 2026", in UTC like every due date the app compares. */
export function formatDay(moment: Date): string {
  return dayFormat.format(moment);
}

export function addDays(moment: Date, days: number): Date {
  return new Date(moment.getTime() + days * DAY_MS);
}

const PHASE_NAMES: Record<Reminder["phase"], string> = {
  self: "self-assessment",
  nomination: "nomination",
  manager: "manager assessment",
};

/** Each rater still to answer a request due within SOON_DAYS; once per request (its due date is the period). */
export function feedbackDueReminders(requests: DueRequest[]): PlannedReminder[] {
  return requests.flatMap((request) =>
    request.waitingRaterIds.map((raterId) => ({
      key: {
        recipientId: raterId,
        kind: "feedback.due",
        subjectKey: `request:${request.id}`,
        period: dayOf(request.dueAt),
      },
      notification: {
        kind: "feedback.due",
        subject: `Feedback on ${request.subjectName} is due on ${formatDay(request.dueAt)}`,
        link: `/feedback/${request.id}`,
        email: {
          body: `You were asked for feedback on ${request.subjectName}. The request closes on ${formatDay(request.dueAt)}; answers given after that do not count.`,
        },
      },
    })),
  );
}

/** The agenda as mail paragraphs: the playbook's aspects with their prompts, then the items carried over. */
export function agendaParagraphs(meeting: UpcomingOneOnOne): string[] {
  const { agenda } = meeting;
  const lines = agenda.aspects.map(
    (aspect, i) => `${i + 1}. ${aspect.name}${aspect.prompts.length ? `: ${aspect.prompts.join(" ")}` : ""}`,
  );
  const carried = agenda.carriedOver.filter((item) => !item.isDone).map((item) => `Open from last time: ${item.text}`);
  const all = [...lines, ...carried];
  return all.length ? ["Agenda:", ...all] : ["No agenda items yet."];
}

/** Both participants of a 1:1 in the next 24 hours, with its agenda; a moved 1:1 is a new period. */
export function oneOnOneReminders(meetings: UpcomingOneOnOne[]): PlannedReminder[] {
  return meetings.flatMap((meeting) =>
    [
      { recipientId: meeting.leadId, other: meeting.reportName },
      { recipientId: meeting.reportId, other: meeting.leadName },
    ].map(({ recipientId, other }) => ({
      key: {
        recipientId,
        kind: "one-on-one.tomorrow",
        subjectKey: `one-on-one:${meeting.id}`,
        period: meeting.scheduledAt.toISOString(),
      },
      notification: {
        kind: "one-on-one.tomorrow",
        subject: `1:1 with ${other} on ${formatDay(meeting.scheduledAt)} at ${timeFormat.format(meeting.scheduledAt)} UTC`,
        link: `/one-on-ones/${meeting.id}`,
        email: { body: [`Your 1:1 with ${other} is coming up.`, ...agendaParagraphs(meeting)].join("\n\n") },
      },
    })),
  );
}

/** A goal's owner, once when it is due within SOON_DAYS and once on its due day. */
export function goalReminders(goals: DueGoal[], now: Date): PlannedReminder[] {
  const today = dayOf(now);
  return goals.map((goal) => {
    const isDueToday = goal.due <= today;
    const when = formatDay(new Date(`${goal.due}T00:00:00Z`));
    const name = goal.title || "A development goal";
    return {
      key: {
        recipientId: goal.personId,
        kind: "goal.due",
        subjectKey: `goal:${goal.id}`,
        period: `${goal.due}:${isDueToday ? "due" : "soon"}`,
      },
      notification: {
        kind: "goal.due",
        subject: isDueToday ? `${name} is due today` : `${name} is due on ${when}`,
        link: "/goals",
        email: {
          body: `${name} is due on ${when}. Check in on it, mark it achieved, or move its date.`,
        },
      },
    };
  });
}

const CADENCE_WORDS: Record<PlanSchedule["cadence"], string> = {
  monthly: "every month",
  quarterly: "every quarter",
  "half-yearly": "every half year",
  yearly: "every year",
};

/** A plan past its next review date (one cadence after the last review): once per due date. */
export function planReviewReminders(plans: PlanSchedule[], now: Date): PlannedReminder[] {
  return plans.flatMap((plan) => {
    const due = nextReviewAt(plan);
    if (due.getTime() > now.getTime()) return [];
    return [
      {
        key: { recipientId: plan.personId, kind: "plan.review-due", subjectKey: "career-plan", period: dayOf(due) },
        notification: {
          kind: "plan.review-due",
          subject: "Your career plan is due for its review",
          link: "/plan",
          email: {
            body: `You review your career plan ${CADENCE_WORDS[plan.cadence]}; the next review was due on ${formatDay(due)}. Look again at where you want to go and what you are doing about it.`,
          },
        },
      },
    ];
  });
}

/** Whom to remind per person, with what they still have to do. */
function byRecipient(toRemind: Reminder[]): Map<string, Reminder[]> {
  const grouped = new Map<string, Reminder[]>();
  for (const reminder of toRemind)
    grouped.set(reminder.personId, [...(grouped.get(reminder.personId) ?? []), reminder]);
  return grouped;
}

function workLine(reminder: Reminder): string {
  const what =
    reminder.phase === "manager"
      ? `the manager assessment of ${reminder.aboutName}`
      : reminder.phase === "self"
        ? "your self-assessment"
        : "your feedback nominations";
  return `${what}: due ${formatDay(reminder.dueAt)}${reminder.state === "late" ? " (late)" : ""}`;
}

/**
 * A tracked phase that opened in the last SOON_DAYS days, or is due within SOON_DAYS: each person who
 * still has work in it, once per phase for the opening and once for its closing.
 */
export function cyclePhaseReminders(cycle: ReviewCycle, toRemind: Reminder[], now: Date): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  const phaseOf = (kind: Reminder["phase"]): CyclePhase | undefined => cycle.phases.find((p) => p.kind === kind);
  for (const [recipientId, reminders] of byRecipient(toRemind)) {
    for (const kind of new Set(reminders.map((r) => r.phase))) {
      const phase = phaseOf(kind);
      if (!phase) continue;
      const subjectKey = `cycle:${cycle.id}:${kind}`;
      const isOpening = phase.opensAt.getTime() > addDays(now, -SOON_DAYS).getTime() && phase.opensAt <= now;
      const isClosingSoon = phase.dueAt > now && phase.dueAt.getTime() <= addDays(now, SOON_DAYS).getTime();
      const work = reminders.filter((r) => r.phase === kind).map(workLine);
      const notice = (period: "opening" | "closing", subject: string): PlannedReminder => ({
        key: { recipientId, kind: "cycle.phase", subjectKey, period },
        notification: {
          kind: "cycle.phase",
          subject,
          link: "/tasks",
          email: { body: [`In "${cycle.name}" you still have:`, ...work].join("\n\n") },
        },
      });
      const phaseName = `"${cycle.name}": the ${PHASE_NAMES[kind]} phase`;
      if (isOpening) planned.push(notice("opening", `${phaseName} is open`));
      if (isClosingSoon) planned.push(notice("closing", `${phaseName} closes on ${formatDay(phase.dueAt)}`));
    }
  }
  return planned;
}

/** Every participant of a cycle released in the last week learns that their results are there. */
export function releasedReminders(cycle: ReviewCycle, participantIds: string[], now: Date): PlannedReminder[] {
  const releasedAt = cycle.releasedAt;
  if (cycle.status !== "released" || !releasedAt || releasedAt.getTime() <= addDays(now, -7).getTime()) return [];
  return participantIds.map((recipientId) => ({
    key: { recipientId, kind: "cycle.released", subjectKey: `cycle:${cycle.id}`, period: "release" },
    notification: {
      kind: "cycle.released",
      subject: `The results of "${cycle.name}" are released`,
      link: "/tasks",
      email: {
        body: `The results of "${cycle.name}" are released. Read them and acknowledge them, with a comment if you want to add one.`,
      },
    },
  }));
}

/** An admin's reminder to the people still to do something in a cycle: once per person per day. */
export function lateReminders(cycle: ReviewCycle, toRemind: Reminder[], now: Date): PlannedReminder[] {
  return [...byRecipient(toRemind)].map(([recipientId, reminders]) => ({
    key: { recipientId, kind: "cycle.reminder", subjectKey: `cycle:${cycle.id}`, period: dayOf(now) },
    notification: {
      kind: "cycle.reminder",
      subject: `Reminder: your part in "${cycle.name}"`,
      link: "/tasks",
      email: { body: [`In "${cycle.name}" you still have:`, ...reminders.map(workLine)].join("\n\n") },
    },
  }));
}
