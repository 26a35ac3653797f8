import { AppError } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import type { Access } from "../access/access.ts";
import { subject } from "../access/policy.ts";
import type { FrameworkCatalog } from "../framework/framework-catalog.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { Person } from "../people/person.ts";
import type { Relation } from "../readiness/readiness.ts";
import { isRequestClosed, type Assessment, type FeedbackRequest, type Rating } from "./assessment.ts";
import type { AssessmentRepository, FeedbackRequestRepository } from "./ports.ts";
import { assertValidRatings } from "./rating-rules.ts";
import { raterStanding, type RaterStanding } from "./rater-relation.ts";

export const ACTIVE_FRAMEWORK_SLUG = "product-management";

export interface AssessmentPorts {
  people: PeopleRepository;
  assessments: AssessmentRepository;
  requests: FeedbackRequestRepository;
  frameworks: FrameworkCatalog;
  /** Whether the person is an admin now: admins read anyone's aggregates, so never answer as peer or report. */
  isAdmin: (personId: string) => Promise<boolean>;
  /** Called after anything that changes what readiness counts for a person. */
  onReadinessInputsChanged?: (personId: string) => Promise<void>;
  /** Who may list the attributed assessments about a person (ATTRIBUTED_ASSESSMENT_READERS). */
  access: Pick<Access, "authorize">;
  /**
   * The review cycle a new self or manager assessment of the person belongs to (its phase of that kind
   * is open), so calibration finds it; null outside any cycle. Peer and upward ones take their request's.
   */
  cycleFor?: (subjectId: string, relation: "self" | "manager", now: Date) => Promise<string | null>;
  now?: () => Date;
}

/** The person and the managers above them; never admins as such: these are private content. */
export const ATTRIBUTED_ASSESSMENT_READERS = subject("id", "self", "managementChain");

export interface StartAssessment {
  subjectId: string;
  relation: Relation;
  feedbackRequestId?: string;
}

/**
 * Self, manager, peer and upward assessments. Who may rate whom is decided here, once:
 * yourself; your direct reports as their manager; others only through an open request naming you.
 */
export class AssessmentService {
  private readonly now: () => Date;

  constructor(private readonly ports: AssessmentPorts) {
    this.now = ports.now ?? (() => new Date());
  }

  private async requirePerson(id: string): Promise<Person> {
    const person = await this.ports.people.findById(id);
    if (!person) throw new AppError("not_found", `No person with id "${id}"`);
    return person;
  }

  private async requireOpenRequest(viewer: Viewer, subject: Person, relation: Relation, requestId?: string) {
    if (!requestId) {
      throw new AppError("forbidden", `${relation} feedback is given only through a feedback request`, [
        { path: "body.feedbackRequestId", message: "required for peer and upward feedback" },
      ]);
    }
    const request = await this.ports.requests.findById(requestId);
    const isNamed = request?.raters.some((r) => r.raterId === viewer.personId) ?? false;
    if (!request || request.subjectId !== subject.id || !isNamed) {
      throw new AppError("not_found", `No feedback request "${requestId}" asks you about this person`);
    }
    if (request.relation !== relation) {
      throw new AppError("validation_failed", `This request asks for ${request.relation} feedback, not ${relation}`, [
        { path: "body.relation", message: `must be "${request.relation}"` },
      ]);
    }
    if (isRequestClosed(request, this.now())) {
      throw new AppError("conflict", "This feedback request is closed");
    }
    return request;
  }

  private async assertMayRate(
    viewer: Viewer,
    subject: Person,
    input: StartAssessment,
  ): Promise<FeedbackRequest | null> {
    const isSelf = subject.id === viewer.personId;
    switch (input.relation) {
      case "self":
        if (!isSelf) throw new AppError("forbidden", "A self-assessment is about yourself");
        return null;
      case "manager":
        if (subject.managerId !== viewer.personId) {
          throw new AppError("forbidden", "Only a person's direct manager can give them a manager assessment");
        }
        return null;
      case "peer":
      case "upward":
        if (isSelf)
          throw new AppError(
            "forbidden",
            `You cannot rate yourself as ${input.relation === "peer" ? "a peer" : "a report"}`,
          );
        {
          const request = await this.requireOpenRequest(viewer, subject, input.relation, input.feedbackRequestId);
          await this.assertStandingStill(viewer, subject, input.relation);
          return request;
        }
    }
  }

  /**
   * The relation is the org chart's at the time of rating: someone asked as a peer who has since become
   * the person's manager (or a report), or a report who no longer reports to them, cannot answer; nor can
   * anyone who has since become an admin, since admins can read the person's aggregates.
   */
  private async assertStandingStill(viewer: Viewer, subject: Person, relation: "peer" | "upward"): Promise<void> {
    const [rater, chain, isAdmin] = await Promise.all([
      this.requirePerson(viewer.personId),
      this.ports.people.chainAbove(subject.id),
      this.ports.isAdmin(viewer.personId),
    ]);
    const standing = raterStanding({ ...rater, isAdmin }, subject, chain);
    if (standing === "admin") {
      throw new AppError(
        "forbidden",
        `You cannot answer ${relation} feedback about ${subject.name}: you are an admin and can read their results`,
      );
    }
    if (relation === "upward") {
      if (standing === "report") return;
      throw new AppError(
        "forbidden",
        `Upward feedback comes from direct reports; you do not report to ${subject.name}`,
      );
    }
    const why: Record<RaterStanding, string | null> = {
      self: "this is about you",
      manager: `you are ${subject.name}'s manager and rate as manager`,
      chain: `you are above ${subject.name} in the reporting line and can read their results`,
      admin: `you are an admin and can read ${subject.name}'s results`,
      report: `you report to ${subject.name} and give upward feedback instead`,
      peer: null,
    };
    const conflict = why[standing];
    if (conflict) throw new AppError("forbidden", `You cannot answer as a peer of ${subject.name}: ${conflict}`);
  }

  /** Returns the viewer's open draft for this subject and relation, creating it when there is none. */
  async startOrResume(viewer: Viewer, input: StartAssessment): Promise<Assessment> {
    const subject = await this.requirePerson(input.subjectId);
    const request = await this.assertMayRate(viewer, subject, input);
    if (request?.raters.find((r) => r.raterId === viewer.personId)?.answeredAt) {
      throw new AppError("already_submitted", "You have already answered this feedback request");
    }
    const existing = await this.ports.assessments.findDraft(
      subject.id,
      viewer.personId,
      input.relation,
      request?.id ?? null,
    );
    if (existing) return existing;
    if (!subject.levelId) {
      throw new AppError("conflict", `${subject.name} has no level on the ladder yet; an admin maps their title first`);
    }
    const framework = await this.ports.frameworks.resolve(ACTIVE_FRAMEWORK_SLUG);
    const version = await this.ports.frameworks.version(framework.slug, "latest");
    return this.ports.assessments.create({
      subjectId: subject.id,
      raterId: viewer.personId,
      relation: input.relation,
      frameworkId: framework.id,
      frameworkVersion: version.version,
      levelId: subject.levelId,
      cycleId: request ? request.cycleId : await this.cycleOf(subject.id, input.relation),
      feedbackRequestId: request?.id ?? null,
      supersedesId: null,
      ratings: [],
    });
  }

  private async cycleOf(subjectId: string, relation: Relation): Promise<string | null> {
    if (relation !== "self" && relation !== "manager") return null;
    return (await this.ports.cycleFor?.(subjectId, relation, this.now())) ?? null;
  }

  private async requireOwnDraft(viewer: Viewer, assessmentId: string): Promise<Assessment> {
    const assessment = await this.ports.assessments.findById(assessmentId);
    // Someone else's assessment is reported as missing: its existence is not theirs to learn.
    if (!assessment || assessment.raterId !== viewer.personId) {
      throw new AppError("not_found", `No assessment "${assessmentId}" of yours`);
    }
    if (assessment.status === "submitted") {
      throw new AppError(
        "already_submitted",
        "This assessment is submitted and can no longer change; start a correction",
      );
    }
    return assessment;
  }

  private async frameworkOf(assessment: Assessment) {
    const framework = await this.ports.frameworks.resolve(assessment.frameworkId);
    return (await this.ports.frameworks.version(framework.id, assessment.frameworkVersion)).document;
  }

  /** Autosave: replaces the draft's ratings after checking them against the recorded framework version. */
  async saveDraft(viewer: Viewer, assessmentId: string, ratings: Rating[]): Promise<Assessment> {
    const assessment = await this.requireOwnDraft(viewer, assessmentId);
    await this.assertRequestStillOpen(assessment);
    assertValidRatings(ratings, await this.frameworkOf(assessment), assessment.levelId);
    return this.ports.assessments.saveRatings(assessment.id, ratings);
  }

  async submit(viewer: Viewer, assessmentId: string): Promise<Assessment> {
    const assessment = await this.requireOwnDraft(viewer, assessmentId);
    if (!assessment.ratings.some((r) => r.score !== null)) {
      throw new AppError("validation_failed", "Rate at least one competency before submitting", [
        { path: "ratings", message: "no scores yet" },
      ]);
    }
    assertValidRatings(assessment.ratings, await this.frameworkOf(assessment), assessment.levelId);
    await this.assertRequestStillOpen(assessment);
    if (assessment.relation === "peer" || assessment.relation === "upward") {
      await this.assertStandingStill(viewer, await this.requirePerson(assessment.subjectId), assessment.relation);
    }
    const at = this.now();
    if (!(await this.ports.assessments.markSubmitted(assessment.id, at))) {
      throw new AppError("already_submitted", "This assessment was already submitted");
    }
    if (assessment.feedbackRequestId) {
      await this.ports.requests.markAnswered(assessment.feedbackRequestId, viewer.personId, at);
    } else {
      await this.ports.onReadinessInputsChanged?.(assessment.subjectId);
    }
    const submitted = await this.ports.assessments.findById(assessment.id);
    if (!submitted) throw new AppError("not_found", `No assessment "${assessment.id}"`);
    return submitted;
  }

  private async assertRequestStillOpen(assessment: Assessment): Promise<void> {
    if (!assessment.feedbackRequestId) return;
    const request = await this.ports.requests.findById(assessment.feedbackRequestId);
    if (!request || isRequestClosed(request, this.now()))
      throw new AppError("conflict", "This feedback request is closed");
  }

  /** A correction of a submitted self or manager assessment: a new draft that will supersede it. */
  async startCorrection(viewer: Viewer, assessmentId: string): Promise<Assessment> {
    const original = await this.ports.assessments.findById(assessmentId);
    if (!original || original.raterId !== viewer.personId) {
      throw new AppError("not_found", `No assessment "${assessmentId}" of yours`);
    }
    if (original.status !== "submitted") throw new AppError("conflict", "Only a submitted assessment can be corrected");
    if (original.relation !== "self" && original.relation !== "manager") {
      throw new AppError("conflict", "Peer and upward answers are final once given");
    }
    const existing = await this.ports.assessments.findDraft(
      original.subjectId,
      viewer.personId,
      original.relation,
      null,
    );
    if (existing) throw new AppError("conflict", "Finish or discard your open draft first");
    const subject = await this.requirePerson(original.subjectId);
    await this.assertMayRate(viewer, subject, { subjectId: subject.id, relation: original.relation });
    const { id, createdAt, updatedAt, status, submittedAt, migratedFrom, ...copy } = original;
    void [id, createdAt, updatedAt, status, submittedAt, migratedFrom];
    return this.ports.assessments.create({ ...copy, supersedesId: original.id });
  }

  /** The viewer's own assessment; nobody reads another rater's answer through this. */
  async getOwn(viewer: Viewer, assessmentId: string): Promise<Assessment> {
    const assessment = await this.ports.assessments.findById(assessmentId);
    if (!assessment || assessment.raterId !== viewer.personId) {
      throw new AppError("not_found", `No assessment "${assessmentId}" of yours`);
    }
    return assessment;
  }

  listOwn(viewer: Viewer): Promise<Assessment[]> {
    return this.ports.assessments.listByRater(viewer.personId);
  }

  /**
   * Submitted self and manager assessments about a person, for the person and their managers.
   * Peer and upward answers are never listed: they exist for others only inside readiness aggregates.
   */
  async listAttributedAbout(viewer: Viewer, subjectId: string): Promise<Assessment[]> {
    await this.ports.access.authorize(viewer, ATTRIBUTED_ASSESSMENT_READERS, subjectId);
    return (await this.ports.assessments.listAttributedAbout(subjectId)).filter((a) => a.status === "submitted");
  }
}
