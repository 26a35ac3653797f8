import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import type { DeadJob, DeadLetters, OutboxMessage, OutboxRepository } from "./ports.ts";

/** What admins see of mail and jobs: the outbox (mail kept when no SMTP server is set) and dead jobs. */
export class MailAdminService {
  constructor(
    private readonly ports: {
      outbox: OutboxRepository;
      deadLetters: DeadLetters;
      audit: AuditRepository;
      /** Which transport carries mail, for admins to see why the outbox fills. */
      transport: () => "smtp" | "outbox";
    },
  ) {}

  async outbox(
    viewer: Viewer,
    query: { limit: number; recipient?: string },
  ): Promise<{
    transport: "smtp" | "outbox";
    messages: OutboxMessage[];
  }> {
    assertAdmin(viewer);
    return { transport: this.ports.transport(), messages: await this.ports.outbox.list(query) };
  }

  async deadJobs(viewer: Viewer, limit: number): Promise<DeadJob[]> {
    assertAdmin(viewer);
    return this.ports.deadLetters.list(limit);
  }

  async retryDeadJob(viewer: Viewer, id: string): Promise<void> {
    assertAdmin(viewer);
    if (!(await this.ports.deadLetters.retry(id))) throw new AppError("not_found", `No failed job with id "${id}"`);
    await this.ports.audit.record({
      kind: "write",
      actorId: viewer.personId,
      action: "job.retried",
      targetType: "job",
      targetId: id,
    });
  }
}
