import { AppError } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import type { CareerPlanningStep, Framework } from "../framework/framework.ts";
import type { PeopleRepository, TitleOverrideRepository } from "../people/ports.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { recordRead } from "../audit/read-log.ts";
import type { ReadinessService } from "../readiness/readiness-service.ts";
import {
  DEFAULT_PLAN_CADENCE,
  dayOf,
  diffPlans,
  emptyPlanContent,
  isDueForReview,
  mapBeyondTitles,
  nextReviewAt,
  preparePlanContent,
  suggestSelfAwareness,
  validatePlanContent,
  type BeyondTitleMapping,
  type CareerPlan,
  type CareerPlanContent,
  type CareerPlanInput,
  type CareerPlanReview,
  type PlanCadence,
  type PlanChange,
  type SaveWarning,
  type SelfAwarenessSuggestions,
} from "./career-plan.ts";
import type { CareerPlanRepository } from "./ports.ts";

export interface CareerPlanPorts {
  plans: CareerPlanRepository;
  people: Pick<PeopleRepository, "findById" | "chainAbove">;
  /** The framework version in force: levels, competencies and the four planning steps come from it. */
  activeFramework: () => Promise<{ document: Framework; version: number }>;
  titleOverrides: Pick<TitleOverrideRepository, "list">;
  readiness: Pick<ReadinessService, "forPerson">;
  /** Every read of someone else's plan is logged, and the owner sees that log (DESIGN §5). */
  audit: AuditRepository;
  now?: () => Date;
  newId?: () => string;
}

/** A plan as one viewer may see it. */
export interface CareerPlanView {
  personId: string;
  /** False for an owner who has not saved a plan yet: the content is then empty. */
  isSaved: boolean;
  /** True when the viewer is the owner; a manager's view is a read to log. */
  isOwnView: boolean;
  content: CareerPlanContent;
  cadence: PlanCadence;
  isSharedWithManager: boolean;
  createdAt: Date | null;
  updatedAt: Date | null;
  lastReviewedAt: Date | null;
  nextReviewAt: Date | null;
  isDueForReview: boolean;
  beyondTitles: BeyondTitleMapping[];
  /** Readiness-drawn strengths and weaknesses, for the owner only. */
  suggestions: SelfAwarenessSuggestions | null;
  /** The four steps as the ladder describes them. */
  guide: CareerPlanningStep[];
}

export interface CareerPlanReviewView extends CareerPlanReview {
  /** What changed since the review before it; empty for the first. */
  changes: PlanChange[];
  previousReviewId: string | null;
}

/**
 * Long-term career plans (DESIGN §1.5, §5): a plan is its owner's own. Only the owner writes it;
 * the managers above see it once the owner shares it, and before that it does not exist for them.
 * Admins, as such, never see it.
 */
export class CareerPlanService {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly ports: CareerPlanPorts) {
    this.now = ports.now ?? (() => new Date());
    this.newId = ports.newId ?? (() => crypto.randomUUID());
  }

  private assertOwner(viewer: Viewer, personId: string): void {
    if (viewer.personId !== personId) throw new AppError("forbidden", "Only the owner changes their career plan");
  }

  /** The plan a manager above the owner may read: only a shared one, and a missing one looks the same. */
  private async readable(viewer: Viewer, personId: string): Promise<CareerPlan | null> {
    const person = await this.ports.people.findById(personId);
    if (!person) throw new AppError("not_found", `No person with id "${personId}"`);
    const plan = await this.ports.plans.find(person.id);
    if (viewer.personId === person.id) return plan;
    const chain = await this.ports.people.chainAbove(person.id);
    if (!chain.some((manager) => manager.id === viewer.personId)) {
      throw new AppError("forbidden", "A career plan is its owner's, shared only with the managers above them");
    }
    if (!plan?.isSharedWithManager) throw new AppError("not_found", `No shared career plan for "${personId}"`);
    return plan;
  }

  async view(viewer: Viewer, personId: string): Promise<CareerPlanView> {
    const plan = await this.readable(viewer, personId);
    const view = await this.present(viewer, personId, plan);
    await recordRead(this.ports.audit, viewer, { subjectId: personId, targetType: "plan", targetId: "career-plan" });
    return view;
  }

  private async present(viewer: Viewer, personId: string, plan: CareerPlan | null): Promise<CareerPlanView> {
    const isOwnView = viewer.personId === personId;
    const [{ document }, overrides] = await Promise.all([
      this.ports.activeFramework(),
      this.ports.titleOverrides.list(),
    ]);
    const content = plan?.content ?? emptyPlanContent();
    return {
      personId,
      isSaved: plan !== null,
      isOwnView,
      content,
      cadence: plan?.cadence ?? DEFAULT_PLAN_CADENCE,
      isSharedWithManager: plan?.isSharedWithManager ?? false,
      createdAt: plan?.createdAt ?? null,
      updatedAt: plan?.updatedAt ?? null,
      lastReviewedAt: plan?.lastReviewedAt ?? null,
      nextReviewAt: plan ? nextReviewAt(plan) : null,
      isDueForReview: plan ? isDueForReview(plan, this.now()) : false,
      beyondTitles: mapBeyondTitles(content.beyondTitles, document, overrides),
      suggestions: isOwnView ? await this.suggestions(personId, content, document) : null,
      guide: document.guidance?.careerPlanning ?? [],
    };
  }

  /** Measured against the plan's own target level when it has one, else the next level up. */
  private async suggestions(
    personId: string,
    content: CareerPlanContent,
    framework: Framework,
  ): Promise<SelfAwarenessSuggestions> {
    const target = content.envision.targetLevelId;
    const isKnownLevel = target !== null && framework.levels.some((level) => level.id === target);
    const readiness = await this.ports.readiness.forPerson(personId, {
      ...(isKnownLevel ? { targetLevelId: target } : {}),
      canSeePrivateEvidence: true,
    });
    return suggestSelfAwareness(readiness, framework);
  }

  /** Full replace by the owner. Unknown levels or competencies fail; a new due date in the past only warns. */
  async save(
    viewer: Viewer,
    personId: string,
    input: CareerPlanInput & { cadence: PlanCadence },
  ): Promise<{ view: CareerPlanView; warnings: SaveWarning[] }> {
    this.assertOwner(viewer, personId);
    const { document } = await this.ports.activeFramework();
    const details = validatePlanContent(input, document);
    if (details.length > 0) {
      throw new AppError("validation_failed", `Invalid plan: ${details[0]?.path} ${details[0]?.message}`, details);
    }
    const previous = await this.ports.plans.find(personId);
    const { content, warnings } = preparePlanContent(input, previous?.content ?? null, {
      today: dayOf(this.now()),
      newId: this.newId,
    });
    const saved = await this.ports.plans.save(personId, { content, cadence: input.cadence });
    return { view: await this.present(viewer, personId, saved), warnings };
  }

  async setSharing(viewer: Viewer, personId: string, isSharedWithManager: boolean): Promise<CareerPlanView> {
    this.assertOwner(viewer, personId);
    const plan = await this.ports.plans.setSharing(personId, isSharedWithManager);
    if (!plan) throw new AppError("not_found", "No career plan yet: save one before sharing it");
    return this.present(viewer, personId, plan);
  }

  /** The owner reviews the plan: its current content is kept as a dated version. */
  async review(viewer: Viewer, personId: string, note: string): Promise<CareerPlanReviewView> {
    this.assertOwner(viewer, personId);
    const plan = await this.ports.plans.find(personId);
    if (!plan) throw new AppError("not_found", "No career plan yet: save one before reviewing it");
    const previous = (await this.ports.plans.listReviews(personId)).at(-1);
    const review = await this.ports.plans.recordReview({
      personId,
      reviewedAt: this.now(),
      content: plan.content,
      note,
    });
    return {
      ...review,
      previousReviewId: previous?.id ?? null,
      changes: previous ? diffPlans(previous.content, review.content) : [],
    };
  }

  /** Past versions, newest first, each with its differences from the one before, and what changed since the last. */
  async reviews(
    viewer: Viewer,
    personId: string,
  ): Promise<{ isOwnView: boolean; reviews: CareerPlanReviewView[]; changesSinceLastReview: PlanChange[] }> {
    const plan = await this.readable(viewer, personId);
    const reviews = plan ? await this.ports.plans.listReviews(personId) : [];
    const views = reviews.map((review, index): CareerPlanReviewView => {
      const previous = reviews[index - 1];
      return {
        ...review,
        previousReviewId: previous?.id ?? null,
        changes: previous ? diffPlans(previous.content, review.content) : [],
      };
    });
    const last = reviews.at(-1);
    await recordRead(this.ports.audit, viewer, {
      subjectId: personId,
      targetType: "plan",
      targetId: "career-plan-reviews",
    });
    return {
      isOwnView: viewer.personId === personId,
      reviews: views.reverse(),
      changesSinceLastReview: plan && last ? diffPlans(last.content, plan.content) : [],
    };
  }
}
