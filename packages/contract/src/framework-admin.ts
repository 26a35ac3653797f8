import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { ZFramework } from "./framework-document.ts";
import { ZFrameworkRef, ZFrameworkSummary, ZFrameworkVersion } from "./frameworks.ts";
import { ZPlainText } from "./plain-text.ts";
import { LIMITS } from "./limits.ts";

const ZVersionRef = z.union([z.literal("latest"), z.coerce.number().int().min(1)]);

export const ZFieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

const listDiff = <T extends z.ZodType, K extends z.ZodRawShape>(item: T, key: K) =>
  z.object({
    added: z.array(item),
    removed: z.array(item),
    changed: z.array(z.object({ ...key, changes: z.array(ZFieldChange) })),
  });

export const ZFrameworkDiff = z
  .object({
    framework: z.array(ZFieldChange),
    scale: z.array(ZFieldChange),
    scalePoints: listDiff(z.unknown(), { value: z.number() }),
    sources: listDiff(z.unknown(), { id: z.string() }),
    levels: listDiff(z.unknown(), { id: z.string() }),
    competencies: listDiff(z.unknown(), { id: z.string() }),
    expectations: listDiff(z.unknown(), { levelId: z.string(), competencyId: z.string() }),
    playbooks: listDiff(z.unknown(), { id: z.string() }),
    playbookAspects: listDiff(z.unknown(), { playbookId: z.string(), aspectId: z.string() }),
    guidance: z.array(ZFieldChange),
  })
  .meta({ id: "FrameworkDiff" });

export const ZFrameworkDiffResponse = z.object({ from: z.number().int(), to: z.number().int(), diff: ZFrameworkDiff });

export const ZImportQuery = z.strictObject({
  fileName: z
    .string()
    .min(1)
    .max(LIMITS.fileName)
    .describe("Original file name; its extension helps detect the format"),
  sheet: z.string().max(LIMITS.label).optional().describe("XLSX only: the sheet to read (default: the first)"),
  name: ZPlainText.max(LIMITS.shortText)
    .optional()
    .describe("Name of the framework, in any format; a different name under a known slug is refused"),
  slug: z
    .string()
    .max(LIMITS.id)
    .optional()
    .describe("Slug: a new one creates a framework, a known one starts a draft version of it"),
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("true: return the preview and write nothing"),
});

export const ZImportPreview = z
  .object({
    format: z.enum(["yaml", "json", "csv", "xlsx"]),
    levels: z.array(z.object({ id: z.string(), name: z.string(), rank: z.number().int() })),
    competencies: z.array(z.object({ id: z.string(), name: z.string(), area: z.string() })),
    emptyCells: z.array(
      z.object({ row: z.number().int(), column: z.string(), level: z.string(), competency: z.string() }),
    ),
    warnings: z.array(z.string()),
    sheetName: z.string().optional(),
    sheetNames: z.array(z.string()).optional(),
    framework: ZFramework,
  })
  .meta({ id: "ImportPreview" });

export const ZImportResult = z.object({
  preview: ZImportPreview,
  /** Absent on a dry run. */
  created: ZFrameworkSummary.optional(),
});

export const ZExportQuery = z.strictObject({ format: z.enum(["yaml", "json", "csv", "xlsx", "md"]) });

export const ZSaveDraftBody = z.strictObject({
  document: ZFramework,
  note: ZPlainText.max(LIMITS.versionNote).optional(),
});
export const ZStartDraftBody = z.strictObject({ note: ZPlainText.max(LIMITS.versionNote).optional() });
const ZId = z.string().min(1).max(LIMITS.id);
export const ZFrameworkMigrationMap = z
  .strictObject({
    competencies: z.array(
      z.discriminatedUnion("kind", [
        z.strictObject({ kind: z.literal("rename"), from: ZId, to: ZId }),
        z.strictObject({ kind: z.literal("merge"), from: z.array(ZId).min(2), to: ZId }),
        z.strictObject({ kind: z.literal("remove"), id: ZId }),
      ]),
    ),
    levels: z.array(
      z.union([
        z.strictObject({ kind: z.enum(["move", "rename"]), from: ZId, to: ZId }),
        z.strictObject({ kind: z.literal("remove"), id: ZId, fallbackTo: ZId.optional() }),
      ]),
    ),
  })
  .meta({ id: "FrameworkMigrationMap" });

export const ZGoalChoice = z
  .discriminatedUnion("action", [
    z.strictObject({ competencyId: ZId, action: z.literal("move"), to: ZId }),
    z.strictObject({ competencyId: ZId, action: z.literal("close") }),
    z.strictObject({ competencyId: ZId, action: z.literal("keep") }),
  ])
  .meta({ id: "GoalChoice" });

const ZGoalChoices = z
  .array(ZGoalChoice)
  .max(LIMITS.migrationGoalChoices)
  .optional()
  .describe("For each removed competency that open goals use: move them, close them, or keep them as legacy");

const ZMigrationMapField = ZFrameworkMigrationMap.optional().describe(
  "How competencies and levels of the previous version map onto this one; inferred when omitted",
);

export const ZMigrationPreviewBody = z.strictObject({ migrationMap: ZMigrationMapField, choices: ZGoalChoices });

export const ZPublishBody = z.strictObject({
  note: ZPlainText.max(LIMITS.versionNote).optional(),
  migrationMap: ZMigrationMapField,
  choices: ZGoalChoices,
});

const ZCount = z.number().int().min(0);
const ZMovedDropped = z.object({ moved: ZCount, dropped: ZCount });

export const ZFrameworkMigrationReport = z
  .object({
    framework: z.string(),
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    carriesData: z.boolean().describe("False when the framework is not the ladder in use: nothing refers to it"),
    moves: z.array(
      z.object({
        from: z.string(),
        fromName: z.string(),
        kind: z.enum(["rename", "merge", "remove"]),
        to: z.string().nullable().describe("Null: no home in the new version"),
        toName: z.string().nullable(),
        ratings: ZCount,
        openGoals: ZCount,
        closedGoals: ZCount,
        evidence: ZCount,
        planItems: ZCount,
        goalChoice: ZGoalChoice.nullable(),
      }),
    ),
    unresolved: z.array(
      z.object({
        competencyId: z.string(),
        name: z.string(),
        openGoals: ZCount,
        people: ZCount.describe("How many people own those goals; titles stay private to them"),
      }),
    ),
    planTargets: z.object({ moved: ZCount, unplaced: ZCount }),
    totals: z.object({
      ratings: ZMovedDropped,
      goals: z.object({ moved: ZCount, closed: ZCount, legacy: ZCount }),
      evidenceTags: ZMovedDropped,
      planItems: ZMovedDropped,
    }),
  })
  .meta({ id: "FrameworkMigrationReport" });

export const ZPublishResult = ZFrameworkVersion.extend({
  migration: ZFrameworkMigrationReport.nullable().describe("What moved where; null for a first version"),
});

export const frameworkAdminEndpoints = {
  import: defineEndpoint({
    operationId: "importFramework",
    method: "POST",
    path: "/api/frameworks/import",
    summary:
      "Preview (dryRun=true) or import a framework file: YAML, JSON, CSV or XLSX, up to 5 MB, sent as the raw body",
    tag: "frameworks",
    query: ZImportQuery,
    response: ZImportResult,
    upload: true,
  }),
  export: defineEndpoint({
    operationId: "exportFrameworkVersion",
    method: "GET",
    path: "/api/frameworks/:framework/versions/:version/export",
    summary: "Download a version as YAML, JSON, CSV, XLSX or Markdown",
    tag: "frameworks",
    params: ZFrameworkRef.extend({ version: ZVersionRef }),
    query: ZExportQuery,
    response: z.string().describe("The file"),
    download: true,
  }),
  startDraft: defineEndpoint({
    operationId: "startFrameworkDraft",
    method: "POST",
    path: "/api/frameworks/:framework/draft",
    summary: "Start a draft as a copy of the latest version",
    tag: "frameworks",
    params: ZFrameworkRef,
    body: ZStartDraftBody,
    response: ZFrameworkVersion,
    successStatus: 201,
  }),
  saveDraft: defineEndpoint({
    operationId: "saveFrameworkDraft",
    method: "PUT",
    path: "/api/frameworks/:framework/draft",
    summary: "Replace the draft's document",
    tag: "frameworks",
    params: ZFrameworkRef,
    body: ZSaveDraftBody,
    response: ZFrameworkVersion,
  }),
  discardDraft: defineEndpoint({
    operationId: "discardFrameworkDraft",
    method: "DELETE",
    path: "/api/frameworks/:framework/draft",
    summary: "Discard the draft",
    tag: "frameworks",
    params: ZFrameworkRef,
    response: z.null(),
    successStatus: 204,
  }),
  publish: defineEndpoint({
    operationId: "publishFrameworkDraft",
    method: "POST",
    path: "/api/frameworks/:framework/publish",
    summary: "Publish the draft as the next immutable version",
    tag: "frameworks",
    params: ZFrameworkRef,
    body: ZPublishBody,
    response: ZPublishResult,
  }),
  previewMigration: defineEndpoint({
    operationId: "previewFrameworkMigration",
    method: "POST",
    path: "/api/frameworks/:framework/migration-preview",
    summary:
      "Dry run of publishing the draft: where ratings, goals, evidence tags and plan items move, and what has no home",
    tag: "frameworks",
    params: ZFrameworkRef,
    body: ZMigrationPreviewBody,
    response: ZFrameworkMigrationReport,
  }),
  diff: defineEndpoint({
    operationId: "diffFrameworkVersions",
    method: "GET",
    path: "/api/frameworks/:framework/diff",
    summary: "What changed between two versions",
    tag: "frameworks",
    params: ZFrameworkRef,
    query: z.strictObject({ from: ZVersionRef, to: ZVersionRef }),
    response: ZFrameworkDiffResponse,
  }),
};

export type TImportPreview = z.infer<typeof ZImportPreview>;
export type TImportResult = z.infer<typeof ZImportResult>;
export type TFrameworkDiff = z.infer<typeof ZFrameworkDiff>;
export type TFrameworkMigrationReport = z.infer<typeof ZFrameworkMigrationReport>;
export type TGoalChoice = z.infer<typeof ZGoalChoice>;
