import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { LIMITS } from "@ascent/contract";
import {
  ACTIVE_FRAMEWORK_SLUG,
  Access,
  AdvisorService,
  AssessmentMigration,
  AssessmentService,
  AccountService,
  type PasswordHasher,
  AuditLogService,
  BackupService,
  CalibrationService,
  CareerPlanService,
  CycleService,
  type CyclePorts,
  EvidenceService,
  FeedbackRequestService,
  type FeedbackRequestPorts,
  FrameworkCatalog,
  FrameworkEditor,
  FrameworkMigration,
  GoalService,
  PromotionService,
  ReminderService,
  describeAdjustment,
  SetupChecklistService,
  ChannelPostService,
  MailAdminService,
  MailDelivery,
  NotificationService,
  NotificationSettingsService,
  DigestService,
  PasswordResetService,
  InvitationService,
  MentorService,
  OneOnOneService,
  PeopleImportService,
  type PeopleImportPorts,
  PeopleService,
  PersonalDataExportService,
  RaterEffectsService,
  ReadinessService,
  TeamReadinessService,
  TitleOverrideService,
  cycleForAssessment,
  publishedLevels,
  type WebhookPoster,
} from "@ascent/core";
import {
  DrizzleAccountRepository,
  DrizzleAssessmentRepository,
  DrizzleEvidenceRepository,
  DrizzleFeedbackRequestRepository,
  DrizzleReadinessSnapshotRepository,
  DrizzleSettingsRepository,
  DrizzleApiTokenRepository,
  DrizzleAuditRepository,
  DrizzleCalibrationRepository,
  DrizzleFrameworkRepository,
  DrizzleFrameworkMigrationUnitOfWork,
  DrizzleOneTimeLinkRepository,
  DrizzleInvitationRepository,
  DrizzlePeopleRepository,
  DrizzlePersonalDataSource,
  DrizzleRaterEffectsRepository,
  DrizzleRateLimitRepository,
  DrizzleSessionRepository,
  DrizzleTitleOverrideRepository,
  DrizzleCareerPlanRepository,
  DrizzleGoalRepository,
  DrizzlePromotionRepository,
  DrizzleSetupFacts,
  DrizzleOneOnOneRepository,
  DrizzleMentorAvailabilityRepository,
  DrizzleVpFitCheckRepository,
  DrizzleMailSendLog,
  DrizzleNotificationRepository,
  DrizzleNotificationPreferenceRepository,
  DrizzleOrganisationNotificationRepository,
  DrizzleDeliveryScheduleRepository,
  DrizzleDigestRepository,
  DrizzleOutboxRepository,
  DrizzleCycleRepository,
  DrizzleChannelPostLog,
  DrizzleWebhookSettingsRepository,
  DrizzleReminderLog,
  DrizzleReminderSource,
  ChangeAwareMemo,
  countPendingMigrations,
  type DatabaseHandle,
} from "@ascent/db";
import { argon2Hasher } from "./auth/password-hasher.ts";
import { zxcvbnPasswordPolicy } from "./auth/password-policy.ts";
import { sha256Hex } from "./auth/token-hash.ts";
import { ReportingLines, relationshipResolver } from "./relationships.ts";
import { ReadinessResponses } from "./readiness-responses.ts";
import { BUILTIN_SLUG } from "./builtin-ladder.ts";
import { DemoOrganisation } from "./demo/seed-demo.ts";
import { databaseBackupMaker, folderBackupStore } from "./operations/backup-files.ts";
import { PgBossJobQueue, type RetryPolicy } from "./jobs/job-queue.ts";
import { outboxTransport, smtpTransport } from "./jobs/mail-transport.ts";
import { fetchWebhookPoster } from "./jobs/webhook-poster.ts";

export type AppServices = ReturnType<typeof buildServices>;

/** What the health check may touch of the database: its driver name, a round trip and the migration level. */
export interface DatabaseProbe extends Pick<DatabaseHandle, "driver" | "ping"> {
  /** How many of this version's migrations are not committed yet (above zero while they run). */
  pendingMigrations(): Promise<number>;
}

export function databaseProbe(database: DatabaseHandle): DatabaseProbe {
  return {
    driver: database.driver,
    ping: () => database.ping(),
    pendingMigrations: () => countPendingMigrations(database),
  };
}

/**
 * The composition root: builds every repository and every core service from one database handle.
 * The server, the CLI, the benchmarks and the tests all wire the app through here, so there is one
 * place that shows how the parts fit together.
 */
export interface ServiceOptions {
  now?: () => Date;
  /** The server trusts a proxy for the client address: failed sign-ins may then limit a whole address. */
  trustProxy?: boolean;
  /** argon2id unless given (tests count its calls). */
  hasher?: PasswordHasher;
  /** Where scheduled backups are written. */
  backupDir?: string;
  /** SMTP_URL and MAIL_FROM; without an SMTP URL, mail goes to the outbox table. */
  mail?: { smtpUrl?: string | undefined; from: string };
  /** ASCENT_WEBHOOK_ALLOW_HTTP: the channel webhook may be an http:// address. */
  webhookAllowHttp?: boolean;
  /** How channel posts reach the webhook; fetch unless a test gives its own. */
  webhookPoster?: WebhookPoster;
  /** The app's address for links in mail; read when a mail is composed, since a server learns its port late. */
  publicUrl?: () => string;
  /** How failed jobs are retried; tests retry at once. */
  jobRetry?: RetryPolicy;
  /** Where the job queue reports errors of its own (the server's log). */
  onJobError?: (error: unknown) => void;
  /** Run the queue's cron pass in this process (the server with workers; never tools or hand-drained tests). */
  runsSchedules?: boolean;
}

export function buildServices(database: DatabaseHandle, options: ServiceOptions = {}) {
  const { db } = database;
  // The clock every time-dependent rule reads (due dates, the readiness window, expiry); tests move it.
  const now = options.now ?? (() => new Date());
  const frameworkRepository = new DrizzleFrameworkRepository(db);
  const frameworks = new FrameworkCatalog(frameworkRepository);
  const people = new DrizzlePeopleRepository(db);
  const audit = new DrizzleAuditRepository(db);
  // One per process: who is behind a token, who manages whom, each person's readiness (DESIGN §7).
  const memo = new ChangeAwareMemo(database.changes, { now: () => now().getTime() });
  const reportingLines = new ReportingLines(people, memo);
  const accounts = new AccountService({
    people,
    accounts: new DrizzleAccountRepository(db),
    sessions: new DrizzleSessionRepository(db),
    links: new DrizzleOneTimeLinkRepository(db),
    tokens: new DrizzleApiTokenRepository(db),
    rateLimits: new DrizzleRateLimitRepository(db),
    hasher: options.hasher ?? argon2Hasher,
    passwordMinLength: LIMITS.passwordMin,
    passwordPolicy: zxcvbnPasswordPolicy,
    limitWholeIp: options.trustProxy === true,
    audit,
    hashToken: sha256Hex,
    memo,
    now,
  });
  const requests = new DrizzleFeedbackRequestRepository(db);
  const feedbackRequestLookup = {
    openRequestsFor: (raterId: string) => requests.openRequestsForRater(raterId, now()),
  };
  // Every permission check goes through core; the relationships it needs come from the memo.
  const access = new Access(relationshipResolver(reportingLines, feedbackRequestLookup, memo));
  const messaging = buildMessaging(database, { people, audit, accounts, requests, memo, now }, options);
  const calibrationRepository = new DrizzleCalibrationRepository(db);
  const assessmentServices = buildAssessmentServices(db, {
    people,
    frameworks,
    memo,
    audit,
    access,
    requests,
    now,
    notify: (recipientId, notification) => messaging.notifications.notify(recipientId, notification),
  });
  const cycles = buildCycleService(
    db,
    { people, frameworks, audit, now, announce: (event) => messaging.channelPosts.announce(event) },
    assessmentServices,
  );
  return {
    now,
    memo,
    reportingLines,
    access,
    frameworks,
    frameworkEditor: new FrameworkEditor(frameworkRepository),
    people,
    peopleService: new PeopleService({
      people,
      levels: publishedLevels(frameworks),
      audit,
      endSessions: (personId) => accounts.endSessionsOf(personId),
      access,
      now,
      notify: (personId, message) => messaging.notifications.notify(personId, message),
    }),
    audit,
    auditLog: new AuditLogService({ audit }),
    backups: new BackupService({
      maker: databaseBackupMaker(database, now),
      // The server passes its config's folder; tools that never schedule a backup get the default.
      store: folderBackupStore(options.backupDir ?? resolve("data-backups")),
      settings: new DrizzleSettingsRepository(db),
      audit,
      now,
    }),
    accounts,
    feedbackRequestLookup,
    setupChecklist: new SetupChecklistService(new DrizzleSetupFacts(db)),
    personalDataExport: new PersonalDataExportService({
      people,
      source: new DrizzlePersonalDataSource(db),
      readiness: assessmentServices.readiness,
      audit,
      now,
    }),
    ...assessmentServices,
    ...messaging,
    ...buildGrowthServices(
      db,
      {
        people,
        frameworks,
        audit,
        access,
        now,
        notifyPerson: (personId, message) => messaging.notifications.notify(personId, message),
      },
      assessmentServices,
    ),
    cycles,
    reminders: new ReminderService({
      log: new DrizzleReminderLog(db),
      source: new DrizzleReminderSource(db),
      cycles: new DrizzleCycleRepository(db),
      toRemind: (cycleId) => cycles.everyoneToRemind(cycleId),
      progress: (viewer, cycleId) => cycles.progress(viewer, cycleId),
      deliverLater: (reminders) => messaging.jobs.enqueue("reminders.deliver", { reminders }),
      notify: (recipientId, notification) => messaging.notifications.notify(recipientId, notification),
      audit,
      now,
    }),
    promotions: new PromotionService({
      cases: new DrizzlePromotionRepository(db),
      people,
      activeFramework: activeFrameworkOf(frameworks),
      readiness: assessmentServices.readiness,
      goals: new DrizzleGoalRepository(db),
      plans: new DrizzleCareerPlanRepository(db),
      calibrationNotes: async (personId) =>
        (await calibrationRepository.adjustmentsAbout([personId])).map((adjustment) => ({
          at: adjustment.at,
          change: describeAdjustment(adjustment),
          reason: adjustment.reason,
        })),
      audit,
      now,
      announce: (event) => messaging.channelPosts.announce(event),
      cycleName: async (cycleId) => (await new DrizzleCycleRepository(db).findById(cycleId))?.name ?? null,
      notify: async ({ recipientIds, kind, subject, link }) => {
        for (const recipientId of recipientIds) {
          await messaging.notifications.notify(recipientId, { kind, subject, link, email: { body: subject } });
        }
      },
    }),
    calibration: new CalibrationService({
      calibration: calibrationRepository,
      people,
      assessments: new DrizzleAssessmentRepository(db),
      readiness: assessmentServices.readiness,
      settings: assessmentServices.settings,
      audit,
      now,
      notify: (recipientId, notification) => messaging.notifications.notify(recipientId, notification),
      raterEffects: async (cycleId, managerIds) => {
        const wanted = new Set(managerIds);
        const { raters } = await assessmentServices.raterEffects.managerEffects(cycleId);
        return new Map(raters.filter((rater) => wanted.has(rater.raterId)).map((rater) => [rater.raterId, rater]));
      },
    }),
  };
}

/** Notifications, mail and the job queue that carries them out of requests. */
function buildMessaging(
  database: DatabaseHandle,
  {
    people,
    audit,
    accounts,
    requests,
    memo,
    now,
  }: Pick<SharedParts, "people" | "audit" | "memo" | "now"> & {
    accounts: AccountService;
    requests: DrizzleFeedbackRequestRepository;
  },
  options: ServiceOptions,
) {
  const { db } = database;
  const jobs = new PgBossJobQueue(database, {
    ...(options.jobRetry ? { retry: options.jobRetry } : {}),
    ...(options.onJobError ? { onError: options.onJobError } : {}),
    runsSchedules: options.runsSchedules === true,
  });
  const outbox = new DrizzleOutboxRepository(db);
  const smtpUrl = options.mail?.smtpUrl;
  const transport = smtpUrl
    ? smtpTransport(smtpUrl, options.mail?.from ?? "Ascent <ascent@localhost>")
    : outboxTransport(outbox, now);
  const publicUrl = options.publicUrl ?? (() => "http://localhost:3000");
  const preferences = new DrizzleNotificationPreferenceRepository(db);
  const organisation = new DrizzleOrganisationNotificationRepository(db);
  const schedules = new DrizzleDeliveryScheduleRepository(db);
  const digests = new DrizzleDigestRepository(db);
  return {
    jobs,
    mailTransport: transport.name,
    notifications: new NotificationService({
      notifications: new DrizzleNotificationRepository(db),
      preferences,
      organisation,
      schedules,
      digests,
      memo,
      people,
      jobs,
      publicUrl,
      now,
    }),
    notificationSettings: new NotificationSettingsService({ preferences, organisation, schedules, audit, now }),
    digests: new DigestService({
      digests,
      people,
      jobs,
      switches: () => organisation.switches(),
      pending: async (personId, at) => [
        {
          label: "Feedback requests to answer",
          count: (await requests.listOpenForRater(personId, at)).length,
          link: "/growth",
        },
      ],
      publicUrl,
      now,
    }),
    mailDelivery: new MailDelivery({ transport, sends: new DrizzleMailSendLog(db), now }),
    mailAdmin: new MailAdminService({ outbox, deadLetters: jobs, audit, transport: () => transport.name }),
    channelPosts: new ChannelPostService({
      settings: new DrizzleWebhookSettingsRepository(db),
      poster: options.webhookPoster ?? fetchWebhookPoster(),
      posts: new DrizzleChannelPostLog(db),
      jobs,
      audit,
      publicUrl,
      allowHttp: options.webhookAllowHttp === true,
      now,
    }),
    invitations: new InvitationService({
      people,
      invitations: new DrizzleInvitationRepository(db),
      links: accounts,
      jobs,
      audit,
      transport: () => transport.name,
      publicUrl,
      maxPeople: LIMITS.bulkInvitePeople,
      now,
    }),
    passwordReset: new PasswordResetService({
      people,
      accounts,
      transport: () => transport.name,
      rateLimits: new DrizzleRateLimitRepository(db),
      jobs,
      audit,
      publicUrl,
      limits: {
        perAddress: LIMITS.resetRequestsPerAddress,
        perClient: LIMITS.resetRequestsPerClient,
        windowMinutes: LIMITS.resetRequestWindowMinutes,
        linkMinutes: LIMITS.resetLinkMinutes,
      },
      now,
    }),
  };
}

/** What the parts of the app share: the people, the frameworks, the per-process memo and the audit log. */
interface SharedParts {
  people: DrizzlePeopleRepository;
  frameworks: FrameworkCatalog;
  memo: ChangeAwareMemo;
  audit: DrizzleAuditRepository;
  access: Access;
  now: () => Date;
}

/** The latest version of a framework by slug or id; the built-in ladder when none is named. */
function builtinOr(frameworks: FrameworkCatalog) {
  return async (ref?: string) => (await frameworks.version(ref ?? BUILTIN_SLUG, "latest")).document;
}

/** The ladder in force: the latest published version of the active framework. */
function activeFrameworkOf(frameworks: FrameworkCatalog) {
  return async () => {
    const latest = await frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest");
    return { document: latest.document, version: latest.version };
  };
}

/** Assessments, feedback requests, evidence and readiness; submissions keep readiness snapshots fresh. */
function buildAssessmentServices(
  db: DatabaseHandle["db"],
  {
    people,
    frameworks,
    memo,
    audit,
    access,
    requests,
    now,
    notify,
  }: SharedParts & { requests: DrizzleFeedbackRequestRepository; notify: FeedbackRequestPorts["notify"] },
) {
  const assessmentRepository = new DrizzleAssessmentRepository(db);
  const cycleRepository = new DrizzleCycleRepository(db);
  const evidence = new DrizzleEvidenceRepository(db);
  const settings = new DrizzleSettingsRepository(db);
  const readinessSnapshots = new DrizzleReadinessSnapshotRepository(db);
  const readiness: ReadinessService = new ReadinessService({
    people,
    assessments: assessmentRepository,
    evidence,
    frameworks,
    settings,
    snapshots: readinessSnapshots,
    requests,
    audit,
    access,
    memo,
    chains: people,
    lastClosedCycleStart: (at) => cycleRepository.lastClosedCycleStart(at),
    fitManagerOffsets: async (cycleId): Promise<Record<string, number>> => {
      const { raters } = await raterEffects.managerEffects(cycleId);
      return Object.fromEntries(raters.filter((r) => r.identifiable).map((r) => [r.raterId, r.offset]));
    },
    lastReleasedCycle: () => cycleRepository.lastReleased(),
    releasedCalibrations: (subjectIds) => new DrizzleCalibrationRepository(db).releasedCalibrations(subjectIds),
    now,
  });
  const raterEffects: RaterEffectsService = new RaterEffectsService({
    ratings: new DrizzleRaterEffectsRepository(db),
    anonymityThreshold: async () => (await readiness.settings()).k,
    memo,
    now,
  });
  const onReadinessInputsChanged = (personId: string) => readiness.refreshSnapshots([personId]);
  // Admins read anyone's readiness, so they never rate as a peer or report (DESIGN §4).
  const accountRepository = new DrizzleAccountRepository(db);
  const isAdmin = async (personId: string) => (await accountRepository.find(personId))?.isAdmin ?? false;
  const feedbackRequests = new FeedbackRequestService({
    people,
    requests,
    isAdmin,
    onReadinessInputsChanged,
    now,
    anonymityThreshold: async () => (await readiness.settings()).k,
    ...(notify ? { notify } : {}),
  });
  return {
    requests,
    evidence,
    settings,
    readiness,
    readinessResponses: new ReadinessResponses(readiness),
    readinessSnapshots,
    assessmentMigration: new AssessmentMigration({
      assessments: assessmentRepository,
      frameworks,
      onMigrated: (personIds) => readiness.refreshSnapshots(personIds),
      audit,
    }),
    frameworkMigration: new FrameworkMigration({
      unitOfWork: new DrizzleFrameworkMigrationUnitOfWork(db),
      onMigrated: (personIds) => readiness.refreshSnapshots(personIds),
    }),
    feedbackRequests,
    teamReadiness: new TeamReadinessService({
      people,
      snapshots: readinessSnapshots,
      readiness,
      activeVersion: () => frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest"),
      aggregateAbove: LIMITS.teamAggregateAbove,
      now,
    }),
    assessments: new AssessmentService({
      people,
      assessments: assessmentRepository,
      requests,
      frameworks,
      isAdmin,
      onReadinessInputsChanged,
      access,
      cycleFor: async (subjectId, relation, at) =>
        cycleForAssessment(await cycleRepository.cyclesOf(subjectId), relation, at),
      now,
    }),
    evidenceService: new EvidenceService({ evidence, people, activeFramework: activeFrameworkOf(frameworks), audit }),
    raterEffects,
  };
}

/** Review cycles: nominations become feedback requests through their use case; a release refreshes readiness. */
function buildCycleService(
  db: DatabaseHandle["db"],
  {
    people,
    frameworks,
    audit,
    now,
    announce,
  }: Pick<SharedParts, "people" | "frameworks" | "audit" | "now"> & Pick<CyclePorts, "announce">,
  { feedbackRequests, requests, readiness }: ReturnType<typeof buildAssessmentServices>,
) {
  const accountRepository = new DrizzleAccountRepository(db);
  return new CycleService({
    cycles: new DrizzleCycleRepository(db),
    people,
    feedbackRequests,
    requests,
    isAdmin: async (personId) => (await accountRepository.find(personId))?.isAdmin ?? false,
    frameworkLevels: async (slugs) => {
      const found = new Map<string, string[]>();
      for (const slug of slugs) {
        const latest = await frameworks.version(slug, "latest").catch(() => null);
        if (latest)
          found.set(
            slug,
            latest.document.levels.map((level) => level.id),
          );
      }
      return found;
    },
    activeFrameworkVersion: async () => (await activeFrameworkOf(frameworks)().catch(() => null))?.version ?? null,
    anonymityThreshold: async () => (await readiness.settings()).k,
    onReadinessInputsChanged: (personIds) => readiness.refreshSnapshots(personIds),
    onReleased: (cycle) => readiness.recordManagerOffsets(cycle),
    onWindowChanged: () => readiness.refreshAllSnapshots(),
    audit,
    ...(announce ? { announce } : {}),
    now,
  });
}

/** Career plans, goals, 1:1s, mentors, titles and the advisor. */
function buildGrowthServices(
  db: DatabaseHandle["db"],
  {
    people,
    frameworks,
    audit,
    access,
    now,
    notifyPerson,
  }: Omit<SharedParts, "memo"> & { notifyPerson: NonNullable<PeopleImportPorts["notify"]> },
  { readiness, settings, readinessSnapshots }: ReturnType<typeof buildAssessmentServices>,
) {
  const activeFramework = activeFrameworkOf(frameworks);
  const titleOverrides = new DrizzleTitleOverrideRepository(db);
  const careerPlans = new DrizzleCareerPlanRepository(db);
  const developmentGoals = new DrizzleGoalRepository(db);
  const oneOnOnes = new DrizzleOneOnOneRepository(db);
  const mentorAvailability = new DrizzleMentorAvailabilityRepository(db);
  const mentorSnapshots = new DrizzleReadinessSnapshotRepository(db);
  const vpFitChecks = new DrizzleVpFitCheckRepository(db);
  return {
    titleOverrides,
    careerPlans,
    developmentGoals,
    oneOnOnes,
    mentorAvailability,
    mentorSnapshots,
    vpFitChecks,
    careerPlanService: new CareerPlanService({
      plans: careerPlans,
      people,
      titleOverrides,
      readiness,
      activeFramework,
      audit,
    }),
    goalService: new GoalService({ goals: developmentGoals, people, readiness, activeFramework, audit }),
    oneOnOneService: new OneOnOneService({ oneOnOnes, people, activeFramework, newId: randomUUID, audit }),
    mentorService: new MentorService({
      people,
      snapshots: mentorSnapshots,
      availability: mentorAvailability,
      activeFramework,
      access,
    }),
    advisorService: new AdvisorService({
      settings,
      people,
      vpFitChecks,
      snapshots: readinessSnapshots,
      activeFramework,
      anonymityThreshold: async () => (await readiness.settings()).k,
      audit,
      access,
    }),
    titles: new TitleOverrideService({ overrides: titleOverrides, framework: builtinOr(frameworks), audit }),
    peopleImport: new PeopleImportService({
      people,
      titleOverrides,
      ladder: builtinOr(frameworks),
      audit,
      createdIdsLimit: LIMITS.bulkInvitePeople,
      now,
      notify: notifyPerson,
    }),
  };
}

/** The demo organisation's use cases; they write through their own transaction on the database. */
export function buildDemoOrganisation(services: AppServices, database: DatabaseHandle): DemoOrganisation {
  return new DemoOrganisation(services, database);
}
