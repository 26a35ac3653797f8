import { aliasedTable, and, eq, gt, gte, isNull, lte } from "drizzle-orm";
import type {
  Agenda,
  DueGoal,
  DueRequest,
  PlanSchedule,
  ReminderKey,
  ReminderLog,
  ReminderSource,
  UpcomingOneOnOne,
} from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import {
  careerPlans,
  developmentGoals,
  feedbackRequestRaters,
  feedbackRequests,
  oneOnOnes,
  people,
  reminderSends,
} from "../schema/index.ts";

/** The reminders claimed: a claim is an insert that finds the row already there when it was claimed before. */
export class DrizzleReminderLog implements ReminderLog {
  constructor(private readonly db: AppDatabase) {}

  async claimMany(keys: ReminderKey[], at: Date): Promise<ReminderKey[]> {
    if (keys.length === 0) return [];
    return this.db
      .insert(reminderSends)
      .values(keys.map((key) => ({ ...key, claimedAt: at })))
      .onConflictDoNothing()
      .returning({
        recipientId: reminderSends.recipientId,
        kind: reminderSends.kind,
        subjectKey: reminderSends.subjectKey,
        period: reminderSends.period,
      });
  }

  async markNotified(key: ReminderKey, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(reminderSends)
      .set({ notifiedAt: at })
      .where(and(matches(key), isNull(reminderSends.notifiedAt)))
      .returning({ kind: reminderSends.kind });
    return rows.length > 0;
  }

  async unmarkNotified(key: ReminderKey): Promise<void> {
    await this.db.update(reminderSends).set({ notifiedAt: null }).where(matches(key));
  }
}

function matches(key: ReminderKey) {
  return and(
    eq(reminderSends.recipientId, key.recipientId),
    eq(reminderSends.kind, key.kind),
    eq(reminderSends.subjectKey, key.subjectKey),
    eq(reminderSends.period, key.period),
  );
}

/** What the scheduled reminders read; each query is bounded by a due window or by active people. */
export class DrizzleReminderSource implements ReminderSource {
  constructor(private readonly db: AppDatabase) {}

  async requestsDueBetween(from: Date, to: Date): Promise<DueRequest[]> {
    const subject = aliasedTable(people, "subject");
    const rater = aliasedTable(people, "rater");
    const rows = await this.db
      .select({
        id: feedbackRequests.id,
        subjectName: subject.name,
        dueAt: feedbackRequests.dueAt,
        raterId: feedbackRequestRaters.raterId,
      })
      .from(feedbackRequests)
      .innerJoin(subject, eq(subject.id, feedbackRequests.subjectId))
      .innerJoin(feedbackRequestRaters, eq(feedbackRequestRaters.requestId, feedbackRequests.id))
      .innerJoin(rater, eq(rater.id, feedbackRequestRaters.raterId))
      .where(
        and(
          isNull(feedbackRequests.closedAt),
          gt(feedbackRequests.dueAt, from),
          lte(feedbackRequests.dueAt, to),
          isNull(feedbackRequestRaters.answeredAt),
          eq(rater.status, "active"),
        ),
      )
      .orderBy(feedbackRequests.dueAt, feedbackRequests.id, feedbackRequestRaters.raterId);
    const byId = new Map<string, DueRequest>();
    for (const row of rows) {
      const request = byId.get(row.id) ?? {
        id: row.id,
        subjectName: row.subjectName,
        dueAt: row.dueAt,
        waitingRaterIds: [],
      };
      request.waitingRaterIds.push(row.raterId);
      byId.set(row.id, request);
    }
    return [...byId.values()];
  }

  async oneOnOnesBetween(from: Date, to: Date): Promise<UpcomingOneOnOne[]> {
    const lead = aliasedTable(people, "lead");
    const report = aliasedTable(people, "report");
    const rows = await this.db
      .select({
        id: oneOnOnes.id,
        leadId: oneOnOnes.leadId,
        leadName: lead.name,
        reportId: oneOnOnes.reportId,
        reportName: report.name,
        scheduledAt: oneOnOnes.scheduledAt,
        agenda: oneOnOnes.agenda,
      })
      .from(oneOnOnes)
      .innerJoin(lead, eq(lead.id, oneOnOnes.leadId))
      .innerJoin(report, eq(report.id, oneOnOnes.reportId))
      .where(
        and(
          gt(oneOnOnes.scheduledAt, from),
          lte(oneOnOnes.scheduledAt, to),
          eq(lead.status, "active"),
          eq(report.status, "active"),
        ),
      )
      .orderBy(oneOnOnes.scheduledAt, oneOnOnes.id);
    return rows.map((row) => ({ ...row, agenda: row.agenda as Agenda }));
  }

  async goalsDueBetween(from: string, to: string): Promise<DueGoal[]> {
    const rows = await this.db
      .select({
        id: developmentGoals.id,
        personId: developmentGoals.personId,
        title: developmentGoals.title,
        due: developmentGoals.due,
      })
      .from(developmentGoals)
      .innerJoin(people, eq(people.id, developmentGoals.personId))
      .where(
        and(
          eq(developmentGoals.status, "active"),
          gte(developmentGoals.due, from),
          lte(developmentGoals.due, to),
          eq(people.status, "active"),
        ),
      )
      .orderBy(developmentGoals.due, developmentGoals.id);
    return rows.flatMap((row) => (row.due ? [{ ...row, due: row.due }] : []));
  }

  planSchedules(): Promise<PlanSchedule[]> {
    return this.db
      .select({
        personId: careerPlans.personId,
        cadence: careerPlans.cadence,
        lastReviewedAt: careerPlans.lastReviewedAt,
        createdAt: careerPlans.createdAt,
      })
      .from(careerPlans)
      .innerJoin(people, eq(people.id, careerPlans.personId))
      .where(eq(people.status, "active"));
  }
}
