import { AppError } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { Person } from "../people/person.ts";
import { isRequestClosed, type FeedbackRequest } from "./assessment.ts";
import type { FeedbackRequestRepository } from "./ports.ts";
import type { NotifyInput } from "../notifications/notification-service.ts";
import { peerConflict, raterStanding } from "./rater-relation.ts";

export interface NewFeedbackRequest {
  subjectId: string;
  relation: "peer" | "upward";
  raterIds: string[];
  dueAt: Date;
  message: string;
  /** The review cycle the request belongs to, if any. */
  cycleId?: string | null;
}

export interface FeedbackRequestPorts {
  people: PeopleRepository;
  requests: FeedbackRequestRepository;
  /** Whether the person is an admin now: admins read anyone's aggregates, so never answer as peer or report. */
  isAdmin: (personId: string) => Promise<boolean>;
  onReadinessInputsChanged?: (personId: string) => Promise<void>;
  /** The anonymity threshold k in force, recorded on each release (docs/decisions/0001). */
  anonymityThreshold?: () => Promise<number>;
  /** Tells each rater they were asked, in the app and by mail (NotificationService.notify). */
  notify?: (recipientId: string, notification: NotifyInput) => Promise<unknown>;
  now?: () => Date;
}

/** Feedback requests: the subject or their manager asks named colleagues, with a due date. */
export class FeedbackRequestService {
  private readonly now: () => Date;

  constructor(private readonly ports: FeedbackRequestPorts) {
    this.now = ports.now ?? (() => new Date());
  }

  private async isSubjectOrManager(viewer: Viewer, subjectId: string): Promise<boolean> {
    if (viewer.personId === subjectId) return true;
    const chain = await this.ports.people.chainAbove(subjectId);
    return chain.some((manager) => manager.id === viewer.personId);
  }

  async create(viewer: Viewer, input: NewFeedbackRequest): Promise<FeedbackRequest> {
    const subject = await this.ports.people.findById(input.subjectId);
    if (!subject) throw new AppError("not_found", `No person with id "${input.subjectId}"`);
    if (!(await this.isSubjectOrManager(viewer, subject.id))) {
      throw new AppError("forbidden", "Only the person or a manager above them can ask for feedback about them");
    }
    const raterIds = [...new Set(input.raterIds)];
    await this.checkRaters(subject, input.relation, raterIds);
    if (input.dueAt <= this.now()) {
      throw new AppError("validation_failed", "The due date must be in the future", [
        { path: "body.dueAt", message: "in the past" },
      ]);
    }
    const request = await this.ports.requests.create(
      {
        subjectId: subject.id,
        requestedBy: viewer.personId,
        relation: input.relation,
        message: input.message,
        dueAt: input.dueAt,
        cycleId: input.cycleId ?? null,
      },
      raterIds,
    );
    await this.tellRaters(viewer, subject, request, raterIds);
    return request;
  }

  /** Each rater learns they were asked, in the app and by mail; their answer stays anonymous. */
  private async tellRaters(viewer: Viewer, subject: Person, request: FeedbackRequest, raterIds: string[]) {
    const asker = viewer.personId === subject.id ? subject.name : `${viewer.name}, for ${subject.name},`;
    const due = request.dueAt.toISOString().slice(0, 10);
    for (const raterId of raterIds) {
      await this.ports.notify?.(raterId, {
        kind: "feedback.requested",
        subject: `${asker} asked you for feedback`,
        link: `/feedback/${request.id}`,
        email: {
          body:
            `${asker} asked you for feedback, due ${due}. Your own answers are never shown to anyone: ` +
            "they count only inside an aggregate of several colleagues, once the request closes.",
        },
      });
    }
  }

  /** Names more colleagues on an open request, under the same rules as asking them in a new one. */
  async addRaters(viewer: Viewer, requestId: string, raterIds: string[]): Promise<FeedbackRequest> {
    const request = await this.ports.requests.findById(requestId);
    if (!request || !(await this.isSubjectOrManager(viewer, request.subjectId))) {
      throw new AppError("not_found", `No feedback request "${requestId}" about you or your reports`);
    }
    if (isRequestClosed(request, this.now())) throw new AppError("conflict", "This feedback request is already closed");
    const subject = await this.ports.people.findById(request.subjectId);
    if (!subject) throw new AppError("not_found", `No person with id "${request.subjectId}"`);
    const unique = [...new Set(raterIds)];
    await this.checkRaters(subject, request.relation, unique);
    await this.ports.requests.addRaters(request.id, unique);
    const updated = await this.ports.requests.findById(request.id);
    if (!updated) throw new AppError("not_found", `No feedback request "${requestId}"`);
    await this.tellRaters(viewer, subject, updated, unique);
    return updated;
  }

  /** Who may be asked: active colleagues, never the subject, and peers or reports as DESIGN §4 defines them. */
  private async checkRaters(subject: Person, relation: "peer" | "upward", raterIds: string[]): Promise<void> {
    // The most raters per request is the contract's (LIMITS.feedbackRaters), checked at every edge.
    if (raterIds.length === 0) {
      throw new AppError("validation_failed", "Name at least one colleague", [
        { path: "body.raterIds", message: "is empty" },
      ]);
    }
    if (raterIds.includes(subject.id)) {
      throw new AppError("validation_failed", "A person cannot give peer or upward feedback about themselves", [
        { path: "body.raterIds", message: "contains the subject" },
      ]);
    }
    const raters = await Promise.all(raterIds.map((id) => this.ports.people.findById(id)));
    const missing = raterIds.filter((_, i) => !raters[i] || raters[i]?.status !== "active");
    if (missing.length) {
      throw new AppError("validation_failed", `Unknown or inactive colleagues: ${missing.join(", ")}`, [
        { path: "body.raterIds", message: "unknown or inactive people" },
      ]);
    }
    const admins = await Promise.all(raterIds.map((id) => this.ports.isAdmin(id)));
    if (relation === "peer") {
      const chain = await this.ports.people.chainAbove(subject.id);
      const conflicts = raters.flatMap((rater, i) => {
        const standing = rater ? raterStanding({ ...rater, isAdmin: admins[i] }, subject, chain) : null;
        const conflict = rater && standing ? peerConflict(standing, rater.name, subject.name) : null;
        return conflict ? [conflict] : [];
      });
      if (conflicts.length) {
        throw new AppError("validation_failed", `Not a peer of ${subject.name}: ${conflicts.join("; ")}`, [
          { path: "body.raterIds", message: `not a peer: ${conflicts.join("; ")}` },
        ]);
      }
    }
    if (relation === "upward") {
      const adminConflicts = raters.flatMap((rater, i) =>
        rater && admins[i] ? [peerConflict("admin", rater.name, subject.name)] : [],
      );
      if (adminConflicts.length) {
        throw new AppError("validation_failed", `Cannot ask for upward feedback: ${adminConflicts.join("; ")}`, [
          { path: "body.raterIds", message: `admins cannot rate: ${adminConflicts.join("; ")}` },
        ]);
      }
      const notReports = raters.filter((r) => r?.managerId !== subject.id).map((r) => r?.name);
      if (notReports.length) {
        throw new AppError(
          "validation_failed",
          `Upward feedback comes from direct reports; not: ${notReports.join(", ")}`,
          [{ path: "body.raterIds", message: "upward raters must report to the subject" }],
        );
      }
    }
  }

  /** Closing releases the answers given so far, as one aggregate snapshot. */
  async close(viewer: Viewer, requestId: string): Promise<FeedbackRequest> {
    const request = await this.ports.requests.findById(requestId);
    if (!request || !(await this.isSubjectOrManager(viewer, request.subjectId))) {
      throw new AppError("not_found", `No feedback request "${requestId}" about you or your reports`);
    }
    if (isRequestClosed(request, this.now())) throw new AppError("conflict", "This feedback request is already closed");
    const releaseK = (await this.ports.anonymityThreshold?.()) ?? null;
    await this.ports.requests.close(request.id, this.now(), releaseK);
    await this.ports.onReadinessInputsChanged?.(request.subjectId);
    const closed = await this.ports.requests.findById(request.id);
    if (!closed) throw new AppError("not_found", `No feedback request "${requestId}"`);
    return closed;
  }

  async listAbout(viewer: Viewer, subjectId: string): Promise<FeedbackRequest[]> {
    if (!(await this.isSubjectOrManager(viewer, subjectId))) {
      throw new AppError("forbidden", "Only the person and their managers see their feedback requests");
    }
    return this.ports.requests.listForSubject(subjectId);
  }

  listAskedOf(viewer: Viewer): Promise<FeedbackRequest[]> {
    return this.ports.requests.listOpenForRater(viewer.personId, this.now());
  }
}
