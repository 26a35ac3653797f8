import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { ZFramework, ZGuidance, ZSource } from "./framework-document.ts";

export const ZFrameworkSummary = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    isBuiltin: z.boolean(),
    latestPublishedVersion: z.number().int().nullable(),
    draftVersion: z.number().int().nullable(),
    levelCount: z.number().int(),
    competencyCount: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "FrameworkSummary" });

export const ZFrameworkVersionSummary = z.object({
  version: z.number().int(),
  status: z.enum(["draft", "published"]),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
});

export const ZFrameworkVersion = ZFrameworkVersionSummary.extend({
  frameworkId: z.uuid(),
  document: ZFramework,
}).meta({ id: "FrameworkVersion" });

export const ZFrameworkList = z.object({ frameworks: z.array(ZFrameworkSummary) });

export const ZFrameworkDetail = ZFrameworkSummary.extend({ versions: z.array(ZFrameworkVersionSummary) });

export const ZFrameworkRef = z.object({
  framework: z.string().min(1).describe("Framework id (uuid) or slug"),
});

export const ZFrameworkAbout = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    version: z.number().int(),
    sources: z.array(ZSource),
    levels: z.array(
      z.object({
        id: z.string(),
        rank: z.number().int(),
        name: z.string(),
        track: z.enum(["ic", "manager", "executive"]),
        scope: z.string(),
        aliases: z.array(z.string()),
      }),
    ),
    competencyCount: z.number().int(),
    descriptors: z.object({
      total: z.number().int(),
      interpolated: z.number().int(),
      /** Levels whose descriptors the project wrote between two levels the sources describe. */
      interpolatedLevels: z.array(z.string()),
      /** The single descriptors the project wrote at levels the sources otherwise describe. */
      interpolatedAtSourcedLevels: z.array(z.object({ level: z.string(), competency: z.string() })),
    }),
    guidance: ZGuidance.optional(),
  })
  .meta({ id: "FrameworkAbout" });

export const frameworkEndpoints = {
  list: defineEndpoint({
    operationId: "listFrameworks",
    method: "GET",
    path: "/api/frameworks",
    summary: "List the frameworks in this organisation",
    tag: "frameworks",
    response: ZFrameworkList,
  }),
  get: defineEndpoint({
    operationId: "getFramework",
    method: "GET",
    path: "/api/frameworks/:framework",
    summary: "One framework with its version history",
    tag: "frameworks",
    params: ZFrameworkRef,
    response: ZFrameworkDetail,
  }),
  about: defineEndpoint({
    operationId: "aboutFramework",
    method: "GET",
    path: "/api/frameworks/:framework/about",
    summary: "Where a ladder comes from: its sources, levels and which descriptors are interpolated",
    tag: "frameworks",
    params: ZFrameworkRef,
    response: ZFrameworkAbout,
  }),
  getVersion: defineEndpoint({
    operationId: "getFrameworkVersion",
    method: "GET",
    path: "/api/frameworks/:framework/versions/:version",
    summary: "One version of a framework, with its full document",
    tag: "frameworks",
    params: ZFrameworkRef.extend({
      version: z.union([z.literal("latest"), z.coerce.number().int().min(1)]),
    }),
    response: ZFrameworkVersion,
  }),
};

export type TFrameworkSummary = z.infer<typeof ZFrameworkSummary>;
export type TFrameworkDetail = z.infer<typeof ZFrameworkDetail>;
export type TFrameworkAbout = z.infer<typeof ZFrameworkAbout>;
export type TFrameworkVersion = z.infer<typeof ZFrameworkVersion>;
