import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";
import { ZPlainText } from "./plain-text.ts";

export const ZPersonStatus = z.enum(["active", "inactive"]);

export const ZLevelRef = z.object({ id: z.string(), name: z.string() });

/** Someone shown by name only: a manager, a reader, a person in a reporting chain. */
export const ZPersonLink = z.object({ id: z.uuid(), name: z.string() });

/** A manager above the viewer: name and company title, no more (see getReportingChain). */
export const ZPersonCard = ZPersonLink.extend({ title: z.string() }).meta({ id: "PersonCard" });

export const ZPersonSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    /** The company's own title. */
    title: z.string(),
    /** Where the title sits on the ladder; null while unmapped. */
    level: ZLevelRef.nullable(),
    managerId: z.uuid().nullable(),
    team: z.string(),
    status: ZPersonStatus,
  })
  .meta({ id: "PersonSummary" });

export const ZPerson = ZPersonSummary.extend({
  manager: ZPersonLink.nullable(),
  directReportCount: z.number().int(),
  isDemo: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}).meta({ id: "Person" });

export const ZPersonList = z.object({
  people: z.array(ZPersonSummary),
  total: z.number().int(),
  /** What the list covers: everyone (admins) or the viewer and everyone below them. */
  scope: z.enum(["everyone", "reportingChain"]),
});

export const ZReportList = z.object({
  reports: z.array(ZPersonSummary.extend({ depth: z.number().int().min(1) })),
  total: z.number().int(),
});

export interface TOrgNode {
  id: string;
  name: string;
  title: string;
  level: z.infer<typeof ZLevelRef> | null;
  team: string;
  status: z.infer<typeof ZPersonStatus>;
  directReportCount: number;
  /** Empty beyond the requested depth even when directReportCount is not zero. */
  reports: TOrgNode[];
}

export const ZOrgNode: z.ZodType<TOrgNode> = z
  .object({
    id: z.uuid(),
    name: z.string(),
    title: z.string(),
    level: ZLevelRef.nullable(),
    team: z.string(),
    status: ZPersonStatus,
    directReportCount: z.number().int(),
    get reports() {
      return z.array(ZOrgNode);
    },
  })
  .meta({ id: "OrgNode" });

const ZName = ZPlainText.min(1).max(LIMITS.shortText).regex(/\S/, "must not be blank");
const ZEmail = z.email().max(LIMITS.email);
const ZShortText = ZPlainText.max(LIMITS.shortText);
const ZLevelId = z.string().min(1).max(LIMITS.id).nullable().describe("A level id of a published framework, or null");
const ZManagerId = z.uuid().nullable();

export const ZCreatePersonBody = z.strictObject({
  name: ZName,
  email: ZEmail,
  title: ZShortText.optional(),
  levelId: ZLevelId.optional(),
  managerId: ZManagerId.optional(),
  team: ZShortText.optional(),
});

export const ZUpdatePersonBody = z
  .strictObject({
    name: ZName.optional(),
    email: ZEmail.optional(),
    title: ZShortText.optional(),
    levelId: ZLevelId.optional(),
    managerId: ZManagerId.optional(),
    team: ZShortText.optional(),
    status: ZPersonStatus.optional(),
    levelChangeReason: ZShortText.optional().describe(
      "Why the level changes; kept in the person's level history with the change",
    ),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "send at least one field to change" });

export const ZLevelHistoryEntry = z
  .object({
    id: z.uuid(),
    from: ZLevelRef.nullable(),
    to: ZLevelRef.nullable(),
    effectiveAt: z.iso.datetime({ offset: true }),
    source: z.enum(["admin-edit", "hris-import", "promotion"]),
    reason: z.string().nullable(),
    changedBy: ZPersonLink.nullable(),
    caseId: z.uuid().nullable(),
  })
  .meta({ id: "LevelHistoryEntry" });

const ZPersonParams = z.object({ id: z.uuid() });

export const ZPeopleQuery = z.strictObject({
  search: z.string().max(LIMITS.shortText).optional().describe("Part of a name, email or title"),
  team: z.string().max(LIMITS.shortText).optional(),
  levelId: z.string().max(LIMITS.id).optional(),
  status: ZPersonStatus.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ZDirectory = z.object({
  people: z.array(z.object({ id: z.uuid(), name: z.string(), title: z.string(), team: z.string() })),
});

export const peopleEndpoints = {
  directory: defineEndpoint({
    operationId: "searchDirectory",
    method: "GET",
    path: "/api/people/directory",
    summary:
      "Find colleagues by name, title or team (active people; name, title and team only), e.g. to ask them for feedback",
    tag: "people",
    query: z.strictObject({
      search: z.string().trim().min(LIMITS.searchMin).max(LIMITS.shortText),
      limit: z.coerce.number().int().min(1).max(LIMITS.searchResults.max).default(LIMITS.searchResults.default),
    }),
    response: ZDirectory,
  }),
  list: defineEndpoint({
    operationId: "listPeople",
    method: "GET",
    path: "/api/people",
    summary:
      "People you may see: everyone for an admin; for anyone else themselves and everyone below them in " +
      "their reporting chain (managers above appear in getReportingChain, by name and title only)",
    tag: "people",
    query: ZPeopleQuery,
    response: ZPersonList,
  }),
  get: defineEndpoint({
    operationId: "getPerson",
    method: "GET",
    path: "/api/people/:id",
    summary: "One person with level, manager, team, status and direct report count",
    tag: "people",
    params: ZPersonParams,
    response: ZPerson,
  }),
  create: defineEndpoint({
    operationId: "createPerson",
    method: "POST",
    path: "/api/people",
    summary: "Admin: add a person (email unique)",
    tag: "people",
    body: ZCreatePersonBody,
    response: ZPerson,
    successStatus: 201,
  }),
  update: defineEndpoint({
    operationId: "updatePerson",
    method: "PATCH",
    path: "/api/people/:id",
    summary: "Admin: change a person; a manager change that would make the reporting line loop is refused",
    tag: "people",
    params: ZPersonParams,
    body: ZUpdatePersonBody,
    response: ZPerson,
  }),
  deactivate: defineEndpoint({
    operationId: "deactivatePerson",
    method: "POST",
    path: "/api/people/:id/deactivate",
    summary:
      "Admin: deactivate a person (they can no longer sign in); their reports keep them as manager, " +
      "and the warnings say so",
    tag: "people",
    params: ZPersonParams,
    response: z.object({ person: ZPerson, warnings: z.array(z.string()) }),
  }),
  levelHistory: defineEndpoint({
    operationId: "getLevelHistory",
    method: "GET",
    path: "/api/people/:id/level-history",
    summary:
      "Every change of a person's level, oldest first: from, to, when, what made it (an admin's edit, an HRIS " +
      "import, a promotion case), why and by whom",
    tag: "people",
    params: ZPersonParams,
    response: z.object({ entries: z.array(ZLevelHistoryEntry) }),
  }),
  chain: defineEndpoint({
    operationId: "getReportingChain",
    method: "GET",
    path: "/api/people/:id/chain",
    summary: "The managers above a person, nearest first, by name and title",
    tag: "people",
    params: ZPersonParams,
    response: z.object({ chain: z.array(ZPersonCard) }),
  }),
  reports: defineEndpoint({
    operationId: "listReports",
    method: "GET",
    path: "/api/people/:id/reports",
    summary: "A person's direct reports, or everyone below them with their depth",
    tag: "people",
    params: ZPersonParams,
    query: z.strictObject({ depth: z.enum(["direct", "all"]).default("all") }),
    response: ZReportList,
  }),
  orgChart: defineEndpoint({
    operationId: "getOrgChart",
    method: "GET",
    path: "/api/org/chart",
    summary:
      "The reporting tree from a root person; without one, the whole organisation for an admin and your own " +
      "subtree for anyone else. Non-admins may start only inside their own subtree",
    tag: "people",
    query: z.strictObject({
      root: z.uuid().optional(),
      depth: z.coerce
        .number()
        .int()
        .min(1)
        .max(LIMITS.orgDepth)
        .optional()
        .describe("Levels to show, the root being 1"),
    }),
    response: z.object({ roots: z.array(ZOrgNode) }),
  }),
};

export type TPerson = z.infer<typeof ZPerson>;
export type TDirectory = z.infer<typeof ZDirectory>;
export type TPersonSummary = z.infer<typeof ZPersonSummary>;
export type TPersonCard = z.infer<typeof ZPersonCard>;
export type TLevelHistoryEntry = z.infer<typeof ZLevelHistoryEntry>;
export type TPersonList = z.infer<typeof ZPersonList>;
export type TCreatePersonBody = z.infer<typeof ZCreatePersonBody>;
export type TUpdatePersonBody = z.infer<typeof ZUpdatePersonBody>;
