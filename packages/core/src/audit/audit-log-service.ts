import { AppError } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import { assertAdmin } from "../access/access.ts";
import type { AuditEvent, AuditFilter, AuditRepository } from "./audit.ts";

/** One page of events and the cursor for the next: a full page means there may be more. */
export interface AuditPage {
  events: AuditEvent[];
  nextBefore: number | null;
}

export type AuditQuery = Pick<AuditFilter, "kind" | "actorId" | "subjectId" | "before"> & { limit: number };

const EXPORT_PAGE = 1000;

/**
 * Reading the audit log. Admins see the write log; who read whose plan, evidence or notes is shown
 * to the people read only, never to admins (DESIGN §5).
 */
export class AuditLogService {
  constructor(private readonly ports: { audit: AuditRepository }) {}

  private async page(filter: AuditFilter & { limit: number }): Promise<AuditPage> {
    const events = await this.ports.audit.list(filter);
    const last = events.at(-1);
    return { events, nextBefore: events.length === filter.limit && last ? last.id : null };
  }

  /** A page of the write log. Asking for reads is refused: admins manage people, not private content. */
  async writes(viewer: Viewer, query: AuditQuery): Promise<AuditPage> {
    assertAdmin(viewer);
    if (query.kind === "read") {
      throw new AppError("forbidden", "Admins see the write log only; reads are shown to the people read");
    }
    return this.page({ ...query, kind: "write" });
  }

  /** The whole write log that matches, oldest page last, for an export. */
  async allWrites(viewer: Viewer, query: Omit<AuditQuery, "limit" | "before" | "kind">): Promise<AuditEvent[]> {
    assertAdmin(viewer);
    const events: AuditEvent[] = [];
    for (let before: number | undefined; ;) {
      const batch = await this.page({ ...query, kind: "write", limit: EXPORT_PAGE, ...(before ? { before } : {}) });
      events.push(...batch.events);
      if (batch.nextBefore === null) return events;
      before = batch.nextBefore;
    }
  }

  /** Who read the viewer's own things. */
  accessLog(viewer: Viewer, query: Pick<AuditQuery, "before" | "limit">): Promise<AuditPage> {
    return this.page({ ...query, kind: "read", subjectId: viewer.personId });
  }
}
