export * from "./endpoint.ts";
export * from "./errors.ts";
export * from "./limits.ts";
export * from "./client.ts";
export * from "./health.ts";
export * from "./framework-document.ts";
export * from "./frameworks.ts";
export * from "./framework-admin.ts";
export * from "./plain-text.ts";
export * from "./titles.ts";
export * from "./auth.ts";
export * from "./people.ts";
export * from "./people-import.ts";
export * from "./audit.ts";
export * from "./demo.ts";
export * from "./assessments.ts";
export * from "./feedback.ts";
export * from "./evidence.ts";
export * from "./readiness.ts";
export * from "./plans.ts";
export * from "./goals.ts";
export * from "./promotions.ts";
export * from "./setup.ts";
export * from "./one-on-ones.ts";
export * from "./mentors.ts";
export * from "./advisor.ts";
export * from "./insights.ts";
export * from "./backups.ts";
export * from "./data-rights.ts";
export * from "./rater-effects.ts";
export * from "./notifications.ts";
export * from "./channel-webhook.ts";
export * from "./notification-settings.ts";
export * from "./cycles.ts";
export * from "./calibration.ts";
export * from "./invitations.ts";
export * from "./reminders.ts";

import { healthEndpoints } from "./health.ts";
import { frameworkEndpoints } from "./frameworks.ts";
import { frameworkAdminEndpoints } from "./framework-admin.ts";
import { titleEndpoints } from "./titles.ts";
import { authEndpoints } from "./auth.ts";
import { peopleEndpoints } from "./people.ts";
import { peopleImportEndpoints } from "./people-import.ts";
import { auditEndpoints } from "./audit.ts";
import { demoEndpoints } from "./demo.ts";
import { assessmentsEndpoints } from "./assessments.ts";
import { feedbackEndpoints } from "./feedback.ts";
import { evidenceEndpoints } from "./evidence.ts";
import { readinessEndpoints } from "./readiness.ts";
import { plansEndpoints } from "./plans.ts";
import { goalsEndpoints } from "./goals.ts";
import { oneOnOnesEndpoints } from "./one-on-ones.ts";
import { mentorsEndpoints } from "./mentors.ts";
import { advisorEndpoints } from "./advisor.ts";
import { insightsEndpoints } from "./insights.ts";
import { backupEndpoints } from "./backups.ts";
import { dataRightsEndpoints } from "./data-rights.ts";
import { promotionsEndpoints } from "./promotions.ts";
import { setupEndpoints } from "./setup.ts";
import { raterEffectsEndpoints } from "./rater-effects.ts";
import { notificationEndpoints } from "./notifications.ts";
import { notificationSettingsEndpoints } from "./notification-settings.ts";
import { cyclesEndpoints } from "./cycles.ts";
import { calibrationEndpoints } from "./calibration.ts";
import { channelWebhookEndpoints } from "./channel-webhook.ts";
import { invitationEndpoints } from "./invitations.ts";
import { remindersEndpoints } from "./reminders.ts";

/** Every endpoint of the API, by feature. The server's route table is checked against this. */
export const endpoints = {
  health: healthEndpoints,
  frameworks: frameworkEndpoints,
  frameworkAdmin: frameworkAdminEndpoints,
  titles: titleEndpoints,
  auth: authEndpoints,
  people: peopleEndpoints,
  peopleImport: peopleImportEndpoints,
  audit: auditEndpoints,
  demo: demoEndpoints,
  assessments: assessmentsEndpoints,
  feedback: feedbackEndpoints,
  evidence: evidenceEndpoints,
  readiness: readinessEndpoints,
  plans: plansEndpoints,
  goals: goalsEndpoints,
  oneOnOnes: oneOnOnesEndpoints,
  mentors: mentorsEndpoints,
  advisor: advisorEndpoints,
  insights: insightsEndpoints,
  backups: backupEndpoints,
  dataRights: dataRightsEndpoints,
  promotions: promotionsEndpoints,
  setup: setupEndpoints,
  raterEffects: raterEffectsEndpoints,
  notifications: notificationEndpoints,
  notificationSettings: notificationSettingsEndpoints,
  cycles: cyclesEndpoints,
  calibration: calibrationEndpoints,
  channelWebhook: channelWebhookEndpoints,
  invitations: invitationEndpoints,
  reminders: remindersEndpoints,
};
