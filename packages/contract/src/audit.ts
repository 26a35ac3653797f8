import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";

/** A person named in the log; name and email are null when the person no longer exists. */
export const ZAuditPerson = z.object({ id: z.uuid(), name: z.string().nullable(), email: z.string().nullable() });

export const ZAuditEvent = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    kind: z.enum(["write", "read"]),
    action: z.string(),
    /** Null for the system itself (seeding, first start). */
    actor: ZAuditPerson.nullable(),
    /** The person the event is about, when there is one. */
    subject: ZAuditPerson.nullable(),
    targetType: z.string(),
    targetId: z.string(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "AuditEvent" });

export const ZAccessLogEntry = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    /** Who read it; null when that person no longer exists. */
    reader: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
  })
  .meta({ id: "AccessLogEntry" });

const ZPage = {
  limit: z.coerce.number().int().min(1).max(LIMITS.auditPageSize.max).default(LIMITS.auditPageSize.default),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe("Only events older than this id (the previous page's nextBefore)"),
};

/** The id to pass as `before` for the next page; null on the last page. */
const ZNextBefore = z.number().int().nullable();

export const auditEndpoints = {
  list: defineEndpoint({
    operationId: "listAuditEvents",
    method: "GET",
    path: "/api/audit",
    summary:
      "Admin: the write log, newest first (who changed what, when, and on whom). Reads of private content " +
      "belong to their owners (listMyAccessLog): kind=read is refused",
    tag: "audit",
    query: z.strictObject({
      kind: z.enum(["write", "read"]).optional(),
      actorId: z.uuid().optional(),
      subjectId: z.uuid().optional(),
      ...ZPage,
    }),
    response: z.object({ events: z.array(ZAuditEvent), nextBefore: ZNextBefore }),
  }),
  exportCsv: defineEndpoint({
    operationId: "exportAuditLog",
    method: "GET",
    path: "/api/audit/export.csv",
    summary: "Admin: the whole write log as CSV: at, actor email, action, subject email, target, details (JSON)",
    tag: "audit",
    query: z.strictObject({ actorId: z.uuid().optional(), subjectId: z.uuid().optional() }),
    response: z.string().describe("The CSV file"),
    download: true,
  }),
  myAccessLog: defineEndpoint({
    operationId: "listMyAccessLog",
    method: "GET",
    path: "/api/me/access-log",
    summary: "Who read your things (plans, evidence, notes), and when, newest first",
    tag: "audit",
    query: z.strictObject(ZPage),
    response: z.object({ entries: z.array(ZAccessLogEntry), nextBefore: ZNextBefore }),
  }),
};

export type TAuditEvent = z.infer<typeof ZAuditEvent>;
export type TAccessLogEntry = z.infer<typeof ZAccessLogEntry>;
