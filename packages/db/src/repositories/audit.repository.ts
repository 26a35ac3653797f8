import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { AuditEvent, AuditFilter, AuditRepository, NewAuditEvent } from "@ascent/core";
import type { AppDatabase } from "../database.ts";
import { auditEvents } from "../schema/index.ts";

export class DrizzleAuditRepository implements AuditRepository {
  constructor(private readonly db: AppDatabase) {}

  async record(event: NewAuditEvent): Promise<void> {
    await this.db.insert(auditEvents).values(event);
  }

  async list(filter: AuditFilter): Promise<AuditEvent[]> {
    const conditions: SQL[] = [];
    if (filter.kind) conditions.push(eq(auditEvents.kind, filter.kind));
    if (filter.subjectId) conditions.push(eq(auditEvents.subjectId, filter.subjectId));
    if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
    if (filter.since) conditions.push(gte(auditEvents.at, filter.since));
    if (filter.before) conditions.push(lt(auditEvents.id, filter.before));
    const rows = await this.db
      .select()
      .from(auditEvents)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(auditEvents.id))
      .limit(filter.limit ?? 200);
    return rows.map((row) => ({ ...row, kind: row.kind as AuditEvent["kind"], details: row.details ?? null }));
  }
}
