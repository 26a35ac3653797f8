import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";
import { ZPlainText } from "./plain-text.ts";
import { ZPersonLink } from "./people.ts";

export const ZPhaseKind = z.enum(["self", "nomination", "manager", "calibration", "release"]);
export const ZCycleStatus = z.enum(["draft", "active", "released", "closed"]);
export const ZTaskState = z.enum(["done", "in-progress", "not-started", "late"]);
const ZNominationRelation = z.enum(["peer", "upward"]);

const ZValues = z.array(z.string().trim().min(1).max(LIMITS.label)).max(LIMITS.cyclePopulationValues);

/** Every list given narrows the population; an empty filter takes every active person. */
export const ZPopulationFilter = z
  .strictObject({
    teams: ZValues.optional(),
    levels: ZValues.optional().describe("Level ids"),
    frameworks: ZValues.optional().describe("Framework slugs: people whose level belongs to one of them"),
    managers: z.array(z.uuid()).max(LIMITS.cyclePopulationValues).optional().describe("Everyone below them"),
    startedBefore: z.iso.datetime({ offset: true }).optional().describe("In the organisation before this date"),
  })
  .meta({ id: "PopulationFilter" });

export const ZCyclePhase = z
  .object({
    kind: ZPhaseKind,
    opensAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "CyclePhase" });

export const ZReviewCycle = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: ZCycleStatus,
    population: ZPopulationFilter,
    frameworkVersion: z.number().int().nullable(),
    nominationsMin: z.number().int(),
    nominationsMax: z.number().int(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    releasedAt: z.iso.datetime().nullable(),
    phases: z.array(ZCyclePhase),
  })
  .meta({ id: "ReviewCycle" });

const ZNewPhase = z.strictObject({
  kind: ZPhaseKind,
  opensAt: z.iso.datetime({ offset: true }),
  dueAt: z.iso.datetime({ offset: true }).describe("After opensAt"),
});

export const ZCreateCycleBody = z.strictObject({
  name: ZPlainText.min(1).max(LIMITS.shortText),
  population: ZPopulationFilter,
  phases: z.array(ZNewPhase).min(1).max(ZPhaseKind.options.length),
  nominationsMin: z.number().int().min(0).max(LIMITS.cycleNominationsMax).optional(),
  nominationsMax: z.number().int().min(0).max(LIMITS.cycleNominationsMax).optional(),
});

export const ZPopulationPreview = z.object({
  total: z.number().int(),
  people: z.array(ZPersonLink.extend({ team: z.string(), levelId: z.string().nullable() })),
});

export const ZCycleParticipant = z
  .object({
    person: ZPersonLink,
    manager: ZPersonLink.nullable().describe("The manager when the person joined"),
    joinedAt: z.iso.datetime(),
    leftAt: z.iso.datetime().nullable().describe("Set for leavers, whose data is kept"),
  })
  .meta({ id: "CycleParticipant" });

export const ZNomination = z
  .object({
    id: z.uuid(),
    cycleId: z.uuid(),
    subject: ZPersonLink,
    nominee: ZPersonLink,
    relation: ZNominationRelation,
    status: z.enum(["proposed", "approved", "rejected"]),
    decidedAt: z.iso.datetime().nullable(),
    feedbackRequestId: z.uuid().nullable(),
  })
  .meta({ id: "CycleNomination" });

export const ZTask = z
  .object({
    cycleId: z.uuid(),
    cycleName: z.string(),
    kind: z.enum([
      "self-assessment",
      "nominate",
      "answer-request",
      "approve-nominations",
      "manager-assessment",
      "acknowledge",
    ]),
    subject: ZPersonLink,
    dueAt: z.iso.datetime().nullable(),
    state: ZTaskState,
    requestId: z.uuid().nullable(),
  })
  .meta({ id: "CycleTask" });

const ZPhaseStates = z.object({
  self: ZTaskState.optional(),
  nomination: ZTaskState.optional(),
  manager: ZTaskState.optional(),
});

export const ZPersonProgress = z
  .object({
    person: ZPersonLink,
    team: z.string(),
    manager: ZPersonLink.nullable(),
    phases: ZPhaseStates,
  })
  .meta({ id: "CyclePersonProgress" });

const ZCounts = z.object({
  done: z.number().int(),
  inProgress: z.number().int(),
  notStarted: z.number().int(),
  late: z.number().int(),
});

export const ZReminder = z
  .object({
    person: ZPersonLink.describe("Whom to remind"),
    phase: z.enum(["self", "nomination", "manager"]),
    about: ZPersonLink,
    state: ZTaskState,
    dueAt: z.iso.datetime(),
  })
  .meta({ id: "CycleReminder" });

export const ZCycleProgress = z
  .object({
    cycle: ZReviewCycle,
    byPhase: z.object({
      self: ZCounts.optional(),
      nomination: ZCounts.optional(),
      manager: ZCounts.optional(),
    }),
    byTeam: z.array(z.object({ team: z.string(), counts: ZCounts })),
    byManager: z.array(z.object({ manager: ZPersonLink.nullable(), counts: ZCounts })),
    /** One page of the people, by name; `total` counts them all (the CSV export has every row). */
    people: z.array(ZPersonProgress),
    total: z.number().int(),
    /** How many reminders are due, and how many of them late; the list itself is GET …/reminders. */
    reminders: z.object({ total: z.number().int(), late: z.number().int() }),
  })
  .meta({ id: "CycleProgress" });

export const ZAcknowledgementStatus = z.object({
  person: ZPersonLink,
  acknowledgedAt: z.iso.datetime().nullable(),
  comment: z.string().nullable(),
});

export const ZCycleHistoryEntry = z.object({
  cycle: ZReviewCycle,
  joinedAt: z.iso.datetime(),
  leftAt: z.iso.datetime().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgementComment: z.string().nullable().describe("The comment given on acknowledging, if any"),
});

const ZCycleParams = z.object({ cycleId: z.uuid() });
const ZPhaseParams = z.object({ cycleId: z.uuid(), kind: ZPhaseKind });

export const cyclesEndpoints = {
  list: defineEndpoint({
    operationId: "listCycles",
    method: "GET",
    path: "/api/cycles",
    summary: "Every review cycle, newest first, with its phases and status",
    tag: "cycles",
    response: z.object({ cycles: z.array(ZReviewCycle) }),
  }),
  create: defineEndpoint({
    operationId: "createCycle",
    method: "POST",
    path: "/api/cycles",
    summary: "Admin: create an active review cycle for a population, with phases and deadlines",
    tag: "cycles",
    body: ZCreateCycleBody,
    response: ZReviewCycle,
    successStatus: 201,
  }),
  previewPopulation: defineEndpoint({
    operationId: "previewCyclePopulation",
    method: "POST",
    path: "/api/cycles/population-preview",
    summary: "Admin: who a population filter selects, before creating a cycle",
    tag: "cycles",
    body: z.strictObject({ population: ZPopulationFilter }),
    response: ZPopulationPreview,
  }),
  get: defineEndpoint({
    operationId: "getCycle",
    method: "GET",
    path: "/api/cycles/:cycleId",
    summary: "One review cycle with its phases",
    tag: "cycles",
    params: ZCycleParams,
    response: ZReviewCycle,
  }),
  extendPhase: defineEndpoint({
    operationId: "extendCyclePhase",
    method: "PATCH",
    path: "/api/cycles/:cycleId/phases/:kind",
    summary: "Admin: move a phase's deadline; it must stay after the phase opens",
    tag: "cycles",
    params: ZPhaseParams,
    body: z.strictObject({ dueAt: z.iso.datetime({ offset: true }) }),
    response: ZReviewCycle,
  }),
  closePhase: defineEndpoint({
    operationId: "closeCyclePhase",
    method: "POST",
    path: "/api/cycles/:cycleId/phases/:kind/close",
    summary: "Admin: close a phase now (409 when it is closed already)",
    tag: "cycles",
    params: ZPhaseParams,
    response: ZReviewCycle,
  }),
  reopenPhase: defineEndpoint({
    operationId: "reopenCyclePhase",
    method: "POST",
    path: "/api/cycles/:cycleId/phases/:kind/reopen",
    summary: "Admin: reopen a closed phase",
    tag: "cycles",
    params: ZPhaseParams,
    response: ZReviewCycle,
  }),
  participants: defineEndpoint({
    operationId: "listCycleParticipants",
    method: "GET",
    path: "/api/cycles/:cycleId/participants",
    summary: "Admin: everyone who takes or took part, leavers marked with when they left",
    tag: "cycles",
    params: ZCycleParams,
    response: z.object({ participants: z.array(ZCycleParticipant) }),
  }),
  syncParticipants: defineEndpoint({
    operationId: "syncCycleParticipants",
    method: "POST",
    path: "/api/cycles/:cycleId/participants/sync",
    summary: "Admin: add people who joined the population and mark leavers, keeping their data",
    tag: "cycles",
    params: ZCycleParams,
    response: z.object({ joined: z.array(ZPersonLink), left: z.array(ZPersonLink), rejoined: z.array(ZPersonLink) }),
  }),
  listNominations: defineEndpoint({
    operationId: "listCycleNominations",
    method: "GET",
    path: "/api/cycles/:cycleId/nominations",
    summary: "Your own nominations in a cycle and, as a manager, your direct reports'",
    tag: "cycles",
    params: ZCycleParams,
    response: z.object({ nominations: z.array(ZNomination) }),
  }),
  propose: defineEndpoint({
    operationId: "proposeCycleNomination",
    method: "POST",
    path: "/api/cycles/:cycleId/nominations",
    summary:
      "Propose a peer (not yourself, your managers or your reports) or upward (a direct report) rater for yourself",
    tag: "cycles",
    params: ZCycleParams,
    body: z.strictObject({ nomineeId: z.uuid(), relation: ZNominationRelation }),
    response: ZNomination,
    successStatus: 201,
  }),
  decide: defineEndpoint({
    operationId: "decideCycleNomination",
    method: "POST",
    path: "/api/cycle-nominations/:nominationId/decision",
    summary:
      "The subject's manager approves (optionally changing the nominee or relation) or rejects a nomination; " +
      "an approval asks the nominee through the subject's feedback request of the cycle",
    tag: "cycles",
    params: z.object({ nominationId: z.uuid() }),
    body: z.strictObject({
      decision: z.enum(["approve", "reject"]),
      nomineeId: z.uuid().optional(),
      relation: ZNominationRelation.optional(),
    }),
    response: ZNomination,
  }),
  myTasks: defineEndpoint({
    operationId: "listMyCycleTasks",
    method: "GET",
    path: "/api/me/cycle-tasks",
    summary: "Your tasks in review cycles and, as a manager, your reporting chain's progress",
    tag: "cycles",
    response: z.object({
      tasks: z.array(ZTask),
      team: z.array(z.object({ cycleId: z.uuid(), cycleName: z.string(), people: z.array(ZPersonProgress) })),
    }),
  }),
  progress: defineEndpoint({
    operationId: "getCycleProgress",
    method: "GET",
    path: "/api/cycles/:cycleId/progress",
    summary:
      "Progress by phase, team and manager (done, in progress, not started, late) and whom to remind: " +
      "everyone for an admin, the reporting chain for a manager",
    tag: "cycles",
    params: ZCycleParams,
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: ZCycleProgress,
  }),
  progressCsv: defineEndpoint({
    operationId: "exportCycleProgress",
    method: "GET",
    path: "/api/cycles/:cycleId/progress.csv",
    summary: "The progress per person as CSV: name, email-free columns team, manager and each phase's state",
    tag: "cycles",
    params: ZCycleParams,
    response: z.string().describe("The CSV file"),
    download: true,
  }),
  reminders: defineEndpoint({
    operationId: "listCycleReminders",
    method: "GET",
    path: "/api/cycles/:cycleId/reminders",
    summary: "Whom to remind: unfinished tasks in open phases, with their state and deadline",
    tag: "cycles",
    params: ZCycleParams,
    response: z.object({ reminders: z.array(ZReminder) }),
  }),
  release: defineEndpoint({
    operationId: "releaseCycle",
    method: "POST",
    path: "/api/cycles/:cycleId/release",
    summary: "Admin: release the cycle; each subject's peer and upward answers become one released snapshot",
    tag: "cycles",
    params: ZCycleParams,
    response: ZReviewCycle,
  }),
  acknowledge: defineEndpoint({
    operationId: "acknowledgeCycleResults",
    method: "POST",
    path: "/api/cycles/:cycleId/acknowledgement",
    summary: "After release, acknowledge your results, with an optional comment",
    tag: "cycles",
    params: ZCycleParams,
    body: z.strictObject({ comment: ZPlainText.max(LIMITS.longText).default("") }),
    response: z.object({ acknowledgedAt: z.iso.datetime(), comment: z.string() }),
  }),
  acknowledgements: defineEndpoint({
    operationId: "listCycleAcknowledgements",
    method: "GET",
    path: "/api/cycles/:cycleId/acknowledgements",
    summary: "Who has acknowledged their results: everyone for an admin, the reporting chain for a manager",
    tag: "cycles",
    params: ZCycleParams,
    response: z.object({ people: z.array(ZAcknowledgementStatus) }),
  }),
  history: defineEndpoint({
    operationId: "listPersonCycles",
    method: "GET",
    path: "/api/people/:id/cycles",
    summary: "The cycles a person took part in, for them, the managers above them and admins",
    tag: "cycles",
    params: z.object({ id: z.uuid() }),
    response: z.object({ cycles: z.array(ZCycleHistoryEntry) }),
  }),
};

export type TReviewCycle = z.infer<typeof ZReviewCycle>;
export type TCycleProgress = z.infer<typeof ZCycleProgress>;
export type TCycleTask = z.infer<typeof ZTask>;
export type TNomination = z.infer<typeof ZNomination>;
export type TCycleHistoryEntry = z.infer<typeof ZCycleHistoryEntry>;
export type TPersonProgress = z.infer<typeof ZPersonProgress>;
export type TReminder = z.infer<typeof ZReminder>;
export type TCreateCycleBody = z.input<typeof ZCreateCycleBody>;
export type TPopulationFilter = z.input<typeof ZPopulationFilter>;
