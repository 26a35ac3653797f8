import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { ZFrameworkRef } from "./frameworks.ts";
import { LIMITS } from "./limits.ts";
import { ZLevelRef } from "./people.ts";

/**
 * Readiness (DESIGN.md §4) and its team and organisation views. Every number the rule uses is in the
 * response, so the web app can explain each one. Peer and upward results appear only as a group's
 * mean and count over at least k raters, never one answer or one rater.
 */

const ZRelationWeights = z.object({
  manager: z.number(),
  peer: z.number(),
  upward: z.number(),
  self: z.number(),
});

export const ZReadinessSettings = z
  .object({
    /** How much each relation's group mean counts in the observed value. */
    weights: ZRelationWeights,
    /**
     * The anonymity threshold: peer and upward groups show and count only with at least k raters. A
     * release is judged by the larger of the k in force when it was released and this one.
     */
    k: z.number().int(),
    /** k is never allowed below this. */
    minimumK: z.number().int(),
    /** Manager ratings count with their manager's estimated leniency or severity taken off (default off). */
    correctManagerLeniency: z.boolean(),
  })
  .meta({ id: "ReadinessSettings" });

const ZWeight = z.number().min(0).max(LIMITS.percent);
export const ZUpdateReadinessSettingsBody = z.strictObject({
  weights: z
    .strictObject({ manager: ZWeight, peer: ZWeight, upward: ZWeight, self: ZWeight })
    .refine((w) => Object.values(w).some((weight) => weight > 0), { message: "at least one weight must be above 0" }),
  k: z.number().int().min(LIMITS.anonymityK.min).max(LIMITS.anonymityK.max).describe("Anonymity threshold, at least 2"),
  correctManagerLeniency: z
    .boolean()
    .optional()
    .describe(
      "Take each manager's leniency, as estimated in the last released cycle, off their ratings; kept as is when left out",
    ),
});

/** A group's mean and count, or why it is hidden; null when nobody in that relation rated. */
export const ZGroupSummary = z
  .union([
    z.object({ mean: z.number(), count: z.number().int() }),
    z.object({ hidden: z.literal(true), reason: z.string() }),
  ])
  .nullable()
  .meta({ id: "ReadinessGroup" });

const ZGroups = z.object({ self: ZGroupSummary, manager: ZGroupSummary, peer: ZGroupSummary, upward: ZGroupSummary });

const ZCompetencyStatus = z.enum(["meets", "near", "below", "unknown"]);
/** `unverified`: the only rating is the person's own; no manager rating or released aggregate backs it. */
const ZReadinessFlag = z.enum(["self-perception-gap", "rater-disagreement", "unverified"]);

/**
 * Written peer or upward comments of the release whose aggregate is shown (n ≥ k raters), in an order
 * that depends on their text alone: no rater, time or order of submission. Plain text, shown as text.
 * Hidden, with the reason, when no release reaches k; null when nobody in that relation answered.
 */
export const ZReleasedComments = z
  .union([z.object({ texts: z.array(z.string()) }), z.object({ hidden: z.literal(true), reason: z.string() })])
  .nullable()
  .meta({ id: "ReleasedComments" });
const ZVerdict = z.enum(["ready", "almost", "not-yet"]);

export const ZCompetencyReadiness = z
  .object({
    competencyId: z.string(),
    name: z.string(),
    /** Expected at the target level, and the weight of this competency there. */
    expected: z.number(),
    weight: z.number(),
    /** The weighted mean of the visible group means; null when nobody rated it (unknown). */
    observed: z.number().nullable(),
    groups: ZGroups,
    /** Released, anonymised comments, under the same rule as the peer and upward groups. */
    comments: z.object({ peer: ZReleasedComments, upward: ZReleasedComments }),
    /** A manager rating or a released peer or upward aggregate is present. Ready needs every one corroborated. */
    isCorroborated: z.boolean(),
    /** expected − observed. */
    gap: z.number().nullable(),
    status: ZCompetencyStatus,
    flags: z.array(ZReadinessFlag),
    evidence: z.array(z.object({ id: z.string(), title: z.string(), date: z.string() })),
  })
  .meta({ id: "CompetencyReadiness" });

const ZTargetLevel = ZLevelRef.extend({ rank: z.number().int() });

export const ZPersonReadiness = z
  .object({
    personId: z.uuid(),
    framework: z.object({ slug: z.string(), version: z.number().int() }),
    scale: z.object({ min: z.number(), max: z.number() }),
    currentLevel: ZLevelRef.nullable(),
    targetLevel: ZTargetLevel,
    /** The weights and k the numbers were computed with. */
    settings: z.object({ weights: ZRelationWeights, k: z.number().int() }),
    /**
     * Set when manager ratings were corrected for their manager's leniency: the cycle whose estimates
     * were used and how many of the person's manager ratings moved.
     */
    managerCorrection: z
      .object({ cycleId: z.uuid(), cycleName: z.string(), correctedRatings: z.number().int() })
      .nullable(),
    competencies: z.array(ZCompetencyReadiness),
    /** Σ weight · min(observed / expected, 1) / Σ weight; an unknown competency counts 0. */
    score: z.number(),
    verdict: ZVerdict,
    /** Competency ids short of the target or unverified, largest weight × gap first. */
    blockers: z.array(z.string()),
  })
  .meta({ id: "PersonReadiness" });

export const ZReadinessHistory = z
  .object({
    personId: z.uuid(),
    targetLevel: ZTargetLevel,
    /** Readiness for the next level at each moment a self or manager assessment or a feedback release counted. */
    points: z.array(
      z.object({
        at: z.iso.datetime(),
        score: z.number(),
        verdict: ZVerdict,
        /** The level after the one the person held at that moment: a promotion does not rewrite the past. */
        targetLevel: ZTargetLevel,
        /** Each competency's numbers at that moment, for comparing any two points ("then versus now"). */
        competencies: z.array(
          z.object({
            competencyId: z.string(),
            name: z.string(),
            expected: z.number(),
            observed: z.number().nullable(),
            status: ZCompetencyStatus,
          }),
        ),
      }),
    ),
  })
  .meta({ id: "ReadinessHistory" });

export const ZSideBySide = z
  .object({
    personId: z.uuid(),
    targetLevel: ZTargetLevel,
    k: z.number().int(),
    competencies: z.array(
      z.object({
        competencyId: z.string(),
        name: z.string(),
        self: ZGroupSummary,
        manager: ZGroupSummary,
        peer: ZGroupSummary,
        upward: ZGroupSummary,
        /** Mean of the visible manager, peer and upward means. */
        othersMean: z.number().nullable(),
        /** self − othersMean: above zero, the person rates themself higher than others do. */
        selfPerceptionGap: z.number().nullable(),
        flags: z.array(ZReadinessFlag),
      }),
    ),
  })
  .meta({ id: "ReadinessSideBySide" });

const ZHeatmapStatus = z.enum(["meets", "near", "below", "unknown", "not-applicable"]);

export const ZHeatmapCell = z.object({
  competencyId: z.string(),
  observed: z.number().nullable(),
  /** Expected at the person's own level; null where the competency does not apply there. */
  expected: z.number().nullable(),
  /** observed − expected. */
  delta: z.number().nullable(),
  status: ZHeatmapStatus,
});

const ZCompetencyRef = z.object({ id: z.string(), name: z.string() });

const ZTeamMember = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string(),
  team: z.string(),
  level: ZLevelRef.nullable(),
});

const ZTeamPage = {
  /** People matching the filters, across every page. */
  total: z.number().int(),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
};

const ZTeamSort = z.enum(["score", "name", "verdict", "level"]);
const ZSortOrder = z.enum(["asc", "desc"]);

const ZTeamFilters = z.object({
  team: z.string().nullable(),
  level: z.string().nullable(),
  verdict: ZVerdict.nullable(),
});

export const ZTeamReadiness = z
  .object({
    sort: ZTeamSort,
    order: ZSortOrder,
    filters: ZTeamFilters,
    ...ZTeamPage,
    people: z.array(
      z.object({
        person: ZTeamMember,
        targetLevel: ZLevelRef,
        score: z.number(),
        verdict: ZVerdict,
        computedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: "TeamReadiness" });

/** An aggregate over fewer than k people, or one that a shown total would give away, is hidden. */
const ZHiddenAggregate = z.object({ hidden: z.literal(true), reason: z.string() });

const ZReadinessSummary = z.union([
  z.object({
    people: z.number().int(),
    meanScore: z.number().nullable(),
    verdicts: z.object({ ready: z.number().int(), almost: z.number().int(), "not-yet": z.number().int() }),
  }),
  ZHiddenAggregate,
]);

const ZOrgFilters = z.object({ level: z.string().nullable(), team: z.string().nullable() });

export const ZOrgReadiness = z
  .object({
    k: z.number().int(),
    filters: ZOrgFilters,
    overall: ZReadinessSummary,
    byLevel: z.array(z.object({ level: ZLevelRef, summary: ZReadinessSummary })),
    byTeam: z.array(z.object({ team: z.string(), summary: ZReadinessSummary })),
  })
  .meta({ id: "OrgReadiness" });

const ZOrgHeatmapCell = z.union([
  z.object({
    competencyId: z.string(),
    /** People in the group with an observed value where the competency applies at their level. */
    people: z.number().int(),
    observed: z.number().nullable(),
    /** Mean of what each contributor's own level expects. */
    expected: z.number().nullable(),
    delta: z.number().nullable(),
    status: ZHeatmapStatus,
  }),
  ZHiddenAggregate.extend({ competencyId: z.string() }),
]);

export const ZOrgHeatmap = z
  .object({
    k: z.number().int(),
    filters: ZOrgFilters,
    competencies: z.array(ZCompetencyRef),
    overall: z.array(ZOrgHeatmapCell),
    byLevel: z.array(z.object({ level: ZLevelRef, cells: z.array(ZOrgHeatmapCell) })),
    byTeam: z.array(z.object({ team: z.string(), cells: z.array(ZOrgHeatmapCell) })),
  })
  .meta({ id: "OrgHeatmap" });

export const ZTeamHeatmap = z
  .object({
    scope: z.enum(["direct", "all"]),
    sort: ZTeamSort,
    order: ZSortOrder,
    filters: ZTeamFilters,
    /** people: one page of rows; aggregate: means per team and per level, over at least k people. */
    mode: z.enum(["people", "aggregate"]),
    competencies: z.array(ZCompetencyRef),
    ...ZTeamPage,
    rows: z.array(z.object({ person: ZTeamMember, cells: z.array(ZHeatmapCell) })),
    aggregate: z
      .object({
        k: z.number().int(),
        byLevel: z.array(z.object({ level: ZLevelRef, cells: z.array(ZOrgHeatmapCell) })),
        byTeam: z.array(z.object({ team: z.string(), cells: z.array(ZOrgHeatmapCell) })),
      })
      .nullable(),
  })
  .meta({ id: "TeamHeatmap" });

export const ZMigrateAssessmentsBody = z.strictObject({
  fromVersion: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe("Carry assessments recorded on this version or later (default: every older version)"),
});

export const ZMigrateAssessmentsResult = z
  .object({
    framework: z.string(),
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    assessments: z.number().int(),
    people: z.number().int(),
    ratings: z.object({ renamed: z.number().int(), merged: z.number().int(), dropped: z.number().int() }),
    levelsUnplaced: z.number().int(),
  })
  .meta({ id: "MigrateAssessmentsResult" });

const ZPersonParams = z.object({ id: z.uuid() });
const ZOrgQuery = z.strictObject({
  level: z.string().min(1).max(LIMITS.id).optional().describe("Only this level"),
  team: z.string().max(LIMITS.shortText).optional().describe("Only this team"),
});

const ZTeamQuery = z.strictObject({
  sort: ZTeamSort.default("score"),
  order: ZSortOrder.default("desc"),
  team: z.string().min(1).max(LIMITS.shortText).optional().describe("Only this team"),
  level: z.string().min(1).max(LIMITS.id).optional().describe("Only this level"),
  verdict: ZVerdict.optional().describe("Only this verdict (people pages only)"),
  limit: z.coerce.number().int().min(1).max(LIMITS.teamPageSize.max).default(LIMITS.teamPageSize.default),
  cursor: z.string().min(1).max(LIMITS.cursor).optional().describe("The nextCursor of the previous page"),
});

export const readinessEndpoints = {
  forPerson: defineEndpoint({
    operationId: "getReadiness",
    method: "GET",
    path: "/api/people/:id/readiness",
    summary:
      "Readiness of a person for a level (default: the next one), number by number: for the person and the managers above them",
    tag: "readiness",
    params: ZPersonParams,
    query: z.strictObject({ target: z.string().min(1).max(LIMITS.id).optional().describe("Target level id") }),
    response: ZPersonReadiness,
  }),
  history: defineEndpoint({
    operationId: "getReadinessHistory",
    method: "GET",
    path: "/api/people/:id/readiness/history",
    summary: "Readiness for the next level at each past point where an assessment or a feedback release counted",
    tag: "readiness",
    params: ZPersonParams,
    response: ZReadinessHistory,
  }),
  sideBySide: defineEndpoint({
    operationId: "getReadinessSideBySide",
    method: "GET",
    path: "/api/people/:id/readiness/side-by-side",
    summary: "Self against manager, peer and upward aggregates per competency, with the perception-gap flags",
    tag: "readiness",
    params: ZPersonParams,
    response: ZSideBySide,
  }),
  teamHeatmap: defineEndpoint({
    operationId: "getTeamHeatmap",
    method: "GET",
    path: "/api/team/heatmap",
    summary: "Your reports × competencies: observed against what each one's own level expects",
    tag: "readiness",
    query: ZTeamQuery.extend({ scope: z.enum(["direct", "all"]).default("direct") }),
    response: ZTeamHeatmap,
  }),
  teamReadiness: defineEndpoint({
    operationId: "getTeamReadiness",
    method: "GET",
    path: "/api/team/readiness",
    summary: "Your reports' readiness for their next level, sortable",
    tag: "readiness",
    query: ZTeamQuery.extend({ scope: z.enum(["direct", "all"]).default("all") }),
    response: ZTeamReadiness,
  }),
  orgReadiness: defineEndpoint({
    operationId: "getOrgReadiness",
    method: "GET",
    path: "/api/org/readiness",
    summary: "Readiness for the next level per level and per team, as aggregates over at least k people (admins)",
    tag: "readiness",
    query: ZOrgQuery,
    response: ZOrgReadiness,
  }),
  orgHeatmap: defineEndpoint({
    operationId: "getOrgHeatmap",
    method: "GET",
    path: "/api/org/heatmap",
    summary: "Observed against expected per level and per team × competency, over at least k people (admins)",
    tag: "readiness",
    query: ZOrgQuery,
    response: ZOrgHeatmap,
  }),
  getSettings: defineEndpoint({
    operationId: "getReadinessSettings",
    method: "GET",
    path: "/api/settings/readiness",
    summary: "The relation weights and the anonymity threshold k readiness uses",
    tag: "readiness",
    response: ZReadinessSettings,
  }),
  updateSettings: defineEndpoint({
    operationId: "updateReadinessSettings",
    method: "PUT",
    path: "/api/settings/readiness",
    summary: "Change the relation weights and k (at least 2); every stored readiness is recomputed",
    tag: "readiness",
    body: ZUpdateReadinessSettingsBody,
    response: ZReadinessSettings,
  }),
  migrateAssessments: defineEndpoint({
    operationId: "migrateAssessments",
    method: "POST",
    path: "/api/frameworks/:framework/migrate-assessments",
    summary: "Carry past submitted assessments onto the newest published version through the stored migration maps",
    tag: "frameworks",
    params: ZFrameworkRef,
    body: ZMigrateAssessmentsBody,
    response: ZMigrateAssessmentsResult,
  }),
};

export type TReadinessSettings = z.infer<typeof ZReadinessSettings>;
export type TUpdateReadinessSettingsBody = z.infer<typeof ZUpdateReadinessSettingsBody>;
export type TGroupSummary = z.infer<typeof ZGroupSummary>;
export type TCompetencyReadiness = z.infer<typeof ZCompetencyReadiness>;
export type TReleasedComments = z.infer<typeof ZReleasedComments>;
export type TPersonReadiness = z.infer<typeof ZPersonReadiness>;
export type TReadinessHistory = z.infer<typeof ZReadinessHistory>;
export type TSideBySide = z.infer<typeof ZSideBySide>;
export type THeatmapCell = z.infer<typeof ZHeatmapCell>;
export type TTeamHeatmap = z.infer<typeof ZTeamHeatmap>;
export type TTeamReadiness = z.infer<typeof ZTeamReadiness>;
/** The team views' query once parsed (scope and defaults filled in). */
export type TTeamQuery = z.output<typeof ZTeamQuery> & { scope: "direct" | "all" };
export type TOrgReadiness = z.infer<typeof ZOrgReadiness>;
export type TOrgHeatmap = z.infer<typeof ZOrgHeatmap>;
export type TMigrateAssessmentsResult = z.infer<typeof ZMigrateAssessmentsResult>;
