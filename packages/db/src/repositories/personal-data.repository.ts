import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { PersonalDataRow, PersonalDataSource } from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import {
  assessments,
  auditEvents,
  careerPlanReviews,
  careerPlans,
  collaborationHealthChecks,
  developmentGoals,
  evidence,
  goalCheckIns,
  notificationDigestItems,
  notificationPreferences,
  notificationSchedules,
  notifications,
  oneOnOnePrivateNotes,
  oneOnOnes,
  people,
  personLevelHistory,
  ratings,
  vpFitChecks,
} from "../schema/index.ts";

/**
 * Reads everything that is a person's own for their data export. Ratings about them come only from
 * their manager; peer and upward answers about them never leave this class (the export carries the
 * released aggregates of their readiness instead). Of private 1:1 notes, only the ones they wrote.
 */
export class DrizzlePersonalDataSource implements PersonalDataSource {
  constructor(private readonly db: AppDatabase) {}

  async collect(personId: string, options: { includePrivateNotes: boolean }): Promise<Map<string, PersonalDataRow[]>> {
    const db = this.db;
    const tables = new Map<string, PersonalDataRow[]>();
    tables.set("profile", await db.select().from(people).where(eq(people.id, personId)));
    tables.set(
      "level-history",
      await db
        .select()
        .from(personLevelHistory)
        .where(eq(personLevelHistory.personId, personId))
        .orderBy(asc(personLevelHistory.effectiveAt)),
    );
    const given = await db
      .select()
      .from(assessments)
      .where(eq(assessments.raterId, personId))
      .orderBy(asc(assessments.createdAt), asc(assessments.id));
    const fromManager = await db
      .select()
      .from(assessments)
      .where(
        and(
          eq(assessments.subjectId, personId),
          eq(assessments.relation, "manager"),
          eq(assessments.status, "submitted"),
        ),
      )
      .orderBy(asc(assessments.createdAt), asc(assessments.id));
    tables.set("assessments-given", given);
    tables.set("assessments-received-from-manager", fromManager);
    const assessmentIds = [...given, ...fromManager].map((a) => a.id);
    tables.set(
      "ratings",
      assessmentIds.length === 0
        ? []
        : await db
            .select()
            .from(ratings)
            .where(inArray(ratings.assessmentId, assessmentIds))
            .orderBy(asc(ratings.assessmentId), asc(ratings.competencyId)),
    );
    tables.set(
      "evidence",
      await db.select().from(evidence).where(eq(evidence.personId, personId)).orderBy(asc(evidence.createdAt)),
    );
    tables.set("career-plan", await db.select().from(careerPlans).where(eq(careerPlans.personId, personId)));
    tables.set(
      "career-plan-reviews",
      await db
        .select()
        .from(careerPlanReviews)
        .where(eq(careerPlanReviews.personId, personId))
        .orderBy(asc(careerPlanReviews.reviewedAt)),
    );
    const goals = await db
      .select()
      .from(developmentGoals)
      .where(eq(developmentGoals.personId, personId))
      .orderBy(asc(developmentGoals.createdAt));
    tables.set("goals", goals);
    tables.set(
      "goal-check-ins",
      goals.length === 0
        ? []
        : await db
            .select()
            .from(goalCheckIns)
            .where(
              inArray(
                goalCheckIns.goalId,
                goals.map((g) => g.id),
              ),
            )
            .orderBy(asc(goalCheckIns.at)),
    );
    tables.set(
      "one-on-ones",
      await db
        .select({
          id: oneOnOnes.id,
          leadId: oneOnOnes.leadId,
          reportId: oneOnOnes.reportId,
          scheduledAt: oneOnOnes.scheduledAt,
          agenda: oneOnOnes.agenda,
          sharedNotes: oneOnOnes.sharedNotes,
          actionItems: oneOnOnes.actionItems,
        })
        .from(oneOnOnes)
        .where(or(eq(oneOnOnes.leadId, personId), eq(oneOnOnes.reportId, personId)))
        .orderBy(asc(oneOnOnes.scheduledAt)),
    );
    if (options.includePrivateNotes) {
      tables.set(
        "one-on-one-private-notes",
        await db.select().from(oneOnOnePrivateNotes).where(eq(oneOnOnePrivateNotes.authorId, personId)),
      );
    }
    tables.set(
      "collaboration-health-checks-given",
      await db.select().from(collaborationHealthChecks).where(eq(collaborationHealthChecks.raterId, personId)),
    );
    tables.set("vp-fit-checks", await db.select().from(vpFitChecks).where(eq(vpFitChecks.personId, personId)));
    tables.set(
      "access-log",
      await db
        .select({
          at: auditEvents.at,
          actorId: auditEvents.actorId,
          action: auditEvents.action,
          targetType: auditEvents.targetType,
          targetId: auditEvents.targetId,
        })
        .from(auditEvents)
        .where(and(eq(auditEvents.kind, "read"), eq(auditEvents.subjectId, personId)))
        .orderBy(asc(auditEvents.id)),
    );
    tables.set(
      "notifications",
      await db
        .select()
        .from(notifications)
        .where(eq(notifications.recipientId, personId))
        .orderBy(asc(notifications.createdAt)),
    );
    tables.set(
      "notification-preferences",
      await db.select().from(notificationPreferences).where(eq(notificationPreferences.personId, personId)),
    );
    tables.set(
      "notification-schedule",
      await db.select().from(notificationSchedules).where(eq(notificationSchedules.personId, personId)),
    );
    tables.set(
      "notification-digest-items",
      await db
        .select()
        .from(notificationDigestItems)
        .where(eq(notificationDigestItems.personId, personId))
        .orderBy(asc(notificationDigestItems.createdAt)),
    );
    return tables;
  }
}
