import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";
import { ZPlainText } from "./plain-text.ts";

/** The first `listLimit` items and how many there are in all: a 100k-row preview stays small. */
const cappedList = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int().min(0), items: z.array(item) });

export const ZPeopleImportField = z.enum(["name", "email", "title", "manager", "team"]);

export const ZPeopleImportQuery = z.strictObject({
  fileName: z
    .string()
    .min(1)
    .max(LIMITS.fileName)
    .describe("Original file name, shown in messages; .csv, .tsv or .txt"),
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("true: return the preview and write nothing"),
});

export const ZPeopleImportRow = z.object({
  row: z.number().int(),
  email: z.string(),
  name: z.string(),
  title: z.string(),
  team: z.string(),
  levelId: z.string().nullable(),
  managerEmail: z.string().nullable(),
});

export const ZPeopleImportChange = z.object({
  field: z.enum(["name", "title", "team", "manager", "level"]),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const ZUnmappedTitle = z.object({
  title: z.string(),
  rows: z.number().int().describe("How many rows carry this title"),
  suggestedLevelId: z.string().nullable().describe("Title mapping's guess, too unsure to apply"),
  suggestedLevelName: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  reason: z.string(),
});

export const ZPeopleImportIssue = z.object({
  row: z.number().int().describe("1-based, the header is row 1"),
  column: z.string().describe("The column as the file names it"),
  message: z.string(),
});

export const ZPeopleImportPreview = z
  .object({
    fileName: z.string(),
    rowCount: z.number().int().describe("Data rows read, blank rows excluded"),
    columns: z.array(z.object({ field: ZPeopleImportField, header: z.string() })),
    ignoredColumns: z.array(z.string()),
    warnings: z.array(z.string()),
    new: cappedList(ZPeopleImportRow),
    changed: cappedList(
      z.object({ row: z.number().int(), email: z.string(), name: z.string(), changes: z.array(ZPeopleImportChange) }),
    ),
    unchanged: cappedList(z.object({ row: z.number().int(), email: z.string(), name: z.string() })),
    unmappedTitles: cappedList(ZUnmappedTitle),
    errors: cappedList(ZPeopleImportIssue),
    invalidRows: z.number().int(),
    listLimit: z.number().int(),
  })
  .meta({ id: "PeopleImportPreview" });

export const ZPeopleImportCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** The new people's ids (at most LIMITS.bulkInvitePeople), to invite them next. */
  createdIds: z.array(z.uuid()).optional(),
});

export const ZPeopleImportResult = z.object({
  preview: ZPeopleImportPreview,
  /** Absent on a dry run. */
  committed: ZPeopleImportCounts.optional(),
});

export const ZTitleOverride = z
  .object({ title: z.string(), levelId: z.string(), levelName: z.string().nullable() })
  .meta({ id: "TitleOverride" });

export const ZSetTitleOverrideBody = z.strictObject({
  title: ZPlainText.trim().min(1).max(LIMITS.shortText).describe("The company title, as people carry it"),
  levelId: z.string().min(1).max(LIMITS.id).describe("A level of the built-in ladder"),
});

const MB = Math.round(LIMITS.uploadBytes / (1024 * 1024));

export const peopleImportEndpoints = {
  import: defineEndpoint({
    operationId: "importPeople",
    method: "POST",
    path: "/api/people/import",
    summary:
      `Preview (dryRun=true) or import people from an HRIS CSV export sent as the raw body, up to ${MB} MB; ` +
      "an upsert by email in one transaction, refused whole when any row has an error. " +
      "Larger files: `ascent people import <file>`",
    tag: "people",
    query: ZPeopleImportQuery,
    response: ZPeopleImportResult,
    upload: true,
  }),
  listTitleOverrides: defineEndpoint({
    operationId: "listTitleOverrides",
    method: "GET",
    path: "/api/titles/overrides",
    summary: "The organisation's own title → level decisions, which win over title mapping",
    tag: "titles",
    response: z.object({ overrides: z.array(ZTitleOverride) }),
  }),
  setTitleOverride: defineEndpoint({
    operationId: "setTitleOverride",
    method: "PUT",
    path: "/api/titles/overrides",
    summary: "Map a title to a level of the built-in ladder, for title lookups and the next people import",
    tag: "titles",
    body: ZSetTitleOverrideBody,
    response: ZTitleOverride,
  }),
  removeTitleOverride: defineEndpoint({
    operationId: "removeTitleOverride",
    method: "DELETE",
    path: "/api/titles/overrides",
    summary: "Remove a title override",
    tag: "titles",
    query: z.strictObject({ title: z.string().min(1).max(LIMITS.shortText) }),
    response: z.null(),
    successStatus: 204,
  }),
};

export type TPeopleImportPreview = z.infer<typeof ZPeopleImportPreview>;
export type TPeopleImportResult = z.infer<typeof ZPeopleImportResult>;
export type TTitleOverride = z.infer<typeof ZTitleOverride>;
