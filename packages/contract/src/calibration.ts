import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";
import { ZGroupSummary } from "./readiness.ts";

const ZBand = z.enum(["low", "medium", "high"]).meta({ id: "CalibrationBand" });

const ZShare = z.number().min(0).max(1);

const ZBandThresholds = z
  .strictObject({ medium: ZShare, high: ZShare })
  .describe("Band edges on a readiness score: at or above `medium` is medium, at or above `high` is high");

export const ZNineBoxThresholds = z
  .strictObject({ performance: ZBandThresholds, potential: ZBandThresholds })
  .meta({ id: "NineBoxThresholds" });

export const ZCalibrationScope = z
  .strictObject({
    levelIds: z.array(z.string().min(1).max(LIMITS.id)).max(LIMITS.calibrationScopeEntries).optional(),
    teams: z.array(z.string().min(1).max(LIMITS.shortText)).max(LIMITS.calibrationScopeEntries).optional(),
    managerId: z.uuid().optional().describe("A department: everyone below this manager"),
  })
  .meta({ id: "CalibrationScope" });

export const ZCalibrationGuideline = z
  .strictObject({ low: ZShare, medium: ZShare, high: ZShare })
  .describe("The share of people expected per band; a guideline shown beside the histogram, never enforced")
  .meta({ id: "CalibrationGuideline" });

export const ZCalibrationSession = z
  .object({
    id: z.uuid(),
    cycleId: z.uuid(),
    name: z.string(),
    scope: ZCalibrationScope,
    facilitatorId: z.uuid().nullable(),
    participantIds: z.array(z.uuid()),
    status: z.enum(["open", "closed"]),
    guideline: ZCalibrationGuideline.nullable(),
    createdAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "CalibrationSession" });

export const ZNineBoxPlacement = z
  .strictObject({ performance: ZBand, potential: ZBand })
  .meta({ id: "NineBoxPlacement" });

const ZReadinessFigure = z.object({
  targetLevelId: z.string(),
  score: z.number(),
  verdict: z.enum(["ready", "almost", "not-yet"]),
});

export const ZCalibrationPerson = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    title: z.string(),
    team: z.string(),
    levelId: z.string().nullable(),
    managerId: z.uuid().nullable(),
    competencies: z.array(
      z.object({
        competencyId: z.string(),
        managerRating: z.number().nullable(),
        calibratedRating: z.number().nullable(),
        selfRating: z.number().nullable(),
        peer: ZGroupSummary.describe("Released aggregate over at least k raters, never one answer"),
        upward: ZGroupSummary.describe("Released aggregate over at least k raters, never one answer"),
      }),
    ),
    performance: ZReadinessFigure.describe("Readiness at their own level, with calibrated manager ratings"),
    potential: ZReadinessFigure.describe("Readiness for the next level, with calibrated manager ratings"),
    box: ZNineBoxPlacement,
    proposedBox: ZNineBoxPlacement.describe("The box the scores give, before any move by hand"),
    boxReason: z.string().nullable(),
    managerRaterEffect: z
      .object({ offset: z.number(), standardError: z.number(), ratings: z.number().int(), identifiable: z.boolean() })
      .nullable()
      .describe("The manager's estimated leniency in the cycle; null until rater effects are estimated"),
  })
  .meta({ id: "CalibrationPerson" });

export const ZLoadedCalibrationSession = z
  .object({
    session: ZCalibrationSession,
    thresholds: ZNineBoxThresholds,
    isFrozen: z.boolean(),
    people: z.array(ZCalibrationPerson),
    names: z
      .record(z.uuid(), z.string())
      .describe("Names of the facilitator, participants, managers in scope and adjustment authors, by id"),
  })
  .meta({ id: "LoadedCalibrationSession" });

const ZBandCounts = z.object({ low: z.number(), medium: z.number(), high: z.number() });

export const ZCalibrationDistribution = z
  .object({
    measure: z.enum(["performance", "potential"]),
    levels: z.array(
      z.object({
        levelId: z.string().nullable(),
        total: z.number().int(),
        counts: ZBandCounts,
        expected: ZBandCounts.nullable().describe("The guideline's share of this level's people, when set"),
      }),
    ),
  })
  .meta({ id: "CalibrationDistribution" });

export const ZNineBox = z
  .object({
    cells: z.array(z.object({ performance: ZBand, potential: ZBand, personIds: z.array(z.uuid()) })),
  })
  .meta({ id: "NineBox" });

const ZAdjustmentValue = z.union([z.number(), ZNineBoxPlacement]);

export const ZCalibrationAdjustment = z
  .object({
    id: z.number().int(),
    sessionId: z.uuid(),
    subjectId: z.uuid(),
    competencyId: z.string().nullable(),
    kind: z.enum(["rating", "box"]),
    from: ZAdjustmentValue.nullable(),
    to: ZAdjustmentValue,
    reason: z.string(),
    by: z.uuid().nullable(),
    at: z.iso.datetime(),
  })
  .meta({ id: "CalibrationAdjustment" });

export const ZManagerAdjustments = z
  .object({
    adjustments: z.array(
      ZCalibrationAdjustment.extend({
        subjectName: z.string(),
        byName: z.string().nullable().describe("Who made the adjustment; null when that person is gone"),
      }),
    ),
  })
  .meta({ id: "ManagerCalibrationAdjustments" });

const ZReason = z.string().trim().min(1, "an adjustment needs a reason").max(LIMITS.calibrationReason);

const sessionParams = z.object({ id: z.uuid() });

export const calibrationEndpoints = {
  getSettings: defineEndpoint({
    operationId: "getCalibrationSettings",
    method: "GET",
    path: "/api/settings/calibration",
    summary: "The 9-box band thresholds on readiness scores (admins)",
    tag: "calibration",
    response: ZNineBoxThresholds,
  }),
  updateSettings: defineEndpoint({
    operationId: "updateCalibrationSettings",
    method: "PUT",
    path: "/api/settings/calibration",
    summary: "Set the 9-box band thresholds (admins); written to the audit log",
    tag: "calibration",
    body: ZNineBoxThresholds,
    response: ZNineBoxThresholds,
  }),
  createSession: defineEndpoint({
    operationId: "createCalibrationSession",
    method: "POST",
    path: "/api/calibration/sessions",
    summary:
      "Open a calibration session of a review cycle over a scope (levels, teams, a department), with a " +
      "facilitator; participants default to the managers of the people in scope (admins)",
    tag: "calibration",
    body: z.strictObject({
      cycleId: z.uuid(),
      name: z.string().trim().min(1).max(LIMITS.shortText),
      scope: ZCalibrationScope,
      facilitatorId: z.uuid(),
      participantIds: z.array(z.uuid()).max(LIMITS.calibrationScopeEntries).optional(),
      guideline: ZCalibrationGuideline.nullable().optional(),
    }),
    response: ZCalibrationSession,
    successStatus: 201,
  }),
  listSessions: defineEndpoint({
    operationId: "listCalibrationSessions",
    method: "GET",
    path: "/api/calibration/sessions",
    summary: "Sessions you facilitate or take part in (every session for an admin)",
    tag: "calibration",
    response: z.object({ sessions: z.array(ZCalibrationSession) }),
  }),
  loadSession: defineEndpoint({
    operationId: "loadCalibrationSession",
    method: "GET",
    path: "/api/calibration/sessions/:id",
    summary:
      "A session with each person in scope: manager, calibrated and self ratings, released peer and upward " +
      "aggregates only, performance and potential readiness, and their 9-box place (facilitator, participants, admins)",
    tag: "calibration",
    params: sessionParams,
    response: ZLoadedCalibrationSession,
  }),
  distribution: defineEndpoint({
    operationId: "getCalibrationDistribution",
    method: "GET",
    path: "/api/calibration/sessions/:id/distribution",
    summary: "A histogram per level of performance or potential bands, beside the session's guideline",
    tag: "calibration",
    params: sessionParams,
    query: z.strictObject({ measure: z.enum(["performance", "potential"]).default("performance") }),
    response: ZCalibrationDistribution,
  }),
  nineBox: defineEndpoint({
    operationId: "getCalibrationNineBox",
    method: "GET",
    path: "/api/calibration/sessions/:id/nine-box",
    summary: "Performance × potential, banded by the thresholds, with calibrated moves applied",
    tag: "calibration",
    params: sessionParams,
    response: ZNineBox,
  }),
  listAdjustments: defineEndpoint({
    operationId: "listCalibrationAdjustments",
    method: "GET",
    path: "/api/calibration/sessions/:id/adjustments",
    summary: "Every adjustment made in the session, oldest first, with its reason, author and time",
    tag: "calibration",
    params: sessionParams,
    response: z.object({ adjustments: z.array(ZCalibrationAdjustment) }),
  }),
  adjustRating: defineEndpoint({
    operationId: "adjustCalibrationRating",
    method: "POST",
    path: "/api/calibration/sessions/:id/adjustments",
    summary:
      "Change a manager's rating of one competency of a person in scope; the reason, author, time and the " +
      "values from and to go to the audit log. 409 once the session is closed",
    tag: "calibration",
    params: sessionParams,
    body: z.strictObject({
      subjectId: z.uuid(),
      competencyId: z.string().min(1).max(LIMITS.id),
      to: z.number(),
      reason: ZReason,
    }),
    response: ZCalibrationAdjustment,
    successStatus: 201,
  }),
  moveInNineBox: defineEndpoint({
    operationId: "moveInCalibrationNineBox",
    method: "POST",
    path: "/api/calibration/sessions/:id/placements",
    summary: "Move a person in scope to another 9-box cell, with a reason (in the audit log). 409 once closed",
    tag: "calibration",
    params: sessionParams,
    body: z.strictObject({ subjectId: z.uuid(), to: ZNineBoxPlacement, reason: ZReason }),
    response: ZCalibrationAdjustment,
    successStatus: 201,
  }),
  closeSession: defineEndpoint({
    operationId: "closeCalibrationSession",
    method: "POST",
    path: "/api/calibration/sessions/:id/close",
    summary: "Close the session and freeze its calibrated values (facilitator or admin)",
    tag: "calibration",
    params: sessionParams,
    response: ZLoadedCalibrationSession,
  }),
  myReportsAdjustments: defineEndpoint({
    operationId: "listMyReportsCalibrationAdjustments",
    method: "GET",
    path: "/api/me/calibration-adjustments",
    summary: "Every calibration adjustment to the ratings and places of the people below you, with its reason",
    tag: "calibration",
    response: ZManagerAdjustments,
  }),
};

export type TCalibrationSession = z.infer<typeof ZCalibrationSession>;
export type TLoadedCalibrationSession = z.infer<typeof ZLoadedCalibrationSession>;
export type TCalibrationPerson = z.infer<typeof ZCalibrationPerson>;
export type TCalibrationAdjustment = z.infer<typeof ZCalibrationAdjustment>;
export type TCalibrationDistribution = z.infer<typeof ZCalibrationDistribution>;
export type TNineBox = z.infer<typeof ZNineBox>;
export type TNineBoxThresholds = z.infer<typeof ZNineBoxThresholds>;
