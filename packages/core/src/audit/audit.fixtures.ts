import type { AuditEvent, AuditFilter, AuditRepository, NewAuditEvent } from "./audit.ts";

/** An audit log in memory, for tests: `events` holds what was recorded, newest last. */
export class InMemoryAuditLog implements AuditRepository {
  readonly events: AuditEvent[] = [];

  async record(event: NewAuditEvent): Promise<void> {
    this.events.push({
      subjectId: null,
      targetType: "",
      targetId: "",
      details: null,
      ...event,
      id: this.events.length + 1,
      at: new Date(0),
    });
  }

  async list(filter: AuditFilter): Promise<AuditEvent[]> {
    return this.events
      .filter((e) => (filter.kind ? e.kind === filter.kind : true))
      .filter((e) => (filter.subjectId ? e.subjectId === filter.subjectId : true))
      .filter((e) => (filter.actorId ? e.actorId === filter.actorId : true))
      .reverse()
      .slice(0, filter.limit ?? Infinity);
  }
}
