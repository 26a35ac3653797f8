/**
 * Every length, count and range limit, declared once. The contract schemas validate with them, the web
 * forms set `maxLength` and counters from them, and the CLI reads them. Core cannot import the contract:
 * where a rule is the domain's own (the shortest password) the server passes the limit in.
 */
export const LIMITS = {
  /** Largest JSON request body. */
  jsonBodyBytes: 1024 * 1024,
  /** Largest uploaded framework or people file. */
  uploadBytes: 5 * 1024 * 1024,

  // Text lengths, in characters.
  shortText: 200,
  longText: 5000,
  evidenceText: 4000,
  /** Ids and slugs of levels, competencies, items and frameworks. */
  id: 80,
  /** Session and API token ids. */
  secretId: 64,
  email: 320,
  /** A channel webhook's address (Slack's are about 80 characters). */
  webhookUrl: 2048,
  url: 2000,
  fileName: 255,
  /** A spreadsheet's sheet name, and an API token's name. */
  label: 100,
  /** The note kept with a framework draft or a publication. */
  versionNote: 500,
  passwordMin: 10,
  passwordMax: 200,
  /** One-time link and API token secrets. */
  tokenMin: 10,
  tokenMax: 200,
  searchMin: 2,

  // Counts of items in one request.
  feedbackRaters: 20,
  /** Values in one list of a review cycle's population filter (teams, levels, frameworks, managers). */
  cyclePopulationValues: 200,
  /** The most peer and upward nominations a cycle may allow per person. */
  cycleNominationsMax: 20,
  ratingsPerSave: 100,
  evidencePerRating: 20,
  evidenceLinks: 10,
  evidenceCompetencies: 20,
  goalActions: 30,
  actionItems: 50,
  /** Sections of a promotion case (one per competency of the target level) and members of a committee. */
  promotionCaseSections: 60,
  committeeMembers: 50,
  planListEntries: 30,
  planIndustries: 20,
  planCompetencies: 15,
  planLearning: 50,
  planSteps: 50,
  planBeyondTitles: 30,
  /** Choices for open goals on removed competencies, in one migration. */
  migrationGoalChoices: 200,

  // Pages and ranges.
  pageSize: { default: 50, max: 500 },
  auditPageSize: { default: 100, max: 500 },
  /** Notifications per inbox page, and outbox mails or failed jobs per admin list. */
  inboxPageSize: { default: 20, max: 100 },
  /** Password-reset requests per address and per client address in a window of resetRequestWindowMinutes. */
  resetRequestsPerAddress: 3,
  resetRequestsPerClient: 20,
  resetRequestWindowMinutes: 15,
  /** How long an e-mailed password-reset link works. */
  resetLinkMinutes: 60,
  /** People per page of the team views: a heatmap row is about 1.5 KB, so a full page stays far below 500 KB. */
  teamPageSize: { default: 50, max: 200 },
  /** Above this many people (and with no team asked for), the team heatmap shows aggregates, not people. */
  teamAggregateAbove: 200,
  /** No JSON response of a list or team view is larger than this. */
  responseBytes: 500 * 1024,
  /** An opaque page cursor. */
  cursor: 1000,
  searchResults: { default: 20, max: 50 },
  orgDepth: 50,
  ratingConfidence: { min: 1, max: 5 },
  healthRating: { min: 1, max: 5 },
  vpFitAnswer: { min: 1, max: 5 },
  pmCount: 100_000,
  /** Progress, weights and ladder scale values, in percent or points. */
  percent: 100,
  anonymityK: { min: 2, max: 100 },
  horizonMonths: { min: 1, max: 600 },
  meetingMinutes: { min: 5, max: 480, default: 30 },
  /** Scheduled backups: at most one a year apart, and at most this many kept. */
  backupIntervalHoursMax: 24 * 366,
  backupKeepMax: 1000,
  /** The reason a calibration adjustment must give. */
  calibrationReason: 2000,
  /** Levels, teams or participants named in one calibration session. */
  calibrationScopeEntries: 200,
  /** People invited in one bulk invitation (named by id, or matched by a filter), and statuses asked for at once. */
  bulkInvitePeople: 1000,
} as const;
