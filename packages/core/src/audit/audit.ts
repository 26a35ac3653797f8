export interface AuditEvent {
  id: number;
  at: Date;
  kind: "write" | "read";
  actorId: string | null;
  action: string;
  subjectId: string | null;
  targetType: string;
  targetId: string;
  details: Record<string, unknown> | null;
}

export type NewAuditEvent = Omit<AuditEvent, "id" | "at" | "details" | "subjectId" | "targetType" | "targetId"> &
  Partial<Pick<AuditEvent, "details" | "subjectId" | "targetType" | "targetId">>;

export interface AuditFilter {
  kind?: AuditEvent["kind"];
  subjectId?: string;
  actorId?: string;
  since?: Date;
  limit?: number;
  /** Events with an id below this one (for paging back in time). */
  before?: number;
}

export interface AuditRepository {
  record(event: NewAuditEvent): Promise<void>;
  list(filter: AuditFilter): Promise<AuditEvent[]>;
}
